import { defineCheck, fail } from '../../kit/check.ts';
import { bootMemoryFormula, bootMemoryMib, describeSettings, worstLeakPerWorkerMib } from '../gunicorn-settings.ts';
import type { LabWorld } from '../lab-world.ts';
import { labSettings, leakPerExportMib, machine } from '../lab-settings.ts';
import { runLeakExperiment } from '../leak-run.ts';
import { readSettings } from '../read-settings.ts';

const { leakRequests, leakClients } = labSettings;
const mib = (n: number) => `${Math.round(n * 10) / 10} MiB`;

export const containsSlowLeak = defineCheck<LabWorld>({
  slug: 'contains-slow-leak',
  title: `A leaking endpoint (GET /export, ${leakPerExportMib * 1024} KiB per call) is contained: max_requests recycles workers, so memory stays within the box`,
  hint: `When a leak cannot be fixed today, recycle the workers that carry it: after max_requests requests (plus a random 0 to max_requests_jitter) a worker finishes its request, exits and is replaced by a fresh one, taking its leaked memory with it. Size it from the memory left after booting: workers × (max_requests + jitter) × leak per request must fit. See https://docs.gunicorn.org/en/stable/settings.html#max-requests`,
  timeoutMs: 45_000,
  async run(ctx) {
    const settings = await readSettings(ctx);
    ctx.setRepro(`seq ${leakRequests} | xargs -P ${leakClients} -I{} curl -s -o /dev/null -D - http://${ctx.host}:${ctx.port}/export | grep -i x-worker-pid | sort | uniq -c`);
    ctx.note(`> restart the arbiter, then ${leakRequests} × GET /export from ${leakClients} clients`);
    const run = await runLeakExperiment(ctx, settings);
    const errors = Object.entries(run.errors).map(([code, n]) => `${n} × ${code}`).join(', ');
    ctx.note(`< ${run.answered} answered 200 in ${(run.durationMs / 1000).toFixed(1)} s${errors ? `, ${errors}` : ''}; ${run.recycled.length} workers recycled`);
    for (const line of run.log.matching(/Autorestarting|Out of memory/, 4)) ctx.note(`log: ${line.trim()}`);
    const spare = machine.memory_mib - bootMemoryMib(settings);
    if (run.outOfMemory) {
      const recycling = settings.maxRequests > 0 ? `max_requests = ${settings.maxRequests} recycles them too late` : 'max_requests = 0 never recycles them';
      fail({
        reason: 'exited',
        message: `The box ran out of memory after ${run.answered} calls of GET /export, and the arbiter was killed as the Linux OOM killer would kill it. The workers booted in ${bootMemoryFormula(settings)}, leaving ${spare} MiB; each call leaked ${leakPerExportMib} MiB into the worker that served it, and ${recycling}.`,
        expected: `workers recycled before their leaks fill the ${spare} MiB left`,
        actual: run.outOfMemory,
      });
    }
    if (run.recycled.length === 0) {
      const held = run.busiestUnrecycled * leakPerExportMib;
      fail({
        message: `No worker was recycled during ${leakRequests} calls of GET /export, so every leaked byte stayed: the busiest worker served ${run.busiestUnrecycled} requests and holds ${mib(held)} of leaks, and keeps growing with every call. Booted, the box has ${spare} MiB to spare; a leak that is never recycled uses it up.`,
        expected: 'workers recycled by max_requests ("Autorestarting worker after current request." in the log)',
        actual: `no recycling (${describeSettings(settings)})`,
      });
    }
    const worstTotal = bootMemoryMib(settings) + settings.workers * worstLeakPerWorkerMib(settings);
    if (worstTotal > machine.memory_mib) {
      fail({
        message: `Workers are recycled, but too late: with max_requests = ${settings.maxRequests} and max_requests_jitter = ${settings.maxRequestsJitter}, a worker can leak ${mib(worstLeakPerWorkerMib(settings))} before it is recycled, and ${settings.workers} workers at that point need ${bootMemoryMib(settings)} + ${settings.workers} × ${mib(worstLeakPerWorkerMib(settings))} = ${mib(worstTotal)}, more than the box's ${machine.memory_mib} MiB.`,
        expected: `${bootMemoryMib(settings)} MiB + workers × (max_requests + jitter) × ${leakPerExportMib} MiB ≤ ${machine.memory_mib} MiB`,
        actual: `${mib(worstTotal)} at worst`,
      });
    }
    const longest = Math.max(...run.recycled.map((worker) => worker.served));
    return `${run.recycled.length} workers recycled after at most ${longest} requests (${mib(longest * leakPerExportMib)} of leaks); at worst ${mib(worstTotal)} of the box's ${machine.memory_mib} MiB, ${run.answered} of ${leakRequests} requests answered 200.`;
  },
});
