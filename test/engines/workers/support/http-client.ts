// A plain HTTP/1.1 client for the tests: one fresh connection per request (as `curl` does), so
// the server's worker model, not a client pool, decides the concurrency.
import { request } from 'node:http';

export type Reply = { status: number; body: string; ms: number } | { error: string; ms: number };

export function get(port: number, path: string, timeoutMs = 10_000): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
      res.on('error', (e) => resolve({ error: e.message, ms: performance.now() - started }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message, ms: performance.now() - started }));
    req.end();
  });
}

/** `count` requests at once; resolves with every reply and the wall time of the whole burst. */
export async function burst(port: number, path: string, count: number): Promise<{ replies: Reply[]; ms: number }> {
  const started = performance.now();
  const replies = await Promise.all(Array.from({ length: count }, () => get(port, path)));
  return { replies, ms: performance.now() - started };
}

/** Polls until `count` concurrent /pid requests come back from `count` different workers. */
export async function waitForWorkers(port: number, count: number, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  let seen = 0;
  while (Date.now() < deadline) {
    const { replies } = await burst(port, '/pid', count);
    seen = new Set(replies.map((r) => ('body' in r ? r.body : r.error))).size;
    if (replies.every((r) => 'status' in r && r.status === 200) && seen === count) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`only ${seen} of ${count} workers answered within ${ms} ms`);
}

export const okCount = (replies: Reply[]) => replies.filter((r) => 'status' in r && r.status === 200).length;

/** Status, header names (without Date) and body: what two servers' answers are compared on. */
export function getWithHeaders(port: number, path: string): Promise<{ status: number; headers: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        const headers = Object.keys(res.headers).filter((h) => h !== 'date').sort();
        resolve({ status: res.statusCode ?? 0, headers, body });
      });
    });
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end();
  });
}
