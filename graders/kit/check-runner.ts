// Runs a lab's checks in order: each within its own timeout and the whole run within a
// deadline, stopping at the first failure unless asked to run them all. A check that throws
// anything but a CheckFailure is a grader bug and is reported as an error, never as the
// learner's fault.
import { CheckFailure, type CheckContext, type CheckDefinition } from './check.ts';
import { Transcript } from './http/transcript.ts';
import { describeExit } from './process/managed-process.ts';
import type { LearnerProgram } from './process/learner-program.ts';
import type { CheckResult } from './result-schema.ts';
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
  makeContext(check: CheckDefinition<Env>, transcript: Transcript, signal: AbortSignal, repro: ReproHolder): CheckContext<Env>;
}

/** Where a check's explicit repro command lands (see CheckContext.setRepro). */
export interface ReproHolder {
  command?: string;
}

type Outcome = { kind: 'pass'; message: string } | { kind: 'error'; error: unknown } | { kind: 'timeout'; byDeadline: boolean };

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
    const { program, deadlineAt, signal } = this.options;
    const startedAt = Date.now();
    const transcript = new Transcript();
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort();
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    const budget = Math.max(0, Math.min(check.timeoutMs, deadlineAt - startedAt));
    const repro: ReproHolder = {};
    const ctx = this.options.makeContext(check, transcript, controller.signal, repro);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout', byDeadline: budget < check.timeoutMs }), budget);
    });
    const interrupted = new Promise<Outcome>((resolve) => controller.signal.addEventListener('abort', () => resolve({ kind: 'error', error: new Error('interrupted') }), { once: true }));
    let outcome: Outcome;
    try {
      const running = Promise.resolve()
        .then(() => check.run(ctx))
        .then((message): Outcome => ({ kind: 'pass', message }), (error: unknown): Outcome => ({ kind: 'error', error }));
      outcome = await Promise.race([running, timedOut, interrupted]);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onOuterAbort);
      // Cancels whatever the check left waiting (sockets, polls) once its result is known.
      controller.abort();
    }
    const base = {
      slug: check.slug,
      title: check.title,
      hint: check.hint,
      ...(transcript.empty ? {} : { transcript: transcript.text() }),
      ...((repro.command ?? ctx.http.lastRepro) ? { repro: repro.command ?? ctx.http.lastRepro } : {}),
    };
    const duration = () => Date.now() - startedAt;
    if (outcome.kind === 'pass') return { ...base, status: 'pass', message: outcome.message, duration_ms: duration() };
    if (outcome.kind === 'error' && signal?.aborted) {
      return { ...base, status: 'skipped', message: 'Not finished: the run was interrupted.', duration_ms: duration() };
    }
    if (outcome.kind === 'error' && !(outcome.error instanceof CheckFailure)) {
      return { ...base, status: 'error', reason: 'grader_error', message: graderErrorMessage(outcome.error), duration_ms: duration() };
    }
    // A program that died explains any failure that follows, so say that first.
    if (program.started && (await program.exitsWithin(150)) && program.exitInfo) {
      const during = outcome.kind === 'error' && outcome.error instanceof CheckFailure && outcome.error.reason === 'exited';
      const failure = outcome.kind === 'error' ? (outcome.error as CheckFailure) : undefined;
      return {
        ...base,
        status: 'fail',
        reason: 'exited',
        message: during && failure ? failure.message : `Your program ${describeExit(program.exitInfo)} during this check, so it could not answer. ${failure?.message ?? ''}`.trim(),
        expected: failure?.expected ?? 'a program that keeps running and answering',
        actual: failure?.actual ?? `it ${describeExit(program.exitInfo)}`,
        duration_ms: duration(),
      };
    }
    if (outcome.kind === 'timeout') {
      const message = outcome.byDeadline
        ? `The whole run reached its deadline of ${this.options.deadlineMs / 1000} s during this check.`
        : `This check did not finish within ${check.timeoutMs / 1000} s: your program is too slow to answer, or never answers.`;
      return { ...base, status: 'fail', reason: 'timeout', message, expected: `answers within ${check.timeoutMs / 1000} s`, actual: 'no complete answer in time', duration_ms: duration() };
    }
    const failure = outcome.error as CheckFailure;
    return {
      ...base,
      status: 'fail',
      reason: failure.reason,
      message: failure.message,
      ...(failure.expected !== undefined ? { expected: failure.expected } : {}),
      ...(failure.actual !== undefined ? { actual: failure.actual } : {}),
      duration_ms: duration(),
    };
  }
}
