// `lab list`: every lab with its title, chapter and whether a work folder exists.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { readManifest } from '../../graders/kit/manifest-file.ts';
import { labDir, labIds, repoRoot, workDir } from './lab-folders.ts';

export function listCommand(write: (line: string) => void): number {
  const ids = labIds();
  if (ids.length === 0) {
    write('No labs yet: a lab is a folder labs/<id>/ with a manifest.json.');
    return 0;
  }
  const rows = ids.map((id) => {
    const manifest = readManifest(labDir(id));
    const work = workDir(id);
    return { id, title: manifest.title, chapter: manifest.chapter, state: existsSync(work) ? `started in ${relative(repoRoot, work)}` : 'not started' };
  });
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const row of rows) {
    write(`${row.id.padEnd(width)}  ${row.title}`);
    write(`${''.padEnd(width)}  chapter ${row.chapter}; ${row.state}`);
  }
  write('');
  write('Start one with: npm run lab -- start <id>');
  return 0;
}
