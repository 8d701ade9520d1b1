// Assembles the result of a run and validates it against the result schema before anyone
// sees it. A result that fails its own schema is a grader bug, reported as status "error".
import { describeIssues, safeParseInEnglish } from './friendly-errors.ts';
import { graderResultSchema, outputCap, resultVersion, type CheckResult, type GraderResult } from './result-schema.ts';

export interface RunFacts {
  lab: string | undefined;
  seed: number;
  port: number;
  startedAt: number;
  checks: CheckResult[];
  /** Why the run could not grade (or was cut short); makes the status "error". */
  problem: string | undefined;
  output: string | undefined;
}

function overallStatus(facts: RunFacts): GraderResult['status'] {
  if (facts.problem || facts.checks.some((c) => c.status === 'error')) return 'error';
  return facts.checks.some((c) => c.status === 'fail') ? 'fail' : 'pass';
}

export function buildResult(facts: RunFacts): GraderResult {
  const base = { version: resultVersion, lab: facts.lab ?? 'unknown-lab', seed: facts.seed, port: facts.port } as const;
  const { output } = facts;
  const result = {
    ...base,
    status: overallStatus(facts),
    ...(facts.problem ? { message: facts.problem } : {}),
    checks: facts.checks,
    duration_ms: Date.now() - facts.startedAt,
    ...(output ? { output: output.length > outputCap ? `…${output.slice(output.length - outputCap + 1)}` : output } : {}),
  };
  const parsed = safeParseInEnglish(graderResultSchema, result);
  if (parsed.success) return parsed.data;
  return {
    ...base,
    status: 'error',
    message: `The grader produced a result that does not match its own schema (a bug in the course): ${describeIssues(parsed.error.issues, result).join('; ')}`,
    checks: [],
    duration_ms: Date.now() - facts.startedAt,
  };
}
