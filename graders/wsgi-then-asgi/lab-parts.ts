// The lab's two parts as the checks start them. `node launch.mjs` serves app.py and
// asgi_app.py side by side; LAB_SERVE=wsgi or LAB_SERVE=asgi makes it serve one part alone on
// PORT, so each part is graded by itself and with the kit's HTTP client, which talks to PORT.
//
// The kit gives a program PORT and HOST on top of the grader's own environment, which it copies
// synchronously when it spawns the program (LearnerProgram.start → ManagedProcess →
// child_process.spawn). Setting LAB_SERVE just around that synchronous call hands it to this
// program alone, even when several grader runs share one process, as the tests do.
import type { CheckContext } from '../kit/check.ts';

export type LabPart = 'wsgi' | 'asgi';

/** Python loads in about 4 s on a quiet machine; a busy one with two cores can take several times that. */
export const readyTimeoutMs = 60_000;

export const partFiles: Record<LabPart, string> = { wsgi: 'app.py', asgi: 'asgi_app.py' };

/** The shell line that starts one part the way the checks do, for "try it". */
export function partCommandLine(ctx: CheckContext<unknown>, part: LabPart): string {
  return `LAB_SERVE=${part} PORT=${ctx.port} HOST=${ctx.host} ${ctx.program.commandLine}`;
}

/** Stops whatever part is running, then starts `part` alone on PORT and waits until it listens. */
export async function startPart(ctx: CheckContext<unknown>, part: LabPart): Promise<number> {
  await ctx.program.stop();
  const saved = process.env.LAB_SERVE;
  process.env.LAB_SERVE = part;
  let starting: Promise<number>;
  try {
    // Not awaited here: the spawn happens synchronously inside start(), and LAB_SERVE must be
    // restored before anything else runs.
    starting = ctx.program.start(ctx.signal);
  } finally {
    if (saved === undefined) delete process.env.LAB_SERVE;
    else process.env.LAB_SERVE = saved;
  }
  return starting;
}
