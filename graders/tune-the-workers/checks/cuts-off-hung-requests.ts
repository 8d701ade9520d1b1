import { defineCheck, fail } from '../../kit/check.ts';
import { ArbiterLog } from '../arbiter-log.ts';
import { isThreaded, type WorkerSettings } from '../gunicorn-settings.ts';
import type { LabWorld } from '../lab-world.ts';
import { labSettings } from '../lab-settings.ts';
import { readSettings } from '../read-settings.ts';
import { describeOutcome, getOnce, type Outcome } from '../single-request.ts';

const { hangCutoffMs } = labSettings;
const cutoffS = hangCutoffMs / 1000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

function whyNotCutOff(settings: WorkerSettings): string {
  if (isThreaded(settings)) {
    return `Your workers are threaded (threads = ${settings.threads}): a gthread worker tells the arbiter it is alive from its main loop, whatever its threads are doing, so timeout never fires for a request stuck in one thread. Gunicorn 20.1 behaves the same. With sync workers (threads = 1) the worker stays silent while it serves, and timeout is the backstop.`;
  }
  if (settings.timeout === 0) return 'timeout = 0 turns the timeout off: the arbiter never kills a silent worker.';
  return `timeout = ${settings.timeout}: the arbiter kills a worker only after ${settings.timeout} s of silence, longer than the ${cutoffS} s this check waits. No legitimate request here takes a second.`;
}

export const cutsOffHungRequests = defineCheck<LabWorld>({
  slug: 'cuts-off-hung-requests',
  title: `A request that hangs (GET /hang) is cut off by timeout within ${cutoffS} s, and the service keeps answering`,
  hint: `timeout is how long a worker may stay silent before the arbiter kills it and boots a new one; the default 30 s holds a worker, and its slot, for half a minute, and 0 disables it. Choose it above your slowest legitimate request and well below ${cutoffS} s. It only protects sync workers: a threaded (gthread) worker keeps signalling from its main loop while one of its threads hangs. See https://docs.gunicorn.org/en/stable/settings.html#timeout`,
  timeoutMs: hangCutoffMs + 15_000,
  async run(ctx) {
    const settings = await readSettings(ctx);
    const base = `http://${ctx.host}:${ctx.port}`;
    ctx.setRepro(`curl -i ${base}/hang`);
    ctx.note(`> GET /hang (it waits on an API that never answers), then GET /health while it hangs`);
    const hung = getOnce(ctx.host, ctx.port, '/hang', hangCutoffMs, ctx.signal);
    await pause(300);
    const during = await Promise.all([1, 2, 3].map(() => getOnce(ctx.host, ctx.port, '/health', hangCutoffMs, ctx.signal)));
    ctx.note(`< GET /health × 3 while /hang hangs: ${during.map(describeOutcome).join('; ')}`);
    const outcome: Outcome = await hung;
    ctx.note(`< GET /hang: ${describeOutcome(outcome)}`);
    if (outcome.kind === 'timeout') {
      fail({
        message: `GET /hang was still holding its worker after ${cutoffS} s. ${whyNotCutOff(settings)}`,
        expected: `the arbiter kills the silent worker within ${cutoffS} s (log: [CRITICAL] WORKER TIMEOUT (pid:N)) and boots a new one`,
        actual: `no answer and no WORKER TIMEOUT after ${cutoffS} s (timeout = ${settings.timeout}, threads = ${settings.threads})`,
      });
    }
    await pause(1200);
    const log = new ArbiterLog(ctx.program.output.split('\n'));
    const killed = log.timedOutPids();
    for (const line of log.matching(/WORKER TIMEOUT|terminated due to signal/)) ctx.note(`log: ${line.trim()}`);
    if (killed.length === 0) {
      fail({
        message: `GET /hang ended (${describeOutcome(outcome)}), but the arbiter's log has no WORKER TIMEOUT line: something other than timeout ended it.`,
        expected: '[CRITICAL] WORKER TIMEOUT (pid:N) in the log',
        actual: log.lines.slice(-3).join('\n'),
      });
    }
    const after = await getOnce(ctx.host, ctx.port, '/orders', 5000, ctx.signal);
    ctx.note(`> GET /orders after the kill\n< ${describeOutcome(after)}`);
    const unanswered = [...during, after].filter((o) => o.kind !== 'answer' || o.status !== 200);
    if (unanswered.length > 0) {
      fail({
        message: `The hung request was cut off, but the service did not keep answering: ${unanswered.map(describeOutcome).join('; ')}.`,
        expected: 'GET /health during the hang and GET /orders after it answer 200',
        actual: [...during, after].map(describeOutcome).join('; '),
      });
    }
    return `GET /hang was cut off after ${(outcome.ms / 1000).toFixed(1)} s (WORKER TIMEOUT (pid:${killed[0]})), GET /health answered 200 meanwhile and GET /orders afterwards.`;
  },
});
