// `lab start <id>`: copies the starter into the work folder the first time, then runs the
// lab's start command there with PORT and HOST set, its output in this terminal.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readManifest } from '../../graders/kit/manifest-file.ts';
import { programLayers } from '../../graders/kit/program-layers.ts';
import { learnerHost } from '../../graders/kit/define-grader.ts';
import { CliError } from './cli-args.ts';
import { requireLab } from './check-command.ts';
import { labDir, repoRoot, workDir } from './lab-folders.ts';
import { placeProvidedFiles } from './provided-files.ts';

function parsePort(rest: string[], fallback: number): number {
  if (rest.length === 0) return fallback;
  const [flag, value] = rest;
  if (flag !== '--port' || rest.length !== 2 || !/^\d+$/.test(value ?? '') || Number(value) < 1 || Number(value) > 65535) {
    throw new CliError(`start accepts --dir <folder> and --port <1-65535>; received ${rest.join(' ')}`);
  }
  return Number(value);
}

export async function startCommand(id: string, dir: string | undefined, rest: string[], write: (line: string) => void): Promise<number> {
  requireLab(id);
  const manifest = readManifest(labDir(id));
  const port = parsePort(rest, manifest.ports[0] as number);
  const folder = resolve(dir ?? workDir(id));
  const shown = relative(repoRoot, folder).startsWith('..') ? folder : relative(repoRoot, folder);
  if (!existsSync(folder) || readdirSync(folder).length === 0) {
    for (const layer of programLayers(labDir(id), 'starter')) cpSync(layer, folder, { recursive: true });
    write(`Copied the starter of "${manifest.title}" to ${shown}. Edit ${manifest.files.editable.join(', ')} there.`);
  } else {
    write(`Using your work in ${shown} (delete that folder to start over from the starter).`);
  }
  placeProvidedFiles(manifest, folder);
  const command = [manifest.start.command, ...manifest.start.args].join(' ');
  write(`Running \`${command}\` with PORT=${port} HOST=${learnerHost}: try http://${learnerHost}:${port}/ . Stop with Ctrl-C.`);
  write(`Check your work from another terminal: npm run lab -- check ${id}${dir ? ` --dir ${dir}` : ''}`);
  const child = spawn(manifest.start.command === 'node' ? process.execPath : manifest.start.command, manifest.start.args, {
    cwd: folder,
    env: { ...process.env, PORT: String(port), HOST: learnerHost },
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((done) => {
    child.once('error', (error) => {
      write(`Could not run \`${command}\`: ${error.message}`);
      done(2);
    });
    child.once('exit', (code, signal) => {
      process.removeListener('SIGINT', onInt);
      process.removeListener('SIGTERM', onTerm);
      if (signal) write(`Your program was stopped (${signal}).`);
      else write(`Your program exited with code ${code}.`);
      done(code ?? 0);
    });
  });
}
