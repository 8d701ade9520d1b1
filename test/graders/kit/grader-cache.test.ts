import { afterEach, describe, expect, test } from 'vitest';
import { GraderCache } from '../../../graders/kit/redis/grader-cache.ts';
import { createClient, type CacheClient } from '../../../labs/engines/redis/client.ts';

let cache: GraderCache | undefined;
let client: CacheClient | undefined;
afterEach(async () => {
  if (client?.isOpen) await client.disconnect();
  await cache?.stop();
  cache = undefined;
  client = undefined;
});

async function setup(): Promise<{ cache: GraderCache; client: CacheClient }> {
  cache = await GraderCache.start(0, () => {});
  client = createClient({ url: cache.url, commandTimeout: 300 });
  client.on('error', () => {});
  await client.connect();
  return { cache, client };
}

/** Resolves once the client noticed that its connection was cut. */
function connectionDropped(client: CacheClient): Promise<unknown> {
  return new Promise((resolve) => client.once('error', resolve));
}

describe('the cache a grader owns', () => {
  test('shows a key the program stored, with its value and expiry time', async () => {
    const { cache, client } = await setup();
    const before = Date.now();
    await client.set('product:7', '{"id":7}', { EX: 2 });
    const entry = cache.entry('product:7');
    expect(entry?.value).toBe('{"id":7}');
    expect(entry?.expiresAt).toBeGreaterThanOrEqual(before + 2000);
    expect(entry?.expiresAt).toBeLessThanOrEqual(Date.now() + 2000);
    await client.set('product:8', 'x');
    expect(cache.entry('product:8')).toEqual({ value: 'x', expiresAt: undefined });
    expect(cache.entry('product:9')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  test('refuses connections while it is down', async () => {
    const { cache, client } = await setup();
    const dropped = connectionDropped(client);
    await cache.goDown();
    await dropped;
    expect(cache.state).toBe('down');
    await expect(client.get('a')).rejects.toMatchObject({ code: 'CACHE_UNREACHABLE' });
  });

  test('accepts connections but answers no command while it hangs', async () => {
    const { cache, client } = await setup();
    const dropped = connectionDropped(client);
    await cache.hang();
    await dropped;
    expect(cache.state).toBe('hanging');
    await expect(client.get('a')).rejects.toMatchObject({ code: 'CACHE_TIMEOUT' });
  });

  test('comes back empty on the same port after going down or hanging', async () => {
    const { cache, client } = await setup();
    const port = cache.port;
    await client.set('a', '1');
    const dropped = connectionDropped(client);
    await cache.hang();
    await dropped;
    await cache.revive();
    expect(cache.state).toBe('up');
    expect(cache.port).toBe(port);
    expect(await client.get('a')).toBeNull();
    await client.set('b', '2');
    expect(cache.entry('b')?.value).toBe('2');
  });
});
