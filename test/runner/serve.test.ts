// scripts/serve.ts as `npm start` runs it: a real process, real requests.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { fixtureRoot, get } from './runner-harness.ts';

const port = 4583;
let server: ChildProcess;

beforeAll(async () => {
  server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(port), '--dir', `${fixtureRoot}/site`], {
    env: { ...process.env, LABS_DIR: `${fixtureRoot}/labs` },
    stdio: 'ignore',
  });
  for (let tries = 0; tries < 100; tries += 1) {
    if (await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('scripts/serve.ts did not start');
});

afterAll(() => {
  server.kill();
});

describe('the production server', () => {
  it('sends the cross-origin isolation headers the WebContainer needs', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('hosts the lab runner and hands its token to same-origin pages', async () => {
    const session = await get(port, '/__runner/session', { 'Sec-Fetch-Site': 'same-origin' });
    expect(session.status).toBe(200);
    const { token, socket } = JSON.parse(session.body) as { token: string; socket: string };
    const opened = new WebSocket(`ws://127.0.0.1:${port}${socket}?token=${token}`, { headers: { Origin: `http://localhost:${port}` } });
    const hello = await new Promise<string>((resolve, reject) => {
      opened.once('message', (data) => resolve(data.toString()));
      opened.once('error', reject);
    });
    opened.close();
    expect(JSON.parse(hello)).toMatchObject({ type: 'hello', runner: 'port-to-production' });
  });

  it('closes upgrade requests to any other path', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/somewhere-else`, { headers: { Origin: `http://localhost:${port}` } });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
