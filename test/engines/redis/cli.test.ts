// course-redis as a command: the ready line, redis-server-style flags, clear failures, and the
// package.json bin entry.
import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../labs/engines/redis/client.ts';
import { startCacheServer } from '../../../labs/engines/redis/server.ts';
import { killAllChildren, runChild } from './support/child.ts';

const CLI = 'labs/engines/redis/cli.ts';
const PORT = 4544;
const BUSY_PORT = 4545;

afterEach(() => killAllChildren());

const courseRedis = (...args: string[]) => runChild(process.execPath, [CLI, ...args]);

describe('the course-redis command', () => {
  it('prints a ready line, serves clients, and exits cleanly on SIGTERM', async () => {
    const server = courseRedis('--port', String(PORT), '--save', '', '--appendonly', 'no');
    await server.waitFor(/ready to accept connections/, 10_000);
    expect(server.output()).toBe(`course-redis: ready to accept connections on 127.0.0.1:${PORT}\n`);
    const cache = await createClient({ url: `redis://127.0.0.1:${PORT}` }).connect();
    expect(await cache.ping()).toBe('PONG');
    await cache.quit();
    server.child.kill('SIGTERM');
    expect(await server.exit(5000)).toBe(0);
  });

  it('says so when the port is taken', async () => {
    const other = await startCacheServer({ port: BUSY_PORT, log: () => {} });
    try {
      const server = courseRedis('--port', String(BUSY_PORT));
      expect(await server.exit(10_000)).toBe(1);
      expect(server.output()).toContain(`course-redis: cannot listen on 127.0.0.1:${BUSY_PORT}: the port is already in use`);
    } finally {
      await other.close();
    }
  });

  it.each([
    [['--port', 'http'], '--port http is not a TCP port: expected a whole number from 1 to 65535'],
    [['--port', '70000'], '--port 70000 is not a TCP port'],
    [['--port'], '--port needs a value, for example: course-redis --port 6380'],
    [['--maxmemory', '1gb'], 'unknown option --maxmemory. Expected --port N or --bind ADDRESS'],
    [['--appendonly', 'yes'], '--appendonly yes is not available: course-redis keeps data in memory only'],
  ])('refuses %j with a message saying what to do', async (args, message) => {
    const server = courseRedis(...args);
    expect(await server.exit(10_000)).toBe(1);
    expect(server.output()).toContain(message);
  });

  it('describes itself with --help', async () => {
    const help = courseRedis('--help');
    expect(await help.exit(10_000)).toBe(0);
    expect(help.output()).toMatch(/^Usage: course-redis \[--port N\] \[--bind ADDRESS\]/);
  });

  it('is the course-redis bin of the package, runnable from the repository', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.bin['course-redis']).toBe(CLI);
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });
});
