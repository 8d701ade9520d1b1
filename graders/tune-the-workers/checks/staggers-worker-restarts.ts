import { defineCheck, fail } from '../../kit/check.ts';
import type { LabWorld } from '../lab-world.ts';
import { busiestRestartWindow, runLeakExperiment } from '../leak-run.ts';
import { readSettings } from '../read-settings.ts';

const windowMs = 250;

export const staggersWorkerRestarts = defineCheck<LabWorld>({
  slug: 'staggers-worker-restarts',
  title: 'Workers recycle after different numbers of requests (max_requests_jitter), so they do not all restart at once',
  hint: 'With max_requests alone every worker gets the same limit; under even load they reach it together and restart together, and while the new ones boot the service has no capacity. max_requests_jitter adds a random 0 to N to each worker\'s limit, which spreads the restarts out; about half of max_requests is a common choice. See https://docs.gunicorn.org/en/stable/settings.html#max-requests-jitter',
  timeoutMs: 45_000,
  async run(ctx) {
    const settings = await readSettings(ctx);
    const run = await runLeakExperiment(ctx, settings);
    const served = run.recycled.map((worker) => worker.served);
    const busiest = busiestRestartWindow(run.recycled, windowMs);
    ctx.note(`log: ${run.recycled.length} × "Autorestarting worker after current request."`);
    ctx.note(`requests served before recycling, by worker: ${served.join(', ') || '(none)'}`);
    const together = run.recycled.filter((worker) => worker.firstGeneration).map((worker) => worker.served);
    ctx.note(`the same, for the workers that booted together: ${together.sort((a, b) => a - b).join(', ') || '(none)'}`);
    ctx.note(`longest pause between two answers: ${run.longestPauseMs} ms`);
    ctx.note(`most restarts within ${windowMs} ms: ${busiest.count}, from ${busiest.from} ms into the burst`);
    if (run.recycled.length < 2) {
      fail({
        message: `Only ${run.recycled.length} worker was recycled during the leak check, too few to see when workers restart.`,
        expected: 'several workers recycled by max_requests',
        actual: `${run.recycled.length} recycled (max_requests = ${settings.maxRequests})`,
      });
    }
    const distinct = new Set(served);
    if (distinct.size === 1) {
      fail({
        message: `All ${served.length} recycled workers served exactly ${served[0]} requests: max_requests_jitter = ${settings.maxRequestsJitter} gives every worker the same limit, so under even load they restart together. Here ${busiest.count} of them restarted within ${windowMs} ms of each other, and the service answered nothing for ${(run.longestPauseMs / 1000).toFixed(1)} s while their replacements booted.`,
        expected: 'different limits per worker (max_requests + a random 0 to max_requests_jitter)',
        actual: `every recycled worker served ${served[0]} requests; ${busiest.count} restarts within ${windowMs} ms`,
      });
    }
    return `Recycled workers served between ${Math.min(...served)} and ${Math.max(...served)} requests, so their restarts were spread out (at most ${busiest.count} within ${windowMs} ms).`;
  },
});
