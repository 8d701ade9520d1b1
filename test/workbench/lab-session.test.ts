import { describe, expect, it } from 'vitest';
import { graderResultSchema } from '../../graders/kit/result-schema.ts';
import { lastJsonDocument } from '../../src/runtime/grader-output.ts';
import type { GraderResult } from '../../src/workbench/grader-result.ts';
import type { LabPageData } from '../../src/workbench/lab-data.ts';
import { LabSession, type LabMemory } from '../../src/workbench/lab-session.ts';
import { FakeRuntime, type FakeProcess } from './fake-runtime.ts';

const data: LabPageData = {
  id: 'first-web-server',
  title: 'Your first web server',
  starter: { 'server.js': 'starter', 'package.json': '{}' },
  solution: { 'server.js': 'solution', 'package.json': '{}' },
  editable: ['server.js'],
  start: { command: 'node', args: ['server.js'] },
  ports: [8080],
  checks: [{ slug: 'listens-on-port', title: 'Listens', hint: 'Call listen().' }],
  graderUrl: '/bundles/graders/first-web-server.mjs',
  provided: {},
  base: '/',
};

const passing: GraderResult = {
  version: 1,
  lab: 'first-web-server',
  status: 'pass',
  checks: [{ slug: 'listens-on-port', title: 'Listens', status: 'pass', message: 'It listens.', hint: 'Call listen().', duration_ms: 5 }],
  seed: 7,
  port: 8080,
  duration_ms: 40,
};

// What the page does in a worker, done here directly: the graders' own schema on the output.
const readResult = async (output: string) => graderResultSchema.parse(lastJsonDocument(output));

class MemoryLab implements LabMemory {
  files: Record<string, string> = {};
  checks: GraderResult[] = [];
  helped = false;
  savedFiles() {
    return this.files;
  }
  saveFiles(edits: Record<string, string>) {
    this.files = edits;
  }
  recordCheck(result: GraderResult) {
    this.checks.push(result);
  }
  markSolvedWithHelp() {
    this.helped = true;
  }
}

async function started(memory = new MemoryLab()) {
  const runtime = new FakeRuntime();
  const session = new LabSession(data, memory, readResult);
  let terminal = '';
  session.terminal.attach((text) => (terminal += text));
  await session.start(async () => ({ runtime, reason: 'Local runner, as ?runtime=local asks.' }));
  return { session, runtime, memory, terminal: () => terminal };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A flag that turns true once the process has exited. */
function trackExit(process: FakeProcess): { done: boolean } {
  const state = { done: false };
  void process.exit.then(() => (state.done = true));
  return state;
}

/** Whether `state.done` was already true when the grader was spawned. */
function whenGraderStarts(runtime: FakeRuntime, state: { done: boolean }): Promise<boolean> {
  const grade = runtime.onSpawn;
  return new Promise((resolve) => {
    runtime.onSpawn = (process) => {
      if (process.role === 'grader') resolve(state.done);
      grade(process);
    };
  });
}

describe('the lab session', () => {
  it('mounts the lab with the edits saved from an earlier visit', async () => {
    const memory = new MemoryLab();
    memory.files = { 'server.js': 'my work' };
    const { runtime, session } = await started(memory);
    expect(runtime.mounts[0]?.files).toEqual({ 'server.js': 'my work', 'package.json': '{}' });
    expect(session.runtime.get()).toMatchObject({ status: 'ready', kind: 'local' });
  });

  it('writes the edits before running, and shows the command and the output in the terminal', async () => {
    const { session, runtime, terminal } = await started();
    session.files.setText('server.js', 'edited');
    await session.run();
    runtime.processes[0]?.print('Listening on http://127.0.0.1:8080\n');
    expect(runtime.writes).toEqual([['server.js', 'edited']]);
    expect(terminal()).toContain('$ node server.js');
    expect(terminal()).toContain('Listening on http://127.0.0.1:8080');
  });

  it('follows the program from running to listening to stopped', async () => {
    const { session, runtime, terminal } = await started();
    await session.run();
    expect(session.program.get()).toEqual({ status: 'running', listening: null });
    runtime.ports.emit({ port: 8080, state: 'open' });
    expect(session.program.get().listening).toBe(8080);
    await session.stop();
    await settle();
    expect(session.program.get()).toEqual({ status: 'idle', listening: null });
    expect(terminal()).toContain('[your program was stopped]');
  });

  it('restarts a running program when the learner saves', async () => {
    const { session, runtime } = await started();
    await session.run();
    session.files.setText('server.js', 'saved');
    await session.save();
    expect(runtime.processes.filter((process) => process.role === 'program')).toHaveLength(2);
    expect(runtime.writes).toContainEqual(['server.js', 'saved']);
  });

  it('shows and records the result of a check', async () => {
    const { session, runtime, memory } = await started();
    runtime.graderOutput = JSON.stringify(passing);
    await session.runChecks();
    expect(session.check.get()).toMatchObject({ status: 'done', result: { status: 'pass' } });
    expect(memory.checks).toHaveLength(1);
  });

  it('stops a running program before grading, and says so in the terminal', async () => {
    const { session, runtime, terminal } = await started();
    runtime.graderOutput = JSON.stringify(passing);
    await session.run();
    const program = runtime.processes[0] as FakeProcess;
    // Like the real runtimes, kill() settles only once the program is gone, which takes a moment.
    program.kill = async () => {
      setTimeout(() => program.finish(null), 10);
      await program.exit;
    };
    const gone = trackExit(program);
    const programGoneWhenGraderStarted = whenGraderStarts(runtime, gone);
    await session.runChecks();
    expect(await programGoneWhenGraderStarted).toBe(true);
    expect(session.program.get()).toEqual({ status: 'idle', listening: null });
    expect(session.check.get()).toMatchObject({ status: 'done', result: { status: 'pass' } });
    expect(terminal()).toMatch(/stopping your program: the checks start their own copy of it on the same ports.*\[your program was stopped\]/s);
  });

  it('waits for a Run that is still starting, then stops that program before grading', async () => {
    const { session, runtime, terminal } = await started();
    runtime.graderOutput = JSON.stringify(passing);
    const running = session.run();
    await session.runChecks();
    await running;
    const programs = runtime.processes.filter((process) => process.role === 'program');
    expect(programs).toHaveLength(1);
    expect(runtime.processes.map((process) => process.role)).toEqual(['program', 'grader']);
    expect(session.program.get().status).toBe('idle');
    expect(terminal()).toContain('stopping your program');
  });

  it('grades without a note about stopping when no program is running', async () => {
    const { session, runtime, terminal } = await started();
    runtime.graderOutput = JSON.stringify(passing);
    await session.runChecks();
    expect(session.check.get().status).toBe('done');
    expect(terminal()).not.toContain('stopping your program');
  });

  it('does not start the program while the checks run on its ports', async () => {
    const { session, runtime, terminal } = await started();
    runtime.onSpawn = () => {};
    const checking = session.runChecks();
    await settle();
    await session.run();
    expect(runtime.processes.map((process) => process.role)).toEqual(['grader']);
    expect(terminal()).toContain('The checks are running their own copy of your program; press Run again once they finish.');
    const grader = runtime.processes[0] as FakeProcess;
    grader.print(JSON.stringify(passing));
    grader.finish(0);
    await checking;
    await session.run();
    expect(runtime.processes.map((process) => process.role)).toEqual(['grader', 'program']);
  });

  it('reports a grader that answers with no result as a problem of the checks, not of the program', async () => {
    const { session, runtime, memory } = await started();
    runtime.graderOutput = 'Segmentation fault\n';
    await session.runChecks();
    expect(session.check.get().status).toBe('error');
    expect(session.check.get().error).toMatch(/^The checks could not run: .*Segmentation fault/s);
    expect(memory.checks).toHaveLength(0);
  });

  it('explains that nothing can run when no runtime is available', async () => {
    const session = new LabSession(data, new MemoryLab(), readResult);
    let terminal = '';
    session.terminal.attach((text) => (terminal += text));
    await session.start(async () => ({ runtime: null, reason: 'No runtime: no local runner answers on this server.' }));
    await session.run();
    expect(session.runtime.get().status).toBe('unavailable');
    expect(terminal).toContain('Nothing can run yet: No runtime: no local runner answers');
  });

  it('shows the solution as "solved with help" and resets to the starter', async () => {
    const { session, memory } = await started();
    session.showSolution();
    expect(session.files.get('server.js')?.text).toBe('solution');
    expect(memory.helped).toBe(true);
    expect(memory.files).toEqual({ 'server.js': 'solution' });
    session.reset();
    expect(session.files.get('server.js')?.text).toBe('starter');
    expect(memory.files).toEqual({});
  });
});
