import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { Teardown } from '../../../graders/kit/process/teardown.ts';
import { MockUpstream } from '../../../graders/kit/upstream/mock-upstream.ts';

const teardown = new Teardown();
afterEach(() => teardown.runAll());

function get(port: number, path: string, headers: Record<string, string> = {}, timeoutMs = 2000): Promise<{ status: number; body: string; upstream?: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, upstream: res.headers['x-upstream'] as string | undefined }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('MockUpstream', () => {
  test('answers with its name, counts hits and shows the headers it received', async () => {
    const upstream = await MockUpstream.start({ name: 'upstream-1' }, teardown);
    const reply = await get(upstream.port, '/api/items?id=3', { 'X-Forwarded-For': '203.0.113.7' });
    expect(reply).toMatchObject({ status: 200, upstream: 'upstream-1' });
    expect('body' in reply && JSON.parse(reply.body)).toEqual({ upstream: 'upstream-1', method: 'GET', path: '/api/items?id=3' });
    expect(upstream.hits).toBe(1);
    expect(upstream.requests[0]?.headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(upstream.requests[0]?.rawHeaders).toContainEqual(['X-Forwarded-For', '203.0.113.7']);
  });

  test('fails with a chosen status, resets connections, or hangs, until healed', async () => {
    const upstream = await MockUpstream.start({ name: 'upstream-2' }, teardown);
    upstream.fail({ kind: 'status', status: 503 });
    expect(await get(upstream.port, '/')).toMatchObject({ status: 503 });
    upstream.fail({ kind: 'reset' });
    expect(await get(upstream.port, '/')).toEqual({ error: 'ECONNRESET' });
    upstream.fail({ kind: 'hang' });
    expect(await get(upstream.port, '/', {}, 300)).toEqual({ error: 'TIMEOUT' });
    upstream.heal();
    expect(await get(upstream.port, '/')).toMatchObject({ status: 200 });
    expect(upstream.hits).toBe(4);
  });

  test('delays replies when made slow', async () => {
    const upstream = await MockUpstream.start({ name: 'slow' }, teardown);
    upstream.slow(1000);
    expect(await get(upstream.port, '/', {}, 200)).toEqual({ error: 'TIMEOUT' });
    upstream.slow(0);
    expect(await get(upstream.port, '/', {}, 1000)).toMatchObject({ status: 200 });
  });

  test('refuses connections once stopped and listens on the same port after a restart', async () => {
    const upstream = await MockUpstream.start({ name: 'upstream-3' }, teardown);
    const port = upstream.port;
    await upstream.stop();
    expect(await get(port, '/')).toEqual({ error: 'ECONNREFUSED' });
    await upstream.restart();
    expect(upstream.port).toBe(port);
    expect(await get(port, '/')).toMatchObject({ status: 200 });
  });

  test('uses a custom reply and logs each request under its name', async () => {
    const lines: string[] = [];
    const upstream = await MockUpstream.start({ name: 'custom', reply: (seen) => ({ status: 201, body: seen.method }), log: (label, line) => lines.push(`[${label}] ${line}`) }, teardown);
    expect(await get(upstream.port, '/x')).toMatchObject({ status: 201, body: 'GET' });
    expect(lines).toEqual(['[custom] GET /x → 201']);
  });

  test('is stopped by the run teardown', async () => {
    const own = new Teardown();
    const upstream = await MockUpstream.start({ name: 'owned' }, own);
    await own.runAll();
    expect(upstream.running).toBe(false);
    expect(await get(upstream.port, '/')).toEqual({ error: 'ECONNREFUSED' });
  });
});
