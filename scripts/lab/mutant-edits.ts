// Applies a mutant's `edits` (graders/kit/mutant-schema.ts) to a copy of the solution. Each edit
// must find its text exactly once, so a solution change that moves the text breaks the mutant
// loudly instead of silently grading an unchanged solution.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MutantEdit } from '../../graders/kit/mutant-schema.ts';

function occurrences(text: string, find: string): number {
  let count = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + 1)) count += 1;
  return count;
}

export function applyMutantEdits(folder: string, edits: MutantEdit[], mutant: string): void {
  edits.forEach((edit, index) => {
    const path = join(folder, edit.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`mutant ${mutant}: edit ${index + 1} changes ${edit.file}, which the solution does not have`);
    }
    const found = occurrences(text, edit.find);
    if (found !== 1) {
      const shown = edit.find.length > 60 ? `${edit.find.slice(0, 60)}…` : edit.find;
      throw new Error(
        `mutant ${mutant}: edit ${index + 1} looks for ${JSON.stringify(shown)} in ${edit.file}, which occurs ${found} times there; ` +
          (found === 0 ? 'the solution changed: update the edit (or rerun scripts/lab/compact-mutants.ts on a full copy)' : 'quote more of the surrounding text so it occurs once'),
      );
    }
    writeFileSync(path, text.replace(edit.find, () => edit.replace));
  });
}
