// The modelled machine a lab declares in machine.json: the box (cores, memory), what each
// process costs in memory, and what each endpoint of the app costs per request. The arbiter
// enforces these numbers instead of measuring the laptop it runs on, so a lab's results are the
// same everywhere. The lab grader imports this schema too.
import * as z from 'zod/mini';

/** A cost in ms or KiB: a number of at least 0, 0 when left out. */
const cost = (description: string) => z._default(z.number().check(z.minimum(0)), 0).check(z.describe(description));

export const endpointCostSchema = z.strictObject({
  cpu_ms: cost('CPU time per request, in ms, holding one core of the box and the worker’s interpreter lock.'),
  wait_ms: cost('Time per request spent waiting (database, network), in ms, holding no core.'),
  leak_kib: cost('Memory the worker keeps for ever after each request, in KiB, until it is recycled.'),
}).check(z.describe('What one request to this endpoint costs.'));

export const machineSchema = z
  .strictObject({
    cores: z.int().check(z.minimum(1), z.maximum(256), z.describe('CPU cores of the box; also what multiprocessing.cpu_count() returns in gunicorn.conf.py.')),
    memory_mib: z.number().check(z.positive(), z.describe('Memory of the box in MiB; the arbiter is OOM-killed past it.')),
    master_mib: z.number().check(z.minimum(0), z.describe('Memory of the master (arbiter) process, in MiB.')),
    worker_mib: z.number().check(z.minimum(0), z.describe('Memory of one worker process with the app loaded, in MiB.')),
    thread_mib: z.number().check(z.minimum(0), z.describe('Memory of each thread of a worker (stack and per-thread state), in MiB; a sync worker has one.')),
    endpoints: z
      ._default(
        z.record(z.string().check(z.regex(/^[A-Z]+ \/\S*$/, 'expected a key like "GET /orders" (method in capitals, one space, a path)')), endpointCostSchema),
        {},
      )
      .check(z.describe('Cost per request of each app route, keyed like the app module: "GET /orders".')),
  })
  .check(z.describe('machine.json: the box a lab is tuned for.'));

export type Machine = z.output<typeof machineSchema>;
export type EndpointCost = z.output<typeof endpointCostSchema>;
