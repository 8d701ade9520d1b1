// Reads the grader's `--json` output: the JSON document out of the process output, then the
// result schema of the graders themselves, applied in a worker (see result-validation.worker.ts).
import type { CheckResult, GraderResult } from '../../graders/kit/result-schema.ts';
import { lastJsonDocument } from '../runtime/grader-output.ts';
import ValidationWorker from './result-validation.worker.ts?worker';

export type { CheckResult, GraderResult };

export type ReadGraderResult = (output: string) => Promise<GraderResult>;

type Verdict = { ok: true; result: GraderResult } | { ok: false; problem: string };

export const readGraderResult: ReadGraderResult = (output) => {
  const value = lastJsonDocument(output);
  return new Promise((resolve, reject) => {
    const worker = new ValidationWorker();
    worker.onmessage = (event: MessageEvent<Verdict>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(`its result does not match the result format (${event.data.problem})`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`its result could not be checked (${event.message})`));
    };
    worker.postMessage(value);
  });
};
