// The master process: binds the listeners, boots `workers` worker processes and keeps them
// alive — killing the silent ones (WORKER TIMEOUT), replacing the ones that exit, recycling
// after max_requests, stopping gracefully on SIGTERM — with Gunicorn 20.1's log lines
// (gunicorn/arbiter.py). It also runs the modelled machine: the core pool and the memory ledger.
import { fork } from 'node:child_process';
import { addressTuple, listenerUrl } from './bind-address.ts';
import { ConnectionDispatcher, type Listener } from './connection-dispatcher.ts';
import { CorePool } from './core-pool.ts';
import { configVariable, isWorkerMessage, roleVariable, type MasterMessage, type WorkerConfig, type WorkerMessage } from './ipc-messages.ts';
import { log, machineLine } from './log.ts';
import type { Machine } from './machine-schema.ts';
import { MemoryLedger } from './memory-ledger.ts';
import { effectiveWorker, type Settings } from './settings.ts';
import { WorkerSlot } from './worker-slot.ts';

export interface ArbiterOptions {
  settings: Settings;
  listeners: Listener[];
  machine: Machine;
  app: string;
  cwd: string;
  /** The file a worker process runs: this engine's own entry (the bundle or cli.ts). */
  entryFile: string;
  /** Draws a worker's jitter: randint(0, max) both included. */
  randomInt(max: number): number;
}

const bootFailures: Record<number, string> = { 3: 'Worker failed to boot.', 4: 'App failed to load.' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Arbiter {
  private readonly o: ArbiterOptions;
  private readonly kind: 'sync' | 'gthread';
  private readonly workers = new Map<number, WorkerSlot>();
  private readonly dispatcher: ConnectionDispatcher;
  private readonly cores: CorePool;
  private readonly memory: MemoryLedger;
  private age = 0;
  private turn = 0;
  private stopping = false;
  private gracefulStop = true;
  private haltReason: { reason: string; code: number } | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private finish: (code: number) => void = () => undefined;
  readonly done: Promise<number>;

  constructor(options: ArbiterOptions) {
    this.o = options;
    this.kind = effectiveWorker(options.settings).kind;
    this.dispatcher = new ConnectionDispatcher(Math.max(1, options.settings.backlog), () => this.pickWorker());
    this.cores = new CorePool(options.machine.cores);
    this.memory = new MemoryLedger(options.machine, this.kind === 'sync' ? 1 : options.settings.threads);
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  async start(): Promise<void> {
    const { settings, machine } = this.o;
    log('INFO', 'Starting gunicorn 20.1.0');
    const bound: Listener[] = [];
    for (const listener of this.o.listeners) {
      const address = await this.bind(listener);
      if (!address) return this.finish(1);
      bound.push(address);
    }
    log('INFO', `Listening at: ${bound.map(listenerUrl).join(',')} (${process.pid})`);
    log('INFO', `Using worker: ${effectiveWorker(settings).label}`);
    machineLine(`cores=${machine.cores} memory=${machine.memory_mib} MiB (master ${machine.master_mib}, worker ${machine.worker_mib}, thread ${machine.thread_mib})`);
    if (!this.memory.fits(0)) return this.outOfMemory(0);
    for (let i = 0; i < settings.workers && !this.stopping; i++) this.spawnWorker();
    this.ticker = setInterval(() => this.murderWorkers(), 1000);
  }

  /** Gunicorn tries a busy address five times, a second apart (gunicorn/sock.py, create_sockets). */
  private async bind(listener: Listener): Promise<Listener | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.dispatcher.listen(listener);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        log('ERROR', code === 'EADDRINUSE' ? `Connection in use: ${addressTuple(listener)}` : `Invalid address: ${addressTuple(listener)} (${code})`);
        if (code !== 'EADDRINUSE') break;
        log('ERROR', 'Retrying in 1 second.');
        await sleep(1000);
      }
    }
    log('ERROR', `Can't connect to ${addressTuple(listener)}`);
    return undefined;
  }

  private spawnWorker(): void {
    const { settings } = this.o;
    if (!this.memory.fits(this.memory.liveWorkers + 1)) return this.outOfMemory(this.memory.liveWorkers + 1);
    const config: WorkerConfig = {
      app: this.o.app,
      cwd: this.o.cwd,
      kind: this.kind,
      threads: settings.threads,
      timeout: settings.timeout,
      gracefulTimeout: settings.graceful_timeout,
      keepalive: settings.keepalive,
      maxRequests: settings.max_requests > 0 ? settings.max_requests + this.o.randomInt(settings.max_requests_jitter) : 0,
      endpoints: this.o.machine.endpoints,
    };
    const child = fork(this.o.entryFile, [], {
      cwd: this.o.cwd,
      env: { ...process.env, [roleVariable]: 'worker', [configVariable]: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot = new WorkerSlot(child, this.age++);
    this.workers.set(slot.pid, slot);
    this.memory.addWorker(slot.pid);
    child.on('message', (message) => {
      if (isWorkerMessage(message)) this.onMessage(slot, message);
    });
    child.on('exit', (code, signal) => this.reap(slot, code, signal));
  }

  private send(slot: WorkerSlot, message: MasterMessage): void {
    // A worker can die between the `connected` test and the write (EPIPE). Without a callback
    // that error would be thrown as an unhandled 'error' event and kill the master; the
    // worker's 'exit' reaps and replaces it either way.
    if (slot.child.connected) slot.child.send(message, () => {});
  }

  private onMessage(slot: WorkerSlot, message: WorkerMessage): void {
    if (message.type === 'notify') slot.lastNotify = Date.now();
    else if (message.type === 'ready') {
      slot.port = message.port;
      // A stop sent while the worker was still loading may have found no listener yet.
      if (this.stopping) this.send(slot, { type: 'stop', graceful: this.gracefulStop });
      else this.dispatcher.drain();
    } else if (message.type === 'retiring') slot.retiring = true;
    else if (message.type === 'cpu') {
      void this.cores.acquire(slot.pid, message.id).then((held) => held && this.send(slot, { type: 'core', id: message.id }));
    } else if (message.type === 'cpu-done') this.cores.release(slot.pid, message.id);
    else if (message.type === 'leak') {
      if (!this.memory.fits(this.memory.liveWorkers, message.kib)) return this.outOfMemory(this.memory.liveWorkers, message.kib);
      this.memory.addLeak(slot.pid, message.kib);
    }
  }

  /** The kernel's part: which worker's accept() returns next. Idle sync workers, or the least busy gthread worker, in turn. */
  private pickWorker(): WorkerSlot | undefined {
    const candidates = [...this.workers.values()].filter((w) => w.accepting(this.kind, this.o.settings.worker_connections));
    if (candidates.length === 0) return undefined;
    const fewest = Math.min(...candidates.map((w) => w.openConnections));
    const least = candidates.filter((w) => w.openConnections === fewest);
    return least[this.turn++ % least.length];
  }

  private reap(slot: WorkerSlot, code: number | null, signal: NodeJS.Signals | null): void {
    this.workers.delete(slot.pid);
    this.cores.forgetWorker(slot.pid);
    this.memory.removeWorker(slot.pid);
    if (signal) log('WARNING', `Worker with pid ${slot.pid} was terminated due to signal ${signalNumber(signal)}`);
    if (this.stopping) {
      if (this.workers.size === 0) this.stopped(0);
      return;
    }
    if (code !== null && bootFailures[code]) return void this.halt(bootFailures[code], code);
    this.spawnWorker();
  }

  /** Once a second, as the arbiter's main loop: abort workers silent past `timeout`, SIGKILL the ones already aborted. */
  private murderWorkers(): void {
    const timeout = this.o.settings.timeout;
    if (!timeout || this.stopping) return;
    for (const slot of this.workers.values()) {
      if (slot.lastNotify === undefined || Date.now() - slot.lastNotify <= timeout * 1000) continue;
      if (!slot.aborted) {
        log('CRITICAL', `WORKER TIMEOUT (pid:${slot.pid})`);
        slot.aborted = true;
        this.send(slot, { type: 'abort' });
      } else {
        slot.child.kill('SIGKILL');
      }
    }
  }

  private outOfMemory(workers: number, extraLeakKib = 0): void {
    machineLine(`Out of memory: Killed process ${process.pid} (gunicorn) — ${this.memory.describe(workers, extraLeakKib)}`);
    this.stopping = true;
    clearInterval(this.ticker);
    for (const slot of this.workers.values()) slot.child.kill('SIGKILL');
    this.dispatcher.destroyAll();
    this.finish(137);
  }

  /** SIGTERM: graceful (workers finish within graceful_timeout); SIGINT: quick. */
  async stop(graceful: boolean): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.gracefulStop = graceful;
    clearInterval(this.ticker);
    this.dispatcher.closeListeners();
    if (this.workers.size === 0) return this.stopped(0);
    for (const slot of this.workers.values()) this.send(slot, { type: 'stop', graceful });
    const grace = setTimeout(() => {
      for (const slot of this.workers.values()) slot.child.kill('SIGKILL');
    }, graceful ? this.o.settings.graceful_timeout * 1000 : 1000);
    grace.unref();
  }

  /** A worker could not boot: stop everything and exit with its status (gunicorn/arbiter.py, HaltServer). */
  private async halt(reason: string, code: number): Promise<void> {
    this.haltReason = { reason, code };
    await this.stop(false);
  }

  private stopped(code: number): void {
    clearInterval(this.ticker);
    log('INFO', 'Shutting down: Master');
    if (this.haltReason) log('INFO', `Reason: ${this.haltReason.reason}`);
    this.dispatcher.destroyAll();
    this.finish(this.haltReason?.code ?? code);
  }
}

function signalNumber(signal: NodeJS.Signals): number | string {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGKILL: 9, SIGTERM: 15, SIGINT: 2, SIGABRT: 6, SIGSEGV: 11, SIGQUIT: 3, SIGHUP: 1 };
  return numbers[signal] ?? signal;
}
