import { defineCheck, fail } from '../../kit/check.ts';
import { describeSettings, isThreaded } from '../gunicorn-settings.ts';
import type { LabWorld } from '../lab-world.ts';
import { labSettings } from '../lab-settings.ts';
import { describeStep, runStep, seriesRow, warmUp, type StepResult } from '../load-steps.ts';
import { readSettings } from '../read-settings.ts';

const { loadSteps, sloP95Ms, stepMs, requestTimeoutMs } = labSettings;
const profileClients = loadSteps[loadSteps.length - 1] as number;

function failsObjective(step: StepResult): boolean {
  return Math.round(step.report.latencyMs.p95) > sloP95Ms || step.errors > 0;
}

export const meetsLatencySlo = defineCheck<LabWorld>({
  slug: 'meets-latency-slo',
  title: `With ${profileClients} clients (80 % GET /orders, 20 % GET /report), p95 latency is at most ${sloP95Ms} ms and no request fails`,
  hint: `A sync worker serves one request at a time, also while it only waits for the database, so requests in flight beyond workers × threads queue. Little's law gives the number to beat: ${profileClients} clients each keep one request in flight. The (2 × cores) + 1 rule assumes requests that mostly compute; these mostly wait. Read the chart: if p95 climbs while requests per second stay flat, every slot is busy. See https://docs.gunicorn.org/en/stable/design.html#how-many-workers`,
  timeoutMs: 40_000,
  async run(ctx) {
    const settings = await readSettings(ctx);
    const slots = settings.workers * settings.threads;
    ctx.setRepro(`seq ${profileClients * 10} | xargs -P ${profileClients} -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\\n' http://${ctx.host}:${ctx.port}/orders`);
    const steps: StepResult[] = [];
    // Fresh workers answer their first request a little slower; warm them up unmeasured.
    await warmUp(ctx.host, ctx.port, settings.workers, ctx.signal);
    const measure = async (clients: number, label = `${clients} clients`) => {
      ctx.note(`> ${clients} clients for ${stepMs / 1000} s, each sending its next request when the last is answered (every ${labSettings.reportEvery}th GET /report, the rest GET /orders)`);
      const step = await runStep(ctx.host, ctx.port, clients, ctx.signal, label);
      steps.push(step);
      ctx.note(`< ${describeStep(step)}`);
      return step;
    };
    let profile: StepResult | undefined;
    try {
      for (const clients of loadSteps) profile = await measure(clients);
      // A busy computer can stall any process for a moment. A miss by less than half again the
      // objective, without errors, is measured once more, and the better run counts; a wrong
      // configuration misses by far more, every time.
      const first = profile as StepResult;
      if (failsObjective(first) && first.errors === 0 && first.report.latencyMs.p95 < sloP95Ms * 1.5) {
        ctx.note(`p95 missed the objective by less than half, which a busy computer can cause: measuring ${profileClients} clients once more`);
        const again = await measure(profileClients, `${profileClients} clients, again`);
        if (again.report.latencyMs.p95 < first.report.latencyMs.p95) profile = again;
      }
    } finally {
      if (steps.length > 0) {
        ctx.setSeries({
          title: 'Latency and throughput as clients grow',
          subject: describeSettings(settings),
          unit: 'ms',
          target: { label: `objective: p95 ≤ ${sloP95Ms} ms`, p95: sloP95Ms },
          rows: steps.map(seriesRow),
        });
      }
    }
    if (!profile) throw new Error('the load steps did not run');
    const p95 = Math.round(profile.report.latencyMs.p95);
    const measured = `p95 ${p95} ms, ${profile.errors} error${profile.errors === 1 ? '' : 's'}, ${profile.report.throughput} req/s`;
    if (failsObjective(profile)) {
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      const why =
        slots < profileClients
          ? `Your ${isThreaded(settings) ? `${plural(settings.workers, 'worker')} × ${plural(settings.threads, 'thread')} serve` : `${plural(slots, 'sync worker')} ${slots === 1 ? 'serves' : 'serve'}`} ${plural(slots, 'request')} at a time, while ${profileClients} clients keep ${profileClients} requests in flight: the rest wait in the queue.`
          : isThreaded(settings)
            ? `Your ${slots} slots cover the ${profileClients} requests in flight, but the threads of one worker share its interpreter lock, so a GET /report computing in a worker holds up the other requests it serves.`
            : `Your ${slots} slots cover the ${profileClients} requests in flight, so the time went elsewhere: if the chart shows p50 far below p95, the computer was busy; run the check again.`;
      const failed = profile.errors > 0 ? ` and ${profile.errors} request${profile.errors === 1 ? '' : 's'} got no answer within ${requestTimeoutMs / 1000} s` : '';
      fail({
        message: `With ${profileClients} clients, p95 latency was ${p95} ms against an objective of ${sloP95Ms} ms${failed}. ${why}`,
        expected: `p95 ≤ ${sloP95Ms} ms and 0 errors at ${profileClients} clients`,
        actual: `${measured} (${describeSettings(settings)})`,
      });
    }
    return `With ${profileClients} clients: ${measured}, within the objective of p95 ≤ ${sloP95Ms} ms.`;
  },
});
