// Reads the grader's `--json` output through the result schema the graders themselves use
// (graders/kit/result-schema.ts). It is full zod, so it loads only when a check finishes.
import type { CheckResult, GraderResult } from '../../graders/kit/result-schema.ts';
import { lastJsonDocument } from '../runtime/grader-output.ts';

export type { CheckResult, GraderResult };

export async function parseGraderResult(output: string): Promise<GraderResult> {
  const { graderResultSchema } = await import('../../graders/kit/result-schema.ts');
  const parsed = graderResultSchema.safeParse(lastJsonDocument(output));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`its result does not match the result format (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'})`);
  }
  return parsed.data;
}
