// `lab check <id>`: grades a folder with the lab's grader, through the same command line as
// the bundled grader, so the output, the JSON and the exit codes are identical.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { runGraderCli } from '../../graders/kit/grader-cli.ts';
import { CliError } from './cli-args.ts';
import { loadGrader } from './grader-loader.ts';
import { labIds, repoRoot, workDir } from './lab-folders.ts';

export function requireLab(id: string): void {
  const ids = labIds();
  if (!ids.includes(id)) throw new CliError(`there is no lab "${id}"; the labs are: ${ids.join(', ') || '(none yet)'}`);
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
  return runGraderCli(grader, ['--dir', folder, ...graderArgs], { rerun });
}
