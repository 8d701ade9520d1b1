// Runs a lab's checks in order: each within its own timeout and the whole run within a
// deadline, stopping at the first failure unless asked to run them all. A check that throws
// anything but a CheckFailure is a grader bug and is reported as an error, never as the
// learner's fault.
import { CheckFailure, type CheckContext, type CheckDefinition } from './check.ts';
import { describeIssues, safeParseInEnglish } from './friendly-errors.ts';
import { Transcript } from './http/transcript.ts';
import { describeExit } from './process/managed-process.ts';
import type { LearnerProgram } from './process/learner-program.ts';
import { checkSeriesSchema, type CheckResult, type CheckSeries } from './result-schema.ts';
import type { RunEventListener } from './run-events.ts';

export interface CheckRunnerOptions<Env> {
  checks: ReadonlyArray<CheckDefinition<Env>>;
  program: LearnerProgram;
  /** Run every check even after a failure. */
  all: boolean;
  deadlineAt: number;
  deadlineMs: number;
  signal?: AbortSignal;
  emit: RunEventListener;
  makeContext(check: CheckDefinition<Env>, transcript: Transcript, signal: AbortSignal, extras: CheckExtras): CheckContext<Env>;
}

/** What a check sets on its result besides its outcome (see CheckContext.setRepro and setSeries). */
export interface CheckExtras {
  repro?: string;
  series?: CheckSeries;
}

/**
 * Keeps a series a check sets, after checking it against the result schema, so that a bad one
 * fails inside the check that made it, with the field at fault, instead of failing the whole
 * result at the end.
 */
export function setSeries(extras: CheckExtras, series: CheckSeries): void {
  const parsed = safeParseInEnglish(checkSeriesSchema, series);
  if (!parsed.success) throw new Error(`the check set a series that does not match the result schema: ${describeIssues(parsed.error.issues, series).join('; ')}`);
  extras.series = parsed.data;
}

type Outcome =
  | { kind: 'pass'; message: string }
  | { kind: 'failure'; failure: CheckFailure }
  | { kind: 'bug'; error: unknown }
  | { kind: 'timeout'; byDeadline: boolean }
  | { kind: 'interrupted' };

type CheckBase = Pick<CheckResult, 'slug' | 'title' | 'hint' | 'transcript' | 'repro'>;

/** A series belongs to a check that measured and was judged; not to one that broke or was cut short. */
const carriesSeries = (status: CheckResult['status']) => status === 'pass' || status === 'fail';

function graderErrorMessage(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join('\n') : String(error);
  return `The grader itself failed while running this check. This is a bug in the course, not in your program; please report it with this message:\n${detail}`;
}

export class CheckRunner<Env> {
  private readonly options: CheckRunnerOptions<Env>;

  constructor(options: CheckRunnerOptions<Env>) {
    this.options = options;
  }

  async run(): Promise<CheckResult[]> {
    const { checks, program, all, deadlineAt, deadlineMs, signal, emit } = this.options;
    const results: CheckResult[] = [];
    let stopReason: string | undefined;
    for (const check of checks) {
      if (!stopReason && signal?.aborted) stopReason = 'Not run: the run was interrupted.';
      if (!stopReason && Date.now() >= deadlineAt) stopReason = `Not run: the whole run reached its ${deadlineMs / 1000} s deadline.`;
      let skip = stopReason;
      if (!skip && check.needsProgram !== false && !program.running) {
        skip = program.exitInfo
          ? `Not run: your program is no longer running (it ${describeExit(program.exitInfo)}).`
          : 'Not run: your program is not running because an earlier check failed.';
      }
      if (skip) {
        results.push({ slug: check.slug, title: check.title, status: 'skipped', message: skip, hint: check.hint, duration_ms: 0 });
        continue;
      }
      emit({ type: 'check-start', slug: check.slug, title: check.title });
      const result = await this.runOne(check);
      results.push(result);
      emit({ type: 'check-end', result });
      if (result.status === 'error') stopReason = 'Not run: the grader failed on an earlier check.';
      else if (result.status === 'fail' && !all) stopReason = 'Not run: an earlier check failed (run with --all to run every check).';
    }
    return results;
  }

  private async runOne(check: CheckDefinition<Env>): Promise<CheckResult> {
    const startedAt = Date.now();
    const transcript = new Transcript();
    const extras: CheckExtras = {};
    const controller = new AbortController();
    const ctx = this.options.makeContext(check, transcript, controller.signal, extras);
    const outcome = await this.settle(check, () => check.run(ctx), controller, startedAt);
    const base: CheckBase = {
      slug: check.slug,
      title: check.title,
      hint: check.hint,
      ...(transcript.empty ? {} : { transcript: transcript.text() }),
      ...((extras.repro ?? ctx.http.lastRepro) ? { repro: extras.repro ?? ctx.http.lastRepro } : {}),
    };
    const result = await this.judge(check, outcome, base);
    const series = extras.series && carriesSeries(result.status) ? { series: extras.series } : {};
    return { ...result, duration_ms: Date.now() - startedAt, ...series };
  }

  /** Runs the check until it settles, its time is up, or the run is interrupted. */
  private async settle(check: CheckDefinition<Env>, run: () => Promise<string>, controller: AbortController, startedAt: number): Promise<Outcome> {
    const { deadlineAt, signal } = this.options;
    const budget = Math.max(0, Math.min(check.timeoutMs, deadlineAt - startedAt));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInterrupt = () => controller.abort();
    signal?.addEventListener('abort', onInterrupt, { once: true });
    try {
      const running = Promise.resolve()
        .then(run)
        .then(
          (message): Outcome => ({ kind: 'pass', message }),
          (error: unknown): Outcome => (error instanceof CheckFailure ? { kind: 'failure', failure: error } : { kind: 'bug', error }),
        );
      const timedOut = new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'timeout', byDeadline: budget < check.timeoutMs }), budget);
      });
      const interrupted = new Promise<Outcome>((resolve) => controller.signal.addEventListener('abort', () => resolve({ kind: 'interrupted' }), { once: true }));
      return await Promise.race([running, timedOut, interrupted]);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onInterrupt);
      // Cancels whatever the check left waiting (sockets, polls) once its outcome is known.
      controller.abort();
    }
  }

  /** Turns an outcome into the check's result, blaming the learner only for what they did. */
  private async judge(check: CheckDefinition<Env>, outcome: Outcome, base: CheckBase): Promise<Omit<CheckResult, 'duration_ms'>> {
    const { program } = this.options;
    if (outcome.kind === 'pass') return { ...base, status: 'pass', message: outcome.message };
    if (outcome.kind === 'interrupted') return { ...base, status: 'skipped', message: 'Not finished: the run was interrupted.' };
    if (outcome.kind === 'bug') return { ...base, status: 'error', reason: 'grader_error', message: graderErrorMessage(outcome.error) };
    const failure = outcome.kind === 'failure' ? outcome.failure : undefined;
    // A program that died explains any failure that follows, so say that first.
    if (program.started && (await program.exitsWithin(150)) && program.exitInfo) {
      const exit = describeExit(program.exitInfo);
      return {
        ...base,
        status: 'fail',
        reason: 'exited',
        message: failure?.reason === 'exited' ? failure.message : `Your program ${exit} during this check, so it could not answer. ${failure?.message ?? ''}`.trim(),
        expected: failure?.expected ?? 'a program that keeps running and answering',
        actual: failure?.actual ?? `it ${exit}`,
      };
    }
    if (outcome.kind === 'timeout') {
      const seconds = check.timeoutMs / 1000;
      const message = outcome.byDeadline
        ? `The whole run reached its deadline of ${this.options.deadlineMs / 1000} s during this check.`
        : `This check did not finish within ${seconds} s: your program is too slow to answer, or never answers.`;
      return { ...base, status: 'fail', reason: 'timeout', message, expected: `answers within ${seconds} s`, actual: 'no complete answer in time' };
    }
    const { reason, message, expected, actual } = failure as CheckFailure;
    return {
      ...base,
      status: 'fail',
      reason,
      message,
      ...(expected !== undefined ? { expected } : {}),
      ...(actual !== undefined ? { actual } : {}),
    };
  }
}
