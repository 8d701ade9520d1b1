// Export to and import from a JSON file. An export wraps the record in an envelope naming the
// format, so an import can tell our file from any other JSON before touching progress.
import * as z from 'zod/mini';
import { decodeProgressValue } from './decode.ts';
import type { Progress } from './schema.ts';
import type { ProgressStore } from './store.ts';

export const exportFormat = 'port-to-production-progress';

const envelopeSchema = z.object({
  format: z.literal(exportFormat),
  exportedAt: z.string(),
  progress: z.unknown(),
});

export function exportProgress(progress: Progress, now: Date = new Date()): string {
  return JSON.stringify({ format: exportFormat, exportedAt: now.toISOString(), progress }, null, 2) + '\n';
}

export function exportFileName(now: Date = new Date()): string {
  return `port-to-production-progress-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true; progress: Progress } | { ok: false; message: string };

const advice = 'Choose a file saved with “Export progress”. Your current progress was not changed.';

export function parseImport(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This file is not valid JSON (${(error as Error).message}). ${advice}` };
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    return { ok: false, message: `This JSON file is not a Port to Production progress export (it has no "format": "${exportFormat}"). ${advice}` };
  }
  const decoded = decodeProgressValue(envelope.data.progress);
  if (!decoded.ok) return { ok: false, message: `This export cannot be imported: ${decoded.detail}. ${advice}` };
  return { ok: true, progress: decoded.progress };
}

/** Replaces the stored progress with a file's, or changes nothing and says why. */
export function importProgress(store: ProgressStore, text: string): ImportResult {
  const result = parseImport(text);
  if (result.ok) store.replace(result.progress);
  return result;
}

export function summarize(progress: Progress): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    count(Object.keys(progress.chapters).length, 'chapter read', 'chapters read'),
    count(Object.keys(progress.quizzes).length, 'quiz answered', 'quizzes answered'),
    count(Object.keys(progress.labs).length, 'lab started', 'labs started'),
  ].join(', ');
}
