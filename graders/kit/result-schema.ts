// The grader result: what `--json` prints, what the workbench draws and what progress stores.
// Shaped after Exercism's results.json v3 (https://exercism.org/docs/building/tooling/test-runners/interface),
// with per-check reasons so a learner's failure is never confused with a grader bug.
// zod/mini, like manifest-schema.ts: graders and the workbench carry only what this file uses.
import * as z from 'zod/mini';
import { checkSlugSchema, labIdSchema } from './manifest-schema.ts';

export const resultVersion = 1;
/** Longest transcript kept per check, in characters; longer ones are cut in the middle. */
export const transcriptCap = 6000;
/** Longest program output kept in a result, in characters (the end is kept). */
export const outputCap = 8000;

/** Attaches a description, as classic zod's `.describe()` did: `described(schema, '...')`. */
const described = <S extends z.ZodMiniType>(schema: S, description: string): S => schema.check(z.describe(description));
const optional = <S extends z.ZodMiniType>(schema: S, description: string) => z.optional(schema).check(z.describe(description));
const text = (description: string) => described(z.string().check(z.minLength(1)), description);
const count = () => z.int().check(z.nonnegative());
const measure = (description: string) => described(z.number().check(z.nonnegative()), description);

export const checkStatusSchema = described(
  z.enum(['pass', 'fail', 'error', 'skipped']),
  'fail: the learner program is wrong; error: the grader broke; skipped: not run.',
);

export const failureReasonSchema = described(
  z.enum(['assertion', 'timeout', 'exited', 'no_listen', 'grader_error']),
  'Why a check did not pass: a wrong answer, no answer in time, the program exited, it never listened, or a grader bug.',
);

export const seriesRowSchema = z.strictObject({
  label: text('What this row measured, e.g. "40 clients · workers=4, threads=8".'),
  p50: measure('Median latency, in the series unit.'),
  p95: measure('95th-percentile latency, in the series unit.'),
  p99: measure('99th-percentile latency, in the series unit.'),
  throughput: measure('Completed responses per second.'),
  errors: described(count(), 'Requests that got no answer or an error status (5xx).'),
});

export const checkSeriesSchema = described(
  z.strictObject({
    title: text('What the series shows, e.g. "Latency and throughput as clients grow".'),
    subject: optional(
      z.string().check(z.minLength(1)),
      'What was measured, e.g. the configuration tried ("workers = 8, threads = 1"); names the run when runs are compared.',
    ),
    unit: described(z.enum(['ms', 's']), 'Unit of the latency columns.'),
    target: optional(
      z.strictObject({
        label: text('Name of the target, e.g. "SLO: p95 ≤ 500 ms".'),
        p95: measure('The p95 latency a row must not exceed, in the series unit.'),
      }),
      'The latency objective the check judged the rows against.',
    ),
    rows: described(z.array(seriesRowSchema).check(z.minLength(1), z.maxLength(24)), 'One row per load step or configuration tried, in the order measured.'),
  }),
  'Measurements of a load check, for the workbench to draw as a chart.',
);

export const checkResultSchema = z
  .strictObject({
    slug: checkSlugSchema,
    title: z.string().check(z.minLength(1)),
    status: checkStatusSchema,
    reason: optional(failureReasonSchema, 'Present exactly when status is fail or error.'),
    message: text('One or two sentences: what happened.'),
    expected: optional(z.string(), 'What a correct program would have done.'),
    actual: optional(z.string(), 'What the learner program did.'),
    transcript: optional(z.string().check(z.maxLength(transcriptCap)), 'Requests sent and responses received, "> " and "< " lines.'),
    hint: text('Where to look when the check fails.'),
    repro: optional(z.string(), 'A command that repeats the failing request, usually a curl line.'),
    duration_ms: count(),
    series: optional(checkSeriesSchema, 'Present only on checks that measure under load (latency percentiles, throughput, errors).'),
  })
  .check(
    z.superRefine((check, ctx) => {
      const needsReason = check.status === 'fail' || check.status === 'error';
      if (needsReason !== (check.reason !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: needsReason ? 'a failed or errored check needs a reason' : 'only failed or errored checks have a reason' });
      }
      if (check.status === 'fail' && check.reason === 'grader_error') {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'grader_error belongs to status "error", never to the learner' });
      }
    }),
  );

export const graderResultSchema = z
  .strictObject({
    version: z.literal(resultVersion),
    lab: labIdSchema,
    status: z.enum(['pass', 'fail', 'error']),
    message: optional(z.string(), 'Why the run could not grade (status error), or a note on the whole run.'),
    checks: z.array(checkResultSchema),
    seed: described(count(), 'Seed of the random paths and bodies; pass it back with --seed to repeat a run.'),
    port: described(z.int().check(z.minimum(0), z.maximum(65535)), 'Port the learner program was given in PORT.'),
    duration_ms: count(),
    output: optional(z.string().check(z.maxLength(outputCap)), 'The end of what the learner program printed.'),
  })
  .check(
    z.superRefine((result, ctx) => {
      const statuses = new Set(result.checks.map((c) => c.status));
      const expected = statuses.has('error') || (result.checks.length === 0) ? 'error' : statuses.has('fail') ? 'fail' : 'pass';
      if (result.status !== expected && !(result.status === 'error' && result.message)) {
        ctx.addIssue({ code: 'custom', path: ['status'], message: `status must be "${expected}" for these checks` });
      }
    }),
  );

export type CheckStatus = z.infer<typeof checkStatusSchema>;
export type FailureReason = z.infer<typeof failureReasonSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
export type GraderResult = z.infer<typeof graderResultSchema>;
export type CheckSeries = z.infer<typeof checkSeriesSchema>;
export type SeriesRow = z.infer<typeof seriesRowSchema>;
