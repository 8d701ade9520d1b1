// Reads the grader's `--json` output: the JSON document out of the process output, then the
// result schema of the graders themselves. That schema is zod/mini, like the progress store's,
// so checking a result on the page costs the lab page about 4 KB gzipped (the result schema and
// zod's English messages); it used to need full zod, in a worker of its own.
import { safeParseInEnglish } from '../../graders/kit/friendly-errors.ts';
import { graderResultSchema, type CheckResult, type GraderResult } from '../../graders/kit/result-schema.ts';
import { lastJsonDocument } from '../runtime/grader-output.ts';

export type { CheckResult, GraderResult };

export type ReadGraderResult = (output: string) => Promise<GraderResult>;

export const readGraderResult: ReadGraderResult = async (output) => {
  const parsed = safeParseInEnglish(graderResultSchema, lastJsonDocument(output));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const problem = issue ? `${issue.path.join('.') || 'result'}: ${issue.message}` : 'unknown problem';
  throw new Error(`its result does not match the result format (${problem})`);
};
