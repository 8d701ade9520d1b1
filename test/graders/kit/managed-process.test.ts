import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { describeExit, ManagedProcess } from '../../../graders/kit/process/managed-process.ts';
import { freePort, tryConnect } from '../../../graders/kit/process/port-probe.ts';
import { copyProgram } from '../../../scripts/lab/lab-folders.ts';
import { leftoverProcesses } from '../../support/leftover-processes.ts';
import { fixtureProgram, labId } from '../grade-program.ts';

const scratch = mkdtempSync(join(tmpdir(), 'managed-process-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function node(script: string, cwd = scratch) {
  return ManagedProcess.start({ label: 'test', command: 'node', args: ['-e', script], cwd, env: {} });
}

describe('ManagedProcess', () => {
  test('notices at once when a program exits, with its code and output', async () => {
    const child = node("console.log('bye'); console.error('err'); process.exit(4)");
    const exit = await child.exited;
    expect(exit).toMatchObject({ code: 4, signal: null });
    expect(describeExit(exit)).toBe('exited with code 4');
    expect(child.output.lines()).toEqual(expect.arrayContaining(['bye', 'err']));
    expect(child.running).toBe(false);
  });

  test('says a missing command could not be started', async () => {
    const child = ManagedProcess.start({ label: 'test', command: 'no-such-command-here', args: [], cwd: scratch, env: {} });
    const exit = await child.exited;
    expect(describeExit(exit)).toBe('could not be started (the command "no-such-command-here" was not found)');
    await child.stop();
  });

  test('passes the environment it was given', async () => {
    const withEnv = ManagedProcess.start({ label: 'test', command: 'node', args: ['-e', 'console.log(process.env.PORT + "@" + process.env.HOST)'], cwd: scratch, env: { PORT: '1234', HOST: '127.0.0.1' } });
    await withEnv.exited;
    expect(withEnv.output.lines()).toEqual(['1234@127.0.0.1']);
  });

  test('stops a program that ignores SIGTERM together with the helper it started', async () => {
    const dir = copyProgram(labId, fixtureProgram('ignores-sigterm-with-child'));
    try {
      const port = await freePort();
      const child = ManagedProcess.start({ label: 'your program', command: 'node', args: ['server.js'], cwd: dir, env: { PORT: String(port), HOST: '127.0.0.1' }, graceMs: 200 });
      while (!(await tryConnect('127.0.0.1', port)).ok) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(leftoverProcesses(dir).length).toBe(2);
      await child.stop();
      expect(child.output.lines()).toContain('SIGTERM received and ignored');
      expect(leftoverProcesses(dir, [child.pid as number])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
