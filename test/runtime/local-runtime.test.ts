import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { LabMount, PortInfo } from '../../src/runtime/lab-runtime.ts';
import { LocalRuntime, type SocketLike } from '../../src/runtime/local/local-runtime.ts';
import { fetchRunnerSession } from '../../src/runtime/local/runner-session.ts';
import { startRunner, type RunnerHarness } from '../runner/runner-harness.ts';

// Its own fixture lab and port, so it never meets the runner tests' programs running in parallel.
const lab: LabMount = {
  id: 'second-echo-lab',
  files: { 'server.js': 'import "node:http";\nconsole.log("edited " + process.env.PORT);\nsetInterval(() => {}, 1000);\n' },
  start: { command: 'node', args: ['server.js'] },
  ports: [4598],
  graderUrl: '/bundles/graders/second-echo-lab.mjs',
  provided: {},
};

let harness: RunnerHarness;
let runtime: LocalRuntime;

async function connect(): Promise<LocalRuntime> {
  const session = await fetchRunnerSession(`${harness.origin}/`);
  if (!session) throw new Error('no runner session');
  // Browsers send Origin on their own; the ws client needs to be told.
  const open = (url: string) => new WebSocket(url, { headers: { Origin: harness.origin } }) as unknown as SocketLike;
  return LocalRuntime.connect(session, `${harness.origin}/labs/second-echo-lab/`, open);
}

beforeEach(async () => {
  harness = await startRunner();
  runtime = await connect();
  await runtime.mount(lab);
});

afterEach(async () => {
  await runtime.teardown();
  await harness.close();
});

describe('the Local runtime against a real runner', () => {
  it('runs the mounted program and streams its output', async () => {
    let output = '';
    const program = await runtime.spawn('program', { onOutput: (chunk) => (output += chunk) });
    expect(program.command).toBe('node server.js');
    for (let tries = 0; tries < 400 && !output.includes('edited'); tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(output).toMatch(/edited \d+/);
    await program.kill();
    expect(await program.exit).toBeNull();
  });

  it('reports the program port opening and answers an HTTP request on it', async () => {
    await runtime.writeFile('server.js', 'import { createServer } from "node:http";\ncreateServer((q, s) => s.end("ok " + q.url)).listen(process.env.PORT, process.env.HOST);\n');
    const opened = new Promise<PortInfo>((resolve) => runtime.onPort((info) => info.state === 'open' && resolve(info)));
    await runtime.spawn('program', { onOutput: () => {} });
    const { port } = await opened;
    const exchange = await runtime.request({ method: 'GET', path: '/hello', headers: [], body: '' });
    expect(exchange.port).toBe(port);
    expect(exchange.response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(exchange.response.endsWith('ok /hello')).toBe(true);
  });

  it('runs the grader and hands back what it printed', async () => {
    let output = '';
    const grader = await runtime.spawn('grader', { onOutput: (chunk) => (output += chunk) });
    expect(await grader.exit).toBe(0);
    expect(JSON.parse(output)).toMatchObject({ lab: 'second-echo-lab', status: 'pass' });
  });

  it('turns a refused write into an error carrying the runner explanation', async () => {
    await expect(runtime.writeFile('package.json', '{}')).rejects.toThrow(/package\.json is read-only in this lab/);
  });

  it('fails what is pending with advice when the runner goes away', async () => {
    await harness.runner.close();
    await expect(runtime.writeFile('server.js', '')).rejects.toThrow(/connection to the local runner closed.*Start it again/);
  });
});

describe('finding a runner', () => {
  it('finds no runner on a server that does not host one', async () => {
    const server = createServer((_request, response) => response.writeHead(404).end('not found'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    expect(await fetchRunnerSession(`http://127.0.0.1:${port}/`)).toBeNull();
    await new Promise((resolve) => server.close(resolve));
  });

  it('finds no runner when nothing listens at all', async () => {
    expect(await fetchRunnerSession('http://127.0.0.1:1/')).toBeNull();
  });
});
