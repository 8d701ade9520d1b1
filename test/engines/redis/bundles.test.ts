// What lab sandboxes get: the engine and the client, each bundled into one file with no
// dependencies, run by a Node older than the one the repository uses (DESIGN principle 3).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bundleClient } from '../../../labs/engines/redis/bundle-client.ts';
import { startCacheServer } from '../../../labs/engines/redis/server.ts';
import { killAllChildren, runChild } from './support/child.ts';

const ENGINE_PORT = 4546;
const CLIENT_PORT = 4547;
// The machine's system Node (20 here) stands in for the WebContainer's older Node.
const olderNode = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
const dir = mkdtempSync(join(tmpdir(), 'course-redis-bundles-'));

afterEach(() => killAllChildren());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every module the bundle still imports; only node: built-ins are allowed. */
function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? m[2]);
}

describe('the redis bundles', () => {
  it('bundle the engine into one file that starts and serves on an older Node', async () => {
    const out = join(dir, 'redis.mjs');
    // The options of scripts/bundle.ts, which builds public/bundles/engines/redis.mjs.
    await build({ entryPoints: ['labs/engines/redis/cli.ts'], outfile: out, bundle: true, platform: 'node', target: 'node18', format: 'esm', logLevel: 'warning' });
    expect(imports(out).filter((name) => !name.startsWith('node:'))).toEqual([]);
    const server = runChild(olderNode, [out, '--port', String(ENGINE_PORT)]);
    await server.waitFor(/ready to accept connections/, 10_000);
    const { createClient } = await import('../../../labs/engines/redis/client.ts');
    const cache = await createClient({ url: `redis://127.0.0.1:${ENGINE_PORT}` }).connect();
    expect(await cache.set('k', 'v', { EX: 10 })).toBe('OK');
    expect(await cache.get('k')).toBe('v');
    await cache.quit();
  });

  it('bundle the client into one file that lab code imports from plain JavaScript', async () => {
    const out = join(dir, 'cache-client.mjs');
    await bundleClient(out);
    expect(imports(out).filter((name) => !name.startsWith('node:'))).toEqual([]);
    const script = join(dir, 'app.mjs');
    writeFileSync(script, [
      "import { createClient } from './cache-client.mjs';",
      `const client = createClient({ url: 'redis://127.0.0.1:${CLIENT_PORT}', commandTimeout: 1000 });`,
      "client.on('error', (error) => console.error(error.message));",
      'await client.connect();',
      "await client.set('product:7', JSON.stringify({ id: 7 }), { EX: 60 });",
      "console.log(await client.get('product:7'), await client.ttl('product:7'));",
      'await client.quit();',
    ].join('\n'));
    const engine = await startCacheServer({ port: CLIENT_PORT, log: () => {} });
    try {
      const app = runChild(olderNode, [script]);
      expect(await app.exit(10_000)).toBe(0);
      expect(app.output()).toBe('{"id":7} 60\n');
    } finally {
      await engine.close();
    }
  });

  it('bundle the client as CommonJS for labs that use require()', async () => {
    const out = join(dir, 'cache-client.cjs');
    await bundleClient(out, 'cjs');
    const app = runChild(olderNode, ['-e', `const { createClient } = require(${JSON.stringify(out)}); console.log(typeof createClient)`]);
    expect(await app.exit(10_000)).toBe(0);
    expect(app.output()).toBe('function\n');
  });
});
