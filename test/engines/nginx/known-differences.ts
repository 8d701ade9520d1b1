// Reviewed differences between nginx 1.22.1 and the course proxy on the differential corpus.
// Each entry names a case, the field whose comparison is skipped, and why the difference is
// accepted. Everything else in the corpus must agree.
import type { Field } from './harness/compare.ts';

export interface KnownDifference {
  case: string;
  fields: Field[] | ['config-test'];
  reason: string;
}

export const knownDifferences: KnownDifference[] = [];
