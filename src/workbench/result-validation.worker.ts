// Validates a grader result against the graders' own schema (graders/kit/result-schema.ts),
// in a worker. The schema is full zod; bundled into the page it would share zod's core chunk
// with the zod/mini every page uses and make every chapter page pay for it. A worker is bundled
// on its own, so full zod loads only here, only when a Check finishes.
import { graderResultSchema } from '../../graders/kit/result-schema.ts';

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = graderResultSchema.safeParse(event.data);
  if (parsed.success) {
    self.postMessage({ ok: true, result: parsed.data });
    return;
  }
  const issue = parsed.error.issues[0];
  self.postMessage({ ok: false, problem: issue ? `${issue.path.join('.') || 'result'}: ${issue.message}` : 'unknown problem' });
};
