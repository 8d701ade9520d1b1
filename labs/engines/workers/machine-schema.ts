// The modelled machine a lab declares in machine.json: the box (cores, memory), what each
// process costs in memory, and what each endpoint of the app costs per request. The arbiter
// enforces these numbers instead of measuring the laptop it runs on, so a lab's results are the
// same everywhere. The lab grader imports this schema too.
import { z } from 'zod';

export const endpointCostSchema = z
  .strictObject({
    cpu_ms: z.number().min(0).default(0).describe('CPU time per request, in ms, holding one core of the box and the worker’s interpreter lock.'),
    wait_ms: z.number().min(0).default(0).describe('Time per request spent waiting (database, network), in ms, holding no core.'),
    leak_kib: z.number().min(0).default(0).describe('Memory the worker keeps for ever after each request, in KiB, until it is recycled.'),
  })
  .describe('What one request to this endpoint costs.');

export const machineSchema = z
  .strictObject({
    cores: z.int().min(1).max(256).describe('CPU cores of the box; also what multiprocessing.cpu_count() returns in gunicorn.conf.py.'),
    memory_mib: z.number().positive().describe('Memory of the box in MiB; the arbiter is OOM-killed past it.'),
    master_mib: z.number().min(0).describe('Memory of the master (arbiter) process, in MiB.'),
    worker_mib: z.number().min(0).describe('Memory of one worker process with the app loaded, in MiB.'),
    thread_mib: z.number().min(0).describe('Memory of each thread of a worker (stack and per-thread state), in MiB; a sync worker has one.'),
    endpoints: z
      .record(z.string().regex(/^[A-Z]+ \/\S*$/, 'expected a key like "GET /orders" (method in capitals, one space, a path)'), endpointCostSchema)
      .default({})
      .describe('Cost per request of each app route, keyed like the app module: "GET /orders".'),
  })
  .describe('machine.json: the box a lab is tuned for.');

export type Machine = z.output<typeof machineSchema>;
export type EndpointCost = z.output<typeof endpointCostSchema>;
