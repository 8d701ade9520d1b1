import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { get, refusedUpgrade, startRunner, TestClient, type RunnerHarness } from './runner-harness.ts';

let harness: RunnerHarness;
let outside: string;

beforeEach(async () => {
  harness = await startRunner();
  outside = mkdtempSync(join(tmpdir(), 'runner-outside-'));
});

afterEach(async () => {
  await harness.close();
  rmSync(outside, { recursive: true, force: true });
});

const socketUrl = (token: string) => `ws://127.0.0.1:${harness.port}/__runner/socket?token=${encodeURIComponent(token)}`;

describe('the runner session endpoint', () => {
  it('hands the token to a page of the course itself', async () => {
    const response = await fetch(`${harness.origin}/__runner/session`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ version: 1, token: harness.runner.token, socket: '/__runner/socket' });
  });

  it('refuses a request whose Host is another name (DNS rebinding)', async () => {
    const response = await get(harness.port, '/__runner/session', { Host: `attacker.example:${harness.port}` });
    expect(response.status).toBe(403);
    expect(response.body).toContain('attacker.example');
  });

  it('refuses a fetch made by another site', async () => {
    const response = await fetch(`${harness.origin}/__runner/session`, { headers: { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status).toBe(403);
  });
});

describe('the runner socket', () => {
  it('accepts a course page with the token and greets it', async () => {
    const client = await TestClient.connect(harness);
    expect(await client.waitFor((message) => message.type === 'hello')).toMatchObject({ version: 1 });
    await client.close();
  });

  it('refuses a wrong token', async () => {
    const refused = await refusedUpgrade(socketUrl('not-the-token-of-this-launch'), { Origin: harness.origin });
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('does not match');
  });

  it('refuses a socket without a token', async () => {
    const refused = await refusedUpgrade(`ws://127.0.0.1:${harness.port}/__runner/socket`, { Origin: harness.origin });
    expect(refused.status).toBe(401);
  });

  it('refuses a page of another origin even with the right token', async () => {
    const refused = await refusedUpgrade(socketUrl(harness.runner.token), { Origin: 'https://attacker.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('https://attacker.example');
  });

  it('refuses a rebinding Host even with the right token and a matching Origin', async () => {
    const host = `attacker.example:${harness.port}`;
    const refused = await refusedUpgrade(socketUrl(harness.runner.token), { Origin: `http://${host}`, Host: host });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain(`this request named "${host}"`);
  });
});

describe('writes into the lab work folder', () => {
  let client: TestClient;
  let folder: string;

  beforeEach(async () => {
    client = await TestClient.connect(harness);
    expect((await client.call({ type: 'mount', lab: 'echo-lab', files: {} })).type).toBe('mounted');
    folder = join(harness.workRoot, 'echo-lab');
  });

  afterEach(() => client.close());

  it('puts the starter and the written file in the folder', async () => {
    expect((await client.call({ type: 'write', path: 'public/note.txt', contents: 'hello' })).type).toBe('written');
    expect(readFileSync(join(folder, 'public/note.txt'), 'utf8')).toBe('hello');
    expect(existsSync(join(folder, 'package.json'))).toBe(true);
  });

  it('refuses a path that climbs out with ".."', async () => {
    const reply = await client.call({ type: 'write', path: `../../${outside.split('/').pop()}/escaped.txt`, contents: 'x' });
    expect(reply).toMatchObject({ type: 'failed' });
    expect(reply.type === 'failed' && reply.message).toContain('not a path inside the lab folder');
    expect(existsSync(join(outside, 'escaped.txt'))).toBe(false);
  });

  it('refuses an absolute path', async () => {
    const reply = await client.call({ type: 'write', path: join(outside, 'escaped.txt'), contents: 'x' });
    expect(reply.type).toBe('failed');
    expect(existsSync(join(outside, 'escaped.txt'))).toBe(false);
  });

  it('refuses to write through a folder that is a symbolic link to elsewhere', async () => {
    symlinkSync(outside, join(folder, 'linked'));
    const reply = await client.call({ type: 'write', path: 'linked/escaped.txt', contents: 'x' });
    expect(reply.type === 'failed' && reply.message).toContain('symbolic link');
    expect(existsSync(join(outside, 'escaped.txt'))).toBe(false);
  });

  it('refuses to write a file that is a symbolic link to elsewhere', async () => {
    writeFileSync(join(outside, 'target.txt'), 'original');
    symlinkSync(join(outside, 'target.txt'), join(folder, 'server-link.js'));
    const reply = await client.call({ type: 'write', path: 'server-link.js', contents: 'overwritten' });
    expect(reply.type === 'failed' && reply.message).toContain('symbolic link');
    expect(readFileSync(join(outside, 'target.txt'), 'utf8')).toBe('original');
  });

  it('puts the lab\'s provided files in the folder from the bundles, and refuses to change them', async () => {
    expect(readFileSync(join(folder, 'tools/greeting.mjs'), 'utf8')).toContain("'provided by the course'");
    const reply = await client.call({ type: 'write', path: 'tools/greeting.mjs', contents: 'export const greeting = "mine";' });
    expect(reply.type === 'failed' && reply.message).toContain('read-only');
    expect(readFileSync(join(folder, 'tools/greeting.mjs'), 'utf8')).toContain("'provided by the course'");
  });

  it('keeps the provided copy when a page mounts its own version of a provided file', async () => {
    await client.call({ type: 'mount', lab: 'echo-lab', files: { 'tools/greeting.mjs': 'export const greeting = "mine";' } });
    expect(readFileSync(join(folder, 'tools/greeting.mjs'), 'utf8')).toContain("'provided by the course'");
  });

  it('refuses to change a read-only file of the lab', async () => {
    const reply = await client.call({ type: 'write', path: 'package.json', contents: '{"scripts":{}}' });
    expect(reply.type === 'failed' && reply.message).toContain('read-only');
    expect(readFileSync(join(folder, 'package.json'), 'utf8')).toContain('echo-lab');
  });

  it('refuses a lab id that is a path', async () => {
    mkdirSync(join(outside, 'labs'), { recursive: true });
    const reply = await client.call({ type: 'mount', lab: '../../etc', files: {} });
    expect(reply.type).toBe('failed');
  });
});

describe('what the runner runs', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.connect(harness);
    await client.call({ type: 'mount', lab: 'echo-lab', files: {} });
  });

  afterEach(() => client.close());

  it('refuses a spawn that names its own command', async () => {
    const marker = join(outside, 'ran');
    const reply = await client.call({ type: 'spawn', role: 'program', command: 'touch', args: [marker] });
    expect(reply.type === 'failed' && reply.message).toContain('refused');
    expect(client.messages.some((message) => message.type === 'spawned')).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a role that is neither the program nor the grader', async () => {
    const reply = await client.call({ type: 'spawn', role: 'shell' });
    expect(reply.type).toBe('failed');
    expect(client.messages.some((message) => message.type === 'spawned')).toBe(false);
  });
});
