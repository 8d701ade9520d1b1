// The three instances of the learner's server that the grader runs behind its proxy: each is
// the lab's start command (`node launch.mjs`) with its own PORT and INSTANCE_NAME and the
// shared CACHE_URL. The checks kill one and start it again, and ask which instance answered a
// request from the proxy's X-Upstream header.
import { CheckFailure, fail } from '../kit/check.ts';
import type { LabManifest } from '../kit/manifest-schema.ts';
import { LearnerProgram } from '../kit/process/learner-program.ts';
import { describeExit } from '../kit/process/managed-process.ts';
import type { Teardown } from '../kit/process/teardown.ts';
import type { RunEventListener } from '../kit/run-events.ts';
import type { InstanceAddress } from '../../labs/make-it-stateless/services/proxy-conf.ts';

export interface AppInstancesOptions {
  manifest: LabManifest;
  dir: string;
  host: string;
  ports: readonly number[];
  /** CACHE_URL and SESSION_TTL_SECONDS, the same for every instance. */
  env: Record<string, string>;
  emit: RunEventListener;
  teardown: Teardown;
}

interface Instance {
  address: InstanceAddress;
  program: LearnerProgram;
  /** False while a check has it killed on purpose. */
  wanted: boolean;
}

export class AppInstances {
  readonly addresses: readonly InstanceAddress[];
  private readonly options: AppInstancesOptions;
  private readonly instances: Instance[];

  constructor(options: AppInstancesOptions) {
    this.options = options;
    this.addresses = options.ports.map((port, i) => ({ name: `app-${i + 1}`, host: options.host, port }));
    this.instances = this.addresses.map((address) => ({ address, program: this.program(address), wanted: true }));
    options.teardown.add('stop the app instances', () => this.stopAll());
  }

  /** The environment one instance gets, as a shell prefix, for "try it". */
  commandLine(name = 'app-1'): string {
    const address = this.addresses.find((candidate) => candidate.name === name) ?? this.addresses[0];
    const env = { ...this.options.env, INSTANCE_NAME: address?.name ?? name, PORT: String(address?.port), HOST: this.options.host };
    return `cd ${this.options.dir} && ${Object.entries(env).map(([key, value]) => `${key}=${value}`).join(' ')} ${this.instances[0]?.program.commandLine ?? ''}`;
  }

  /** Starts every instance at once; fails, naming the instance, when one exits or never listens. */
  async startAll(signal: AbortSignal): Promise<number> {
    const started = Date.now();
    await Promise.all(this.instances.map((instance) => this.startOne(instance, signal)));
    return Date.now() - started;
  }

  /** Ends an instance as a crash would: its memory, and any session kept there, is gone. */
  async kill(name: string): Promise<void> {
    const instance = this.find(name);
    instance.wanted = false;
    await instance.program.stop();
  }

  /** Starts a killed instance again on its port, as a supervisor or a deploy would. */
  async restart(name: string, signal: AbortSignal): Promise<void> {
    const instance = this.find(name);
    instance.program = this.program(instance.address);
    instance.wanted = true;
    await this.startOne(instance, signal);
  }

  /** The instance behind an X-Upstream value; after a retry nginx lists every address tried, the last answered. */
  nameOf(upstream: string | undefined): string | undefined {
    const last = upstream?.split(',').at(-1)?.trim();
    return this.addresses.find((address) => `${address.host}:${address.port}` === last)?.name;
  }

  /** Fails with reason "exited" when an instance that should be running has died. */
  expectRunning(): void {
    for (const { address, program, wanted } of this.instances) {
      if (!wanted || !program.exitInfo) continue;
      const lines = program.output.split('\n').filter((line) => line.trim() !== '').slice(-4).join('\n');
      fail({
        reason: 'exited',
        message: `${address.name}, the instance of your server on port ${address.port}, ${describeExit(program.exitInfo)} during this check, so the proxy could only use the others.${lines ? ' Its last output is under "actual".' : ''}`,
        expected: 'three instances that keep running and answering',
        actual: lines ? `${address.name} ${describeExit(program.exitInfo)} after printing:\n${lines}` : `${address.name} ${describeExit(program.exitInfo)}`,
      });
    }
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.program.stop()));
  }

  private find(name: string): Instance {
    const instance = this.instances.find((candidate) => candidate.address.name === name);
    if (!instance) throw new Error(`no app instance is called ${name}; the instances are ${this.addresses.map((a) => a.name).join(', ')}`);
    return instance;
  }

  private program(address: InstanceAddress): LearnerProgram {
    const { manifest, dir, host, env, emit } = this.options;
    const command = [manifest.start.command, ...manifest.start.args].join(' ');
    return new LearnerProgram({
      manifest,
      dir,
      host,
      port: address.port,
      readyTimeoutMs: 8000,
      env: { ...env, INSTANCE_NAME: address.name },
      onLine: (_label, line, stream) => emit({ type: 'output', label: address.name, line, stream }),
      onSpawn: (pid) => emit({ type: 'process-start', label: address.name, command, pid }),
    });
  }

  private async startOne(instance: Instance, signal: AbortSignal): Promise<void> {
    try {
      await instance.program.start(signal);
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      // The kit speaks of "your program"; here there are three, so say which one.
      throw new CheckFailure({ reason: error.reason, message: `${instance.address.name} (PORT=${instance.address.port}): ${error.message}`, expected: error.expected, actual: error.actual });
    }
  }
}
