// The learner's progress as stored in the browser, version 1. Browser code validates with
// zod/mini (a few KB gzipped) instead of full zod, which would blow the chapter JS budget.
//
// Extending it (labs gaining files and check results, drills gaining FSRS cards): bump
// PROGRESS_VERSION, describe the new shape here, and add a migration in migrations.ts that
// turns a version-(N-1) record into version N. Old records, exports included, then keep working.
import * as z from 'zod/mini';

export const PROGRESS_VERSION = 3;

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const timestamp = z.iso.datetime({ offset: true });

export const chapterIdSchema = z.string().check(z.regex(kebabCase));
/** A quiz is stored under "<chapter id>/<quiz id>", e.g. "hit-a-url/dns-order". */
export const quizKeySchema = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/));

export const chapterProgressSchema = z.object({
  /** When the learner marked the chapter as read; the entry is absent while unread. */
  readAt: timestamp,
});

export const quizAnswerSchema = z.object({
  /** Indexes of the options chosen in the latest attempt. */
  selected: z.array(z.int().check(z.nonnegative())).check(z.minLength(1)),
  /** Whether the latest attempt chose exactly the correct options. */
  correct: z.boolean(),
  /** Whether the first attempt was right: the score a retry cannot change. */
  firstCorrect: z.boolean(),
  attempts: z.int().check(z.positive()),
  answeredAt: timestamp,
});

const count = z.int().check(z.nonnegative());

/** A summary of one Check: enough for status and scores, without the transcripts. */
export const labCheckSchema = z.object({
  at: timestamp,
  status: z.enum(['pass', 'fail', 'error']),
  passed: count,
  total: count,
  /** Each check's status by slug. */
  checks: z.record(z.string(), z.enum(['pass', 'fail', 'error', 'skipped'])),
});

export const labProgressSchema = z.object({
  /** "passed" once every check passed in one run; it stays passed after later edits. */
  status: z.enum(['in-progress', 'passed']),
  updatedAt: timestamp,
  /** The learner's editable files that differ from the starter, by path (since version 2). */
  files: z.record(z.string(), z.string()),
  /** The learner pressed Solution (since version 2). */
  solvedWithHelp: z.boolean(),
  lastCheck: z.optional(labCheckSchema),
  /** The run with the most checks passing. */
  best: z.optional(labCheckSchema),
});

/** A drill's FSRS card (ts-fsrs Card, dates as ISO text; since version 3). */
export const drillCardSchema = z.object({
  due: timestamp,
  stability: z.number().check(z.nonnegative()),
  difficulty: z.number().check(z.nonnegative()),
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: z.int().check(z.minimum(0), z.maximum(3)),
  last_review: z.optional(timestamp),
  /** The rating of the latest review, 1 Again to 4 Easy. */
  lastRating: z.int().check(z.minimum(1), z.maximum(4)),
  /** The first review: the day counts against the daily limit of new drills. */
  introducedAt: timestamp,
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  chapters: z.record(chapterIdSchema, chapterProgressSchema),
  quizzes: z.record(quizKeySchema, quizAnswerSchema),
  labs: z.record(chapterIdSchema, labProgressSchema),
  /** Drill cards by drill id (since version 3). */
  drills: z.record(chapterIdSchema, drillCardSchema),
});

export type Progress = z.infer<typeof progressSchema>;
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
export type LabProgress = z.infer<typeof labProgressSchema>;
export type LabCheckSummary = z.infer<typeof labCheckSchema>;
export type DrillCard = z.infer<typeof drillCardSchema>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, chapters: {}, quizzes: {}, labs: {}, drills: {} };
}

/** Says what one validation issue expected, without shipping zod's message catalogue to the browser. */
function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'invalid_format':
      return issue.format === 'datetime' ? 'expected a date-time such as 2025-01-31T12:00:00.000Z' : `expected ${issue.format}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${issue.origin === 'array' ? ' item(s)' : ''}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`;
    case 'invalid_key':
      return 'expected a kebab-case id';
    default:
      return issue.message;
  }
}

/** "quizzes.hit-a-url/dns.attempts: expected int; ..." for the first few issues. */
export function describeIssues(error: z.core.$ZodError, limit = 3): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.') || '(top level)';
    return `${path}: ${expectation(issue)}`;
  });
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return lines.join('; ') + more;
}
