// `lab check <id>`: grades a folder with the lab's grader, through the same command line as
// the bundled grader, so the output, the JSON and the exit codes are identical.
import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { readManifest } from '../../graders/kit/manifest-file.ts';
import { runGraderCli } from '../../graders/kit/grader-cli.ts';
import { CliError } from './cli-args.ts';
import { loadGrader } from './grader-loader.ts';
import { copyProgram, labDir, labIds, labsRoot, repoRoot, workDir, type Variant } from './lab-folders.ts';
import { placeProvidedFiles } from './provided-files.ts';

export function requireLab(id: string): void {
  const ids = labIds();
  if (!ids.includes(id)) throw new CliError(`there is no lab "${id}"; the labs are: ${ids.join(', ') || '(none yet)'}`);
}

/** The lab's own starter, solution or mutant, which copyProgram assembles with common/ and edits. */
function repoVariant(id: string, folder: string): Variant {
  const lab = labDir(id);
  if (folder === join(lab, 'starter')) return { kind: 'starter' };
  if (folder === join(lab, 'solution')) return { kind: 'solution' };
  const mutant = relative(join(lab, 'mutants'), folder);
  if (mutant && !mutant.startsWith('..') && !mutant.includes(sep)) return { kind: 'mutant', name: mutant };
  return { kind: 'folder', dir: folder };
}

export async function checkCommand(id: string, dir: string | undefined, graderArgs: string[]): Promise<number> {
  requireLab(id);
  const folder = resolve(dir ?? workDir(id));
  if (!existsSync(folder)) {
    throw new CliError(
      dir
        ? `the folder ${dir} does not exist; pass the folder that holds your program`
        : `you have not started this lab yet (no ${relative(repoRoot, folder)}); run: npm run lab -- start ${id}`,
    );
  }
  const grader = await loadGrader(id);
  const rerun = `npm run lab -- check ${id}${dir ? ` --dir ${dir}` : ''}`;
  // The repo's own starter, solution and mutants are graded as copies, so the provided files
  // never land next to the committed ones; a learner's folder gets fresh provided files.
  const insideLabs = (folder + sep).startsWith(labsRoot + sep);
  const graded = insideLabs ? copyProgram(id, repoVariant(id, folder)) : folder;
  if (!insideLabs) placeProvidedFiles(readManifest(labDir(id)), folder);
  try {
    return await runGraderCli(grader, ['--dir', graded, ...graderArgs], { rerun });
  } finally {
    if (insideLabs) rmSync(graded, { recursive: true, force: true });
  }
}
