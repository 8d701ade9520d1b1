// A check is data: slug, title, hint, timeout and a short `run` shaped start → act → assert.
// `run` resolves with a one-line summary when the learner's program behaves, and throws a
// CheckFailure (via `fail`) when it does not. Anything else it throws is a grader bug.
import type { LabManifest } from './manifest-schema.ts';
import type { CheckSeries, FailureReason } from './result-schema.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { HttpClient } from './http/http-client.ts';
import type { LearnerProgram } from './process/learner-program.ts';
import type { Teardown } from './process/teardown.ts';
import type { RunEventListener } from './run-events.ts';

export type LearnerFailureReason = Exclude<FailureReason, 'grader_error'>;

export interface FailureDetails {
  message: string;
  expected?: string;
  actual?: string;
  /** Defaults to "assertion". */
  reason?: LearnerFailureReason;
}

/** The learner's program did something wrong; never thrown for grader problems. */
export class CheckFailure extends Error {
  readonly reason: LearnerFailureReason;
  readonly expected?: string;
  readonly actual?: string;

  constructor(details: FailureDetails) {
    super(details.message);
    this.name = 'CheckFailure';
    this.reason = details.reason ?? 'assertion';
    this.expected = details.expected;
    this.actual = details.actual;
  }
}

export function fail(details: FailureDetails): never {
  throw new CheckFailure(details);
}

export interface CheckContext<Env> {
  readonly lab: LabManifest;
  /** The folder with the learner's files. */
  readonly dir: string;
  /** Address and port the learner program was told to listen on (HOST and PORT). */
  readonly host: string;
  readonly port: number;
  readonly random: SeededRandom;
  /** What the grader's prepare step set up for the checks (seeded files, upstreams, ...). */
  readonly env: Env;
  readonly program: LearnerProgram;
  /** HTTP client aimed at the learner program; every exchange lands in this check's transcript. */
  readonly http: HttpClient;
  readonly teardown: Teardown;
  /** Aborted when the check's time is up; pass it to anything that waits. */
  readonly signal: AbortSignal;
  /** Reports live events, e.g. a mock upstream's log lines as { type: 'output', label: 'upstream-2', ... }. */
  readonly emit: RunEventListener;
  /** Adds a "* " line to the transcript. */
  note(text: string): void;
  /** Sets the command shown as "try it" when it is not the last HTTP request (e.g. a start command). */
  setRepro(command: string): void;
  /**
   * Attaches what a load check measured to its result, which the workbench draws as a chart.
   * Call it before asserting (in a `finally` is fine), so a failed check shows its numbers too;
   * the last call wins. The series is checked against the result schema at once: one that does
   * not fit is a grader bug, reported as status "error".
   */
  setSeries(series: CheckSeries): void;
}

export interface CheckDefinition<Env = unknown> {
  slug: string;
  title: string;
  hint: string;
  /** Longest the whole check may take, including every request it makes. */
  timeoutMs: number;
  /** False for a check that starts the program itself; other checks are skipped when it is not running. */
  needsProgram?: boolean;
  run(ctx: CheckContext<Env>): Promise<string>;
}

/** Identity function that gives a check definition its types. */
export function defineCheck<Env>(check: CheckDefinition<Env>): CheckDefinition<Env> {
  return check;
}
