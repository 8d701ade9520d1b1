// Files the grader puts into the learner's folder for one run, with seeded names and
// contents so no answer can be hard-coded: a file in public/ that must be served, and a
// "secret" file next to public/ that must never be. Both are removed when the run ends.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrepareContext } from '../kit/define-grader.ts';
import type { SeededRandom } from '../kit/seeded-random.ts';

export interface StaticFile {
  /** Request path, e.g. "/grader-3kf9a2.css". */
  urlPath: string;
  /** Where it lives, relative to the learner's folder. */
  relativePath: string;
  bytes: Buffer;
  mediaType: string;
}

export interface LabFiles {
  staticFile: StaticFile;
  secret: { name: string; content: string };
}

const kinds: Array<{ ext: string; mediaType: string; make: (r: SeededRandom) => string }> = [
  { ext: 'css', mediaType: 'text/css', make: (r) => `.note-${r.token(6)} {\n  color: #${r.int(0, 0xffffff).toString(16).padStart(6, '0')};\n}\n` },
  { ext: 'js', mediaType: 'text/javascript', make: (r) => `console.log(${JSON.stringify(`served ${r.token(12)}`)});\n` },
  { ext: 'json', mediaType: 'application/json', make: (r) => `${JSON.stringify({ token: r.token(12), count: r.int(1, 9999) })}\n` },
  { ext: 'txt', mediaType: 'text/plain', make: (r) => `plain text ${r.token(16)}\nline two ${r.int(1, 1e6)}\n` },
  {
    ext: 'svg',
    mediaType: 'image/svg+xml',
    make: (r) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${r.token(10)}</title><circle cx="5" cy="5" r="${r.int(1, 5)}"/></svg>\n`,
  },
];

export function writeLabFiles({ dir, random, teardown }: PrepareContext): LabFiles {
  const publicDir = join(dir, 'public');
  const createdPublic = !existsSync(publicDir);
  if (createdPublic) mkdirSync(publicDir, { recursive: true });
  const kind = random.pick(kinds);
  const name = `grader-${random.token(10)}.${kind.ext}`;
  const bytes = Buffer.from(kind.make(random));
  const staticPath = join(publicDir, name);
  writeFileSync(staticPath, bytes);
  teardown.add(`remove public/${name}`, () => rmSync(createdPublic ? publicDir : staticPath, { recursive: true, force: true }));

  const secretName = `grader-secret-${random.token(10)}.txt`;
  const secretContent = `secret ${random.token(24)}\n`;
  writeFileSync(join(dir, secretName), secretContent);
  teardown.add(`remove ${secretName}`, () => rmSync(join(dir, secretName), { force: true }));

  return {
    staticFile: { urlPath: `/${name}`, relativePath: `public/${name}`, bytes, mediaType: kind.mediaType },
    secret: { name: secretName, content: secretContent },
  };
}
