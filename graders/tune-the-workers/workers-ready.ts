// Starting the learner's arbiter and waiting until every worker has booted, or until the
// modelled machine kills it for running out of memory, which the checks report with the
// arbiter's own line and the arithmetic behind it.
import { startWithEnvironment } from '../cache-aside/program-environment.ts';
import { CheckFailure, fail, type CheckContext } from '../kit/check.ts';
import { ArbiterLog } from './arbiter-log.ts';
import { bootMemoryFormula, type WorkerSettings } from './gunicorn-settings.ts';
import type { LabWorld } from './lab-world.ts';
import { machine } from './lab-settings.ts';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function failOutOfMemory(settings: WorkerSettings, line: string, when: string): never {
  fail({
    reason: 'exited',
    message: `The box ran out of memory ${when}, and the arbiter was killed as the Linux OOM killer would kill it: ${bootMemoryFormula(settings)} for the master and workers alone, on a box with ${machine.memory_mib} MiB.`,
    expected: `master and workers within ${machine.memory_mib} MiB`,
    actual: line,
  });
}

/** Starts the program (or restarts it) and resolves with the pids of its booted workers. */
export async function startWorkers(ctx: CheckContext<LabWorld>, settings: WorkerSettings, bootTimeoutMs: number): Promise<number[]> {
  const log = () => new ArbiterLog(ctx.program.output.split('\n'));
  try {
    if (ctx.program.running) await ctx.program.stop();
    // The arbiter draws each worker's max_requests_jitter from this seed, so a run repeated
    // with the same --seed recycles its workers after the same numbers of requests.
    await startWithEnvironment(ctx.program, { COURSE_GUNICORN_SEED: String(ctx.random.int(1, 2 ** 31 - 1)) }, ctx.signal);
  } catch (error) {
    const oom = log().outOfMemory();
    if (error instanceof CheckFailure && oom) failOutOfMemory(settings, oom, 'while the workers were booting');
    throw error;
  }
  const deadline = Date.now() + bootTimeoutMs;
  while (!ctx.signal.aborted) {
    const booted = log().bootedPids();
    if (booted.length >= settings.workers) return booted;
    if (!ctx.program.running) {
      const oom = log().outOfMemory();
      if (oom) failOutOfMemory(settings, oom, `after ${booted.length} of ${settings.workers} workers had booted`);
      fail({ reason: 'exited', message: `The arbiter exited after booting ${booted.length} of ${settings.workers} workers.`, expected: `all ${settings.workers} workers running`, actual: log().lines.slice(-4).join('\n') });
    }
    if (Date.now() > deadline) {
      fail({
        reason: 'timeout',
        message: `Only ${booted.length} of ${settings.workers} workers booted within ${bootTimeoutMs / 1000} s.`,
        expected: `${settings.workers} "Booting worker with pid" lines in the log`,
        actual: `${booted.length}`,
      });
    }
    await pause(50);
  }
  return log().bootedPids();
}
