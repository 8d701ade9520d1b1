// The grader result: what `--json` prints, what the workbench draws and what progress stores.
// Shaped after Exercism's results.json v3 (https://exercism.org/docs/building/tooling/test-runners/interface),
// with per-check reasons so a learner's failure is never confused with a grader bug.
import { z } from 'zod';
import { checkSlugSchema, labIdSchema } from './manifest-schema.ts';

export const resultVersion = 1;
/** Longest transcript kept per check, in characters; longer ones are cut in the middle. */
export const transcriptCap = 6000;
/** Longest program output kept in a result, in characters (the end is kept). */
export const outputCap = 8000;

export const checkStatusSchema = z
  .enum(['pass', 'fail', 'error', 'skipped'])
  .describe('fail: the learner program is wrong; error: the grader broke; skipped: not run.');

export const failureReasonSchema = z
  .enum(['assertion', 'timeout', 'exited', 'no_listen', 'grader_error'])
  .describe('Why a check did not pass: a wrong answer, no answer in time, the program exited, it never listened, or a grader bug.');

export const seriesRowSchema = z
  .object({
    label: z.string().min(1).describe('What this row measured, e.g. "40 clients · workers=4, threads=8".'),
    p50: z.number().nonnegative().describe('Median latency, in the series unit.'),
    p95: z.number().nonnegative().describe('95th-percentile latency, in the series unit.'),
    p99: z.number().nonnegative().describe('99th-percentile latency, in the series unit.'),
    throughput: z.number().nonnegative().describe('Completed responses per second.'),
    errors: z.number().int().nonnegative().describe('Requests that got no answer or an error status (5xx).'),
  })
  .strict();

export const checkSeriesSchema = z
  .object({
    title: z.string().min(1).describe('What the series shows, e.g. "Latency and throughput as clients grow".'),
    subject: z.string().min(1).optional().describe('What was measured, e.g. the configuration tried ("workers = 8, threads = 1"); names the run when runs are compared.'),
    unit: z.enum(['ms', 's']).describe('Unit of the latency columns.'),
    target: z
      .object({
        label: z.string().min(1).describe('Name of the target, e.g. "SLO: p95 ≤ 500 ms".'),
        p95: z.number().nonnegative().describe('The p95 latency a row must not exceed, in the series unit.'),
      })
      .strict()
      .optional()
      .describe('The latency objective the check judged the rows against.'),
    rows: z.array(seriesRowSchema).min(1).max(24).describe('One row per load step or configuration tried, in the order measured.'),
  })
  .strict()
  .describe('Measurements of a load check, for the workbench to draw as a chart.');

export const checkResultSchema = z
  .object({
    slug: checkSlugSchema,
    title: z.string().min(1),
    status: checkStatusSchema,
    reason: failureReasonSchema.optional().describe('Present exactly when status is fail or error.'),
    message: z.string().min(1).describe('One or two sentences: what happened.'),
    expected: z.string().optional().describe('What a correct program would have done.'),
    actual: z.string().optional().describe('What the learner program did.'),
    transcript: z.string().max(transcriptCap).optional().describe('Requests sent and responses received, "> " and "< " lines.'),
    hint: z.string().min(1).describe('Where to look when the check fails.'),
    repro: z.string().optional().describe('A command that repeats the failing request, usually a curl line.'),
    duration_ms: z.number().int().nonnegative(),
    series: checkSeriesSchema.optional().describe('Present only on checks that measure under load (latency percentiles, throughput, errors).'),
  })
  .strict()
  .superRefine((check, ctx) => {
    const needsReason = check.status === 'fail' || check.status === 'error';
    if (needsReason !== (check.reason !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: needsReason ? 'a failed or errored check needs a reason' : 'only failed or errored checks have a reason' });
    }
    if (check.status === 'fail' && check.reason === 'grader_error') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'grader_error belongs to status "error", never to the learner' });
    }
  });

export const graderResultSchema = z
  .object({
    version: z.literal(resultVersion),
    lab: labIdSchema,
    status: z.enum(['pass', 'fail', 'error']),
    message: z.string().optional().describe('Why the run could not grade (status error), or a note on the whole run.'),
    checks: z.array(checkResultSchema),
    seed: z.number().int().nonnegative().describe('Seed of the random paths and bodies; pass it back with --seed to repeat a run.'),
    port: z.number().int().min(0).max(65535).describe('Port the learner program was given in PORT.'),
    duration_ms: z.number().int().nonnegative(),
    output: z.string().max(outputCap).optional().describe('The end of what the learner program printed.'),
  })
  .strict()
  .superRefine((result, ctx) => {
    const statuses = new Set(result.checks.map((c) => c.status));
    const expected = statuses.has('error') || (result.checks.length === 0) ? 'error' : statuses.has('fail') ? 'fail' : 'pass';
    if (result.status !== expected && !(result.status === 'error' && result.message)) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `status must be "${expected}" for these checks` });
    }
  });

export type CheckStatus = z.infer<typeof checkStatusSchema>;
export type FailureReason = z.infer<typeof failureReasonSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
export type GraderResult = z.infer<typeof graderResultSchema>;
export type CheckSeries = z.infer<typeof checkSeriesSchema>;
export type SeriesRow = z.infer<typeof seriesRowSchema>;
