// The leak checks' shared experiment: a fresh arbiter (so every worker's request count starts
// at zero), then a bounded burst of GET /export, each leaking memory in the worker that serves
// it. Afterwards the log says which workers recycled themselves (max_requests), and the
// answers' X-Worker-Pid headers say how many requests each served and when it served its last.
import type { CheckContext } from '../kit/check.ts';
import { ArbiterLog } from './arbiter-log.ts';
import type { WorkerSettings } from './gunicorn-settings.ts';
import type { LabWorld } from './lab-world.ts';
import { labSettings } from './lab-settings.ts';
import { answersByPid, runPidLoad } from './pid-load.ts';
import { startWorkers } from './workers-ready.ts';

export interface RecycledWorker {
  pid: number;
  /** Requests it served from boot to recycling: its max_requests plus its jitter draw. */
  served: number;
  /** When it sent its last answer, in ms since the burst began. */
  lastAnswerAt: number;
  /** Booted with the arbiter, as after a deploy, rather than as a replacement during the burst. */
  firstGeneration: boolean;
}

export interface LeakRun {
  requests: number;
  answered: number;
  errors: Record<string, number>;
  durationMs: number;
  recycled: RecycledWorker[];
  /** The longest time between two answers: how long the service stalled, e.g. while workers rebooted. */
  longestPauseMs: number;
  /** Most requests any worker served without being recycled (so far). */
  busiestUnrecycled: number;
  outOfMemory: string | undefined;
  log: ArbiterLog;
}

export async function runLeakExperiment(ctx: CheckContext<LabWorld>, settings: WorkerSettings): Promise<LeakRun> {
  if (ctx.env.leakRun) return ctx.env.leakRun;
  const firstGeneration = new Set(await startWorkers(ctx, settings, 20_000));
  const report = await runPidLoad({
    host: ctx.host,
    port: ctx.port,
    path: '/export',
    requests: labSettings.leakRequests,
    clients: labSettings.leakClients,
    timeoutMs: labSettings.leakRequestTimeoutMs,
    signal: ctx.signal,
    stopWhen: () => !ctx.program.running,
  });
  const log = new ArbiterLog(ctx.program.output.split('\n'));
  const recycledPids = new Set(log.recycledPids());
  const byPid = answersByPid(report.answers);
  const recycled: RecycledWorker[] = [];
  let busiestUnrecycled = 0;
  for (const [pid, answers] of byPid) {
    if (recycledPids.has(pid)) recycled.push({ pid, served: answers.length, lastAnswerAt: Math.round(Math.max(...answers.map((a) => a.at))), firstGeneration: firstGeneration.has(pid) });
    else busiestUnrecycled = Math.max(busiestUnrecycled, answers.length);
  }
  const run: LeakRun = {
    requests: labSettings.leakRequests,
    answered: report.answers.filter((answer) => answer.status === 200).length,
    errors: report.errors,
    durationMs: report.durationMs,
    recycled: recycled.sort((a, b) => a.lastAnswerAt - b.lastAnswerAt),
    busiestUnrecycled,
    longestPauseMs: longestPause(report.answers.map((answer) => answer.at)),
    outOfMemory: log.outOfMemory(),
    log,
  };
  ctx.env.leakRun = run;
  return run;
}

function longestPause(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let longest = 0;
  for (let i = 1; i < sorted.length; i += 1) longest = Math.max(longest, (sorted[i] as number) - (sorted[i - 1] as number));
  return Math.round(longest);
}

/** The most recycles that happened within any window of `windowMs`, and where that window starts. */
export function busiestRestartWindow(recycled: readonly RecycledWorker[], windowMs: number): { count: number; from: number } {
  let best = { count: 0, from: 0 };
  for (const [i, worker] of recycled.entries()) {
    const count = recycled.slice(i).filter((other) => other.lastAnswerAt - worker.lastAnswerAt <= windowMs).length;
    if (count > best.count) best = { count, from: worker.lastAnswerAt };
  }
  return best;
}
