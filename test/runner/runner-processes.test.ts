import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../runtime-protocol/messages.ts';
import { canConnect } from '../../scripts/runner/port-watch.ts';
import { outputCapBytes } from '../../scripts/runner/runner-process.ts';
import { startRunner, TestClient, type RunnerHarness } from './runner-harness.ts';

let harness: RunnerHarness;
let client: TestClient;

beforeEach(async () => {
  harness = await startRunner();
  client = await TestClient.connect(harness);
  await client.call({ type: 'mount', lab: 'echo-lab', files: {} });
});

afterEach(async () => {
  await client.close();
  await harness.close();
});

async function run(): Promise<{ process: string; port: number }> {
  const spawned = await client.call({ type: 'spawn', role: 'program' });
  if (spawned.type !== 'spawned') throw new Error(JSON.stringify(spawned));
  const opened = await client.waitFor((message) => message.type === 'port' && message.state === 'open');
  return { process: spawned.process, port: (opened as Extract<ServerMessage, { type: 'port' }>).port };
}

const waitUntil = async (condition: () => Promise<boolean>) => {
  for (let tries = 0; tries < 200 && !(await condition()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
};

describe('the lab program on the runner', () => {
  it('starts the manifest command with PORT and HOST and streams what it prints', async () => {
    const { process, port } = await run();
    await client.waitFor(() => client.output(process).includes('listening'));
    expect(client.output(process)).toContain(`listening on 127.0.0.1:${port}`);
    expect(client.messages.find((message) => message.type === 'spawned')).toMatchObject({ command: 'node server.js' });
  });

  it('sends an HTTP request to the running program and returns the raw response', async () => {
    await run();
    const reply = await client.call({ type: 'request', request: { method: 'POST', path: '/echo?x=1', headers: [['X-Test', 'yes']], body: 'hi' } });
    if (reply.type !== 'response') throw new Error(JSON.stringify(reply));
    expect(reply.exchange.request).toMatch(/^POST \/echo\?x=1 HTTP\/1\.1\r\n/);
    expect(reply.exchange.request).toContain('Content-Length: 2\r\n');
    expect(reply.exchange.response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(reply.exchange.response).toContain('you asked for POST /echo?x=1');
  });

  it('says nothing is listening when the program is not running', async () => {
    const reply = await client.call({ type: 'request', request: { method: 'GET', path: '/', headers: [], body: '' } });
    expect(reply.type === 'response' && reply.exchange.error).toContain('Press Run first');
  });

  it('passes typed input to the program', async () => {
    const { process } = await run();
    client.sendRaw({ type: 'input', process, data: 'hello there\n' });
    await client.waitFor(() => client.output(process).includes('you typed: hello there'));
  });

  it('stops the program on kill and reports its port closed and its exit', async () => {
    const { process, port } = await run();
    expect((await client.call({ type: 'kill', process })).type).toBe('killed');
    await client.waitFor((message) => message.type === 'exit' && message.process === process);
    await client.waitFor((message) => message.type === 'port' && message.state === 'closed');
    expect(await canConnect(port)).toBe(false);
  });

  it('stops an endless loop that prints nothing', async () => {
    await client.call({ type: 'write', path: 'server.js', contents: 'for (;;) {}\n' });
    const spawned = await client.call({ type: 'spawn', role: 'program' });
    const process = spawned.type === 'spawned' ? spawned.process : '';
    expect((await client.call({ type: 'kill', process })).type).toBe('killed');
    expect(await client.waitFor((message) => message.type === 'exit' && message.process === process)).toMatchObject({ signal: 'SIGTERM' });
  });

  it('ends the program when the page goes away', async () => {
    const { port } = await run();
    await client.close();
    expect(await waitUntil(async () => !(await canConnect(port)))).toBe(true);
    client = await TestClient.connect(harness);
  });

  it('stops forwarding output after the cap and says so', async () => {
    await client.call({ type: 'write', path: 'server.js', contents: 'const block = "x".repeat(64 * 1024 - 1) + "\\n";\nconst print = () => process.stdout.write(block, () => setImmediate(print));\nprint();\n' });
    const spawned = await client.call({ type: 'spawn', role: 'program' });
    const process = spawned.type === 'spawned' ? spawned.process : '';
    await client.waitFor(() => client.output(process).includes('Output stopped'), 20_000);
    await client.call({ type: 'kill', process });
    const output = client.output(process);
    expect(output.length).toBeLessThan(outputCapBytes + 200);
    expect(output).toContain('the program is still running. Press Stop to end it.');
  });
});

describe('the grader on the runner', () => {
  it('runs the lab grader bundle with --json on the work folder', async () => {
    const spawned = await client.call({ type: 'spawn', role: 'grader' });
    if (spawned.type !== 'spawned') throw new Error(JSON.stringify(spawned));
    expect(spawned.command).toMatch(/echo-lab\.mjs --dir .*echo-lab --json$/);
    await client.waitFor((message) => message.type === 'exit' && message.process === spawned.process);
    expect(JSON.parse(client.output(spawned.process))).toMatchObject({ lab: 'echo-lab', status: 'pass' });
  });

  it('refuses a second check while one is running', async () => {
    const first = await client.call({ type: 'spawn', role: 'grader' });
    const second = await client.call({ type: 'spawn', role: 'grader' });
    expect(first.type).toBe('spawned');
    expect(second.type === 'failed' && second.message).toContain('already running');
  });
});
