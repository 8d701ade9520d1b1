import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort } from '../../graders/kit/process/port-probe.ts';
import { graderResultSchema } from '../../graders/kit/result-schema.ts';
import { copyProgram, labDir, type Variant } from '../../scripts/lab/lab-folders.ts';
import { fixtureProgram, labId } from '../graders/grade-program.ts';
import { leftoverProcesses } from '../support/leftover-processes.ts';
import { runCli } from './run-cli.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function program(variant: Variant): string {
  const dir = copyProgram(labId, variant);
  made.push(dir);
  return dir;
}

async function check(dir: string, ...extra: string[]) {
  return runCli(['scripts/lab.ts', 'check', labId, '--dir', dir, '--port', String(await freePort()), ...extra]);
}

describe.concurrent('npm run lab -- check', () => {
  test('exits 0 and prints only a valid result with --json when every check passes', async () => {
    const dir = program({ kind: 'solution' });
    const run = await check(dir, '--json');
    expect(run.code).toBe(0);
    const result = graderResultSchema.parse(JSON.parse(run.stdout));
    expect(result.status).toBe('pass');
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  test('exits 1 with the failing check in the JSON result when a check fails', async () => {
    const dir = program({ kind: 'starter' });
    const run = await check(dir, '--json');
    expect(run.code).toBe(1);
    const result = graderResultSchema.parse(JSON.parse(run.stdout));
    expect(result.checks.find((c) => c.status === 'fail')?.slug).toBe('serves-html-at-root');
    expect(leftoverProcesses(dir)).toEqual([]);
  });

  test('prints prefixed lines, expected and actual, the curl line and the hint for people', async () => {
    const run = await check(program({ kind: 'starter' }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[check:listens-on-port] ✓ passed');
    expect(run.stdout).toMatch(/\[your program\] Listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain('[check:serves-html-at-root] ✗ failed (assertion)');
    expect(run.stdout).toContain('  expected: Content-Type: text/html');
    expect(run.stdout).toMatch(/ {2}try it: {3}curl -i http:\/\/127\.0\.0\.1:\d+\//);
    expect(run.stdout).toContain('  hint:     Answer GET / with the contents of public/index.html');
    expect(run.stdout).toContain(`Fix "serves-html-at-root" first, then check again: npm run lab -- check ${labId} --dir`);
    expect(run.stdout).not.toContain('\u001b[');
  });

  test('runs every check with --all', async () => {
    const run = await check(program({ kind: 'starter' }), '--json', '--all');
    const result = graderResultSchema.parse(JSON.parse(run.stdout));
    expect(result.checks.some((c) => c.status === 'skipped')).toBe(false);
  });

  test('exits 2 with a clear message when the folder does not exist', async () => {
    const run = await runCli(['scripts/lab.ts', 'check', labId, '--dir', join(tmpdir(), 'no-such-lab-folder')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the folder .*no-such-lab-folder does not exist/);
  });

  test('exits 2 for an unknown lab and for an unknown command, naming what exists', async () => {
    const unknownLab = await runCli(['scripts/lab.ts', 'check', 'no-such-lab']);
    expect(unknownLab.code).toBe(2);
    expect(unknownLab.stderr).toContain(`there is no lab "no-such-lab"; the labs are: `);
    const unknownCommand = await runCli(['scripts/lab.ts', 'grade']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "grade"; use list, start or check');
    expect(unknownCommand.stderr).toContain('Usage: npm run lab -- <command>');
  });

  test('stops the program and exits 130 when interrupted with Ctrl-C', async () => {
    const dir = program(fixtureProgram('hangs-after-accept'));
    let interrupted = false;
    const run = await runCli(['scripts/lab.ts', 'check', labId, '--dir', dir, '--port', String(await freePort())], {
      onStdout: (text, child) => {
        if (interrupted || !text.includes('[check:serves-html-at-root] GET /')) return;
        interrupted = true;
        // Twice, as an impatient person does: the second must not cut the teardown short.
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGINT'), 50);
      },
    });
    // A second Ctrl-C can land while the process is already exiting, after Node has let go of its
    // signal handlers; a shell reports that death by SIGINT as 130 too, which is what a person sees.
    expect({ code: run.code, signal: run.signal }).toSatisfy(
      ({ code, signal }: { code: number | null; signal: string | null }) => code === 130 || (code === null && signal === 'SIGINT'),
    );
    expect(run.stdout).toContain('The run was interrupted');
    expect(leftoverProcesses(dir)).toEqual([]);
  });
});

describe.concurrent('the grader run on its own', () => {
  test('exits 2 with a valid error result when it cannot grade', async () => {
    const run = await runCli(['graders/first-web-server/grader.ts', '--dir', join(tmpdir(), 'no-such-lab-folder'), '--json']);
    expect(run.code).toBe(2);
    const result = graderResultSchema.parse(JSON.parse(run.stdout));
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/does not exist/);
  });

  test('exits 2 and shows its options for an unknown option', async () => {
    const run = await runCli(['graders/first-web-server/grader.ts', '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown option "--verbose"');
    expect(run.stderr).toContain('--seed <n>');
  });
});

describe('npm run lab -- list and start', () => {
  test('lists the first lab with its title and chapter', async () => {
    const run = await runCli(['scripts/lab.ts', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^first-web-server +Your first web server$/m);
    expect(run.stdout).toContain('chapter web-servers-and-reverse-proxies');
  });

  test('copies the starter into a new work folder, runs it, and stops it on Ctrl-C', async () => {
    const root = mkdtempSync(join(tmpdir(), 'lab-start-'));
    made.push(root);
    const dir = join(root, 'work');
    const port = await freePort();
    let answer = '';
    const run = await runCli(['scripts/lab.ts', 'start', labId, '--dir', dir, '--port', String(port)], {
      onStdout: (text, child) => {
        if (!answer && text.includes('Listening on')) {
          answer = 'pending';
          fetch(`http://127.0.0.1:${port}/`)
            .then((response) => response.text())
            .then((body) => (answer = body))
            .finally(() => child.kill('SIGINT'));
        }
      },
    });
    expect(run.stdout).toContain('Copied the starter of "Your first web server"');
    expect(answer).toBe('Hello! You asked for GET /\n');
    expect(readFileSync(join(dir, 'server.js'), 'utf8')).toBe(readFileSync(join(labDir(labId), 'starter', 'server.js'), 'utf8'));
    expect(existsSync(join(dir, 'public', 'index.html'))).toBe(true);
    expect(leftoverProcesses(dir)).toEqual([]);
  });
});
