// The differential corpus: command sequences as data (test/engines/redis/corpus/*.json).
// Strings stand for bytes, one character per byte (latin1), so "\u0000" or "\r\n" inside a
// value is sent as those exact bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const bytes = z.string().refine((text) => [...text].every((char) => char.charCodeAt(0) <= 0xff), {
  message: 'only characters \\u0000-\\u00ff, each standing for one byte',
});

const command = z.array(bytes).min(1).describe('one command sent as a RESP array; its single reply is compared byte for byte');

const step = z.union([
  command,
  z.strictObject({
    send: command,
    range: z.tuple([z.number(), z.number()]).describe('the integer reply must fall in [min, max] on both servers'),
  }),
  z.strictObject({
    raw: bytes.optional().describe('bytes written in one write'),
    chunks: z.array(bytes).min(2).optional().describe('bytes written in several writes, a pause between each'),
    times: z.number().int().min(2).max(2000).optional().describe('write the raw bytes this many times over, in one write'),
    replies: z.number().int().min(0).describe('how many replies to read; their bytes are compared'),
    closes: z.boolean().optional().describe('whether the server must close the connection afterwards'),
  }).refine((s) => (s.raw === undefined) !== (s.chunks === undefined), { message: 'give exactly one of raw or chunks' }),
  z.strictObject({ sleep: z.number().int().min(1).max(500).describe('ms to wait, only where expiry needs real time') }),
  z.strictObject({
    info: z.array(z.enum(['keyspace_hits', 'keyspace_misses', 'db0'])).min(1)
      .describe('INFO fields to compare: hits and misses since the sequence began, and db0 keys/expires'),
  }),
]);

export const sequenceSchema = z.strictObject({
  name: z.string().min(10).describe('what the sequence shows, as a sentence'),
  steps: z.array(step).min(1),
});

export type Sequence = z.infer<typeof sequenceSchema>;
export type Step = z.infer<typeof step>;

export const corpusDir = new URL('../corpus/', import.meta.url);

export function loadCorpus(): Sequence[] {
  const sequences: Sequence[] = [];
  for (const file of readdirSync(corpusDir).filter((name) => name.endsWith('.json')).sort()) {
    const parsed = z.array(sequenceSchema).safeParse(JSON.parse(readFileSync(join(corpusDir.pathname, file), 'utf8')));
    if (!parsed.success) throw new Error(`corpus/${file} is not a valid corpus file:\n${z.prettifyError(parsed.error)}`);
    sequences.push(...parsed.data);
  }
  const names = new Set<string>();
  for (const { name } of sequences) {
    if (names.has(name)) throw new Error(`two corpus sequences are named ${JSON.stringify(name)}; names must be unique`);
    names.add(name);
  }
  return sequences;
}
