import { defineCheck, fail } from '../../kit/check.ts';
import { describeSettings, isThreaded } from '../gunicorn-settings.ts';
import type { LabWorld } from '../lab-world.ts';
import { labSettings } from '../lab-settings.ts';
import { describeStep, runStep, seriesRow, warmUp, type StepResult } from '../load-steps.ts';
import { readSettings } from '../read-settings.ts';

const { loadSteps, sloP95Ms, stepMs, requestTimeoutMs } = labSettings;
const profileClients = loadSteps[loadSteps.length - 1] as number;

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
    try {
      for (const clients of loadSteps) {
        ctx.note(`> ${clients} clients for ${stepMs / 1000} s, each sending its next request when the last is answered (every ${labSettings.reportEvery}th GET /report, the rest GET /orders)`);
        const step = await runStep(ctx.host, ctx.port, clients, ctx.signal);
        steps.push(step);
        ctx.note(`< ${describeStep(step)}`);
      }
    } finally {
      if (steps.length > 0) {
        ctx.env.series.record('meets-latency-slo', {
          title: 'Latency and throughput as clients grow',
          subject: describeSettings(settings),
          unit: 'ms',
          target: { label: `objective: p95 ≤ ${sloP95Ms} ms`, p95: sloP95Ms },
          rows: steps.map(seriesRow),
        });
      }
    }
    const profile = steps[steps.length - 1] as StepResult;
    const p95 = Math.round(profile.report.latencyMs.p95);
    const measured = `p95 ${p95} ms, ${profile.errors} error${profile.errors === 1 ? '' : 's'}, ${profile.report.throughput} req/s`;
    if (p95 > sloP95Ms || profile.errors > 0) {
      const why = isThreaded(settings)
        ? `Your ${settings.workers} workers × ${settings.threads} threads give ${slots} slots; threads overlap waiting but share one worker's interpreter lock for computing.`
        : `Your ${slots} sync worker${slots === 1 ? '' : 's'} serve${slots === 1 ? 's' : ''} ${slots} request${slots === 1 ? '' : 's'} at a time, while ${profileClients} clients keep ${profileClients} requests in flight: the rest wait in the queue.`;
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
