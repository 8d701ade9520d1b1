// The command line of every grader, shared by the bundle (`node <lab>.mjs ...`) and the
// `lab check` command, so both grade through exactly the same code. Exit codes: 0 every
// check passed, 1 a check failed, 2 the grader could not grade (or a usage error), 130 Ctrl-C.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Grader } from './define-grader.ts';
import { graderUsage, parseGraderArgs, UsageError } from './grader-args.ts';
import { HumanReporter, wantsColor } from './human-report.ts';

export interface GraderCliOptions {
  /** How to repeat the run, shown after a failure. */
  rerun: string;
  write?: (text: string) => void;
  color?: boolean;
}

export const exitCodes = { pass: 0, fail: 1, error: 2, interrupted: 130 } as const;

/** True when the module at `moduleUrl` is the script Node was asked to run. */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(script);
  } catch {
    return false;
  }
}

export async function runGraderCli(grader: Grader, argv: readonly string[], options: GraderCliOptions): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(`${text}\n`));
  let args;
  try {
    args = parseGraderArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${graderUsage}\n`);
    return exitCodes.error;
  }
  if (args.help) {
    write(graderUsage);
    return exitCodes.pass;
  }
  const controller = new AbortController();
  // Ctrl-C, a kill and a closed terminal all end the run through its teardown, so the learner's
  // processes (in their own process group, out of the terminal's reach) are stopped too.
  // Stay subscribed for the whole run: a second Ctrl-C must not kill the grader mid-teardown.
  const interrupt = () => controller.abort();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, interrupt);
  const reporter = args.json ? undefined : new HumanReporter(write, options.color ?? wantsColor(process.stdout));
  try {
    const result = await grader.run({ dir: args.dir, port: args.port, seed: args.seed, all: args.all, onEvent: reporter?.onEvent, signal: controller.signal });
    if (reporter) reporter.summary(result, options.rerun, controller.signal.aborted);
    else write(JSON.stringify(result, null, 2));
    if (controller.signal.aborted) return exitCodes.interrupted;
    return exitCodes[result.status];
  } finally {
    // After an interrupt, keep catching signals: an impatient second Ctrl-C arriving while the
    // process exits must not turn exit code 130 into death by signal.
    if (!controller.signal.aborted) for (const signal of signals) process.removeListener(signal, interrupt);
  }
}
