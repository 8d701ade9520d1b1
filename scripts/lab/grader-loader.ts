// Loads a lab's grader module in this process. The CLI grades through the very module that is
// bundled for the browser (DESIGN principle 1), not through a copy of its logic.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Grader } from '../../graders/kit/define-grader.ts';
import { repoRoot } from './lab-folders.ts';

export async function loadGrader(id: string): Promise<Grader> {
  const file = join(repoRoot, 'graders', id, 'grader.ts');
  if (!existsSync(file)) throw new Error(`lab ${id} has no grader: expected ${file}`);
  const module = (await import(pathToFileURL(file).href)) as { grader?: Grader };
  if (!module.grader) throw new Error(`${file} does not export "grader"; export the result of defineGrader() under that name`);
  return module.grader;
}
