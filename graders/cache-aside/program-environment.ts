// Starts the learner's program with the lab's extra environment (DATABASE_URL, CACHE_URL,
// the TTLs). The kit gives a program PORT and HOST on top of the grader's own environment,
// which it copies synchronously when it spawns the program (LearnerProgram.start →
// ManagedProcess → child_process.spawn). Setting the variables just around that synchronous
// call therefore hands them to this program alone, even when several grader runs share one
// process, as the tests do; they are restored before anything else can run.
import type { LearnerProgram } from '../kit/process/learner-program.ts';

export function startWithEnvironment(program: LearnerProgram, env: Record<string, string>, signal: AbortSignal): Promise<number> {
  const saved = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  try {
    return program.start(signal);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The shell line that starts the program the same way, for "try it". */
export function startCommandLine(program: LearnerProgram, port: number, host: string, env: Record<string, string>): string {
  const assignments = Object.entries({ PORT: String(port), HOST: host, ...env }).map(([name, value]) => `${name}=${value}`);
  return `${assignments.join(' ')} ${program.commandLine}`;
}
