// Runs course-gunicorn once in the learner's folder for a quick answer (--check-config,
// --print-config) and returns its exit and output. The process runs in its own group and is
// always stopped, so a config that somehow starts a server cannot outlive the check.
import { describeExit, ManagedProcess, type ExitInfo } from '../kit/process/managed-process.ts';
import { labSettings } from './lab-settings.ts';

export interface EngineRun {
  exit: ExitInfo | undefined;
  stdout: string[];
  stderr: string[];
  commandLine: string;
}

export function engineArgs(...flags: string[]): string[] {
  return [labSettings.engineFile, '-c', labSettings.configFile, ...flags, labSettings.appSpec];
}

export async function runEngine(dir: string, flags: string[], env: Record<string, string>, signal: AbortSignal, timeoutMs = 8000): Promise<EngineRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const args = engineArgs(...flags);
  const child = ManagedProcess.start({
    label: 'course-gunicorn',
    command: 'node',
    args,
    cwd: dir,
    env,
    onLine: (_label, line, stream) => (stream === 'stdout' ? stdout : stderr).push(line),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort = () => {};
  try {
    await Promise.race([
      child.exited,
      new Promise<void>((resolve) => {
        onAbort = resolve;
        timer = setTimeout(resolve, timeoutMs);
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    await child.stop();
  }
  return { exit: child.exitInfo, stdout, stderr, commandLine: `node ${args.join(' ')}` };
}

export function describeRun(run: EngineRun): string {
  return run.exit ? describeExit(run.exit) : 'did not finish in time';
}
