// The lab client against the course engine and against real Redis, and its failure modes
// against servers that refuse, hang, drop or speak something else.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CacheError, ErrorReply, createClient, type CacheClient } from '../../../labs/engines/redis/client.ts';
import { startCacheServer, type RunningCacheServer } from '../../../labs/engines/redis/server.ts';
import { httpServer, silentServer, slowFirstReplyServer, type FakeServer } from './support/fake-servers.ts';
import { REDIS_MISSING, mustHaveRedis, redisServerVersion, startRealRedis } from './support/real-redis.ts';

const REDIS_PORT = 4532;
const ENGINE_PORT = 4533;
const SILENT_PORT = 4534;
const REFUSED_PORT = 4535;
const ODD_PORT = 4536;
const RESTART_PORT = 4537;

const clients: CacheClient[] = [];
const fakes: FakeServer[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) if (client.isOpen) await client.disconnect();
  for (const fake of fakes.splice(0)) await fake.close();
});

function client(port: number, options: { commandTimeout?: number } = {}): CacheClient {
  const created = createClient({ url: `redis://127.0.0.1:${port}`, ...options });
  created.on('error', () => {});
  clients.push(created);
  return created;
}

const hasRedis = redisServerVersion() !== null;
if (!hasRedis && mustHaveRedis()) {
  it('finds redis-server installed, as CI=true requires', () => {
    throw new Error(REDIS_MISSING);
  });
}
if (!hasRedis && !mustHaveRedis()) console.warn(`testing the cache client against course-redis only: ${REDIS_MISSING}`);
const targets = hasRedis ? (['course-redis', 'redis-server'] as const) : (['course-redis'] as const);

describe.each(targets)('the cache client against %s', (target) => {
  const port = target === 'redis-server' ? REDIS_PORT : ENGINE_PORT;
  let stop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (target === 'redis-server') {
      stop = (await startRealRedis(REDIS_PORT)).stop;
    } else {
      const engine: RunningCacheServer = await startCacheServer({ port: ENGINE_PORT, log: () => {} });
      stop = () => engine.close();
    }
  });
  afterAll(() => stop());

  it('reads and writes values with the return types of node-redis', async () => {
    const cache = await client(port).connect();
    await cache.flushAll();
    expect(await cache.set('product:1', JSON.stringify({ name: 'lampe à huile' }))).toBe('OK');
    expect(JSON.parse((await cache.get('product:1')) ?? 'null')).toEqual({ name: 'lampe à huile' });
    expect(await cache.get('product:2')).toBeNull();
    expect(await cache.incr('views')).toBe(1);
    expect(await cache.mGet(['product:1', 'nope', 'views'])).toEqual(['{"name":"lampe à huile"}', null, '1']);
    expect(await cache.exists(['product:1', 'views', 'nope'])).toBe(2);
    expect(await cache.expire('views', 100)).toBe(true);
    expect(await cache.expire('nope', 100)).toBe(false);
    expect(await cache.ttl('views')).toBe(100);
    expect(await cache.pExpire('views', 5000)).toBe(true);
    expect(await cache.pTTL('views')).toBeGreaterThan(4000);
    expect(await cache.del('views')).toBe(1);
    expect(await cache.del(['product:1', 'nope'])).toBe(1);
    expect(await cache.dbSize()).toBe(0);
    expect(await cache.ping()).toBe('PONG');
    expect(await cache.info('keyspace')).toBe('# Keyspace\r\n');
  });

  it('passes SET options the way node-redis spells them', async () => {
    const cache = await client(port).connect();
    await cache.flushAll();
    expect(await cache.set('k', 'v1', { EX: 60 })).toBe('OK');
    expect(await cache.ttl('k')).toBe(60);
    expect(await cache.set('k', 'v2', { NX: true })).toBeNull();
    expect(await cache.set('k', 'v3', { XX: true, KEEPTTL: true, GET: true })).toBe('v1');
    expect(await cache.ttl('k')).toBe(60);
    expect(await cache.set('lock', 'me', { PX: 2000, NX: true })).toBe('OK');
    expect(await cache.pTTL('lock')).toBeGreaterThan(1000);
    expect(await cache.set('n', 42)).toBe('OK');
    expect(await cache.incr('n')).toBe(43);
  });

  it('pipelines commands issued together and gives each its own reply', async () => {
    const cache = await client(port).connect();
    const keys = Array.from({ length: 200 }, (_, i) => `item:${i}`);
    await Promise.all(keys.map((key, i) => cache.set(key, `value-${i}`)));
    const values = await Promise.all(keys.map((key) => cache.get(key)));
    expect(values).toEqual(keys.map((_, i) => `value-${i}`));
  });

  it("rejects a command the server refuses with the server's error text", async () => {
    const cache = await client(port).connect();
    await cache.set('word', 'hello');
    const refused = await cache.incr('word').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ErrorReply);
    expect((refused as Error).message).toBe('ERR value is not an integer or out of range');
    await expect(cache.sendCommand(['NOSUCH', 'x'])).rejects.toThrow("ERR unknown command 'NOSUCH', with args beginning with: 'x' ");
    expect(await cache.get('word')).toBe('hello');
  });

  it('says the client is closed after quit', async () => {
    const cache = await client(port).connect();
    expect(await cache.quit()).toBe('OK');
    expect(cache.isOpen).toBe(false);
    await expect(cache.get('k')).rejects.toThrow('the cache client is closed: call await client.connect() before sending commands');
  });
});

describe('the cache client when things go wrong', () => {
  it('rejects connect and later commands when nothing listens on the port', async () => {
    const cache = client(REFUSED_PORT);
    await expect(cache.connect()).rejects.toThrow(`cache unreachable at 127.0.0.1:${REFUSED_PORT}: connection refused`);
    const failure = await cache.get('k').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CacheError);
    expect(failure).toMatchObject({ code: 'CACHE_UNREACHABLE', message: `cache unreachable at 127.0.0.1:${REFUSED_PORT}: connection refused` });
  });

  it('rejects a command that gets no reply within commandTimeout', async () => {
    fakes.push(await silentServer(SILENT_PORT));
    const cache = await client(SILENT_PORT, { commandTimeout: 150 }).connect();
    await expect(cache.get('product:1')).rejects.toMatchObject({
      code: 'CACHE_TIMEOUT',
      message: `cache command GET timed out after 150 ms at 127.0.0.1:${SILENT_PORT} (the commandTimeout option of createClient)`,
    });
  });

  it('keeps replies matched to their commands after one timed out', async () => {
    // The server holds back the first reply for 400 ms; the first GET gives up after 300 ms.
    fakes.push(await slowFirstReplyServer(ODD_PORT, 400));
    const cache = await client(ODD_PORT, { commandTimeout: 300 }).connect();
    await expect(cache.get('a')).rejects.toThrow('cache command GET timed out after 300 ms');
    // reply-1 arrives after this GET is sent; it belongs to the first GET and must be dropped.
    expect(await cache.get('b')).toBe('reply-2');
  });

  it('rejects waiting commands when disconnect() is called', async () => {
    fakes.push(await silentServer(SILENT_PORT));
    const cache = await client(SILENT_PORT).connect();
    const pending = cache.get('k');
    await cache.disconnect();
    await expect(pending).rejects.toThrow('the cache connection was closed by disconnect()');
  });

  it('emits error when the cache goes away and reconnects once it is back', async () => {
    let engine = await startCacheServer({ port: RESTART_PORT, log: () => {} });
    const cache = createClient({ url: `redis://127.0.0.1:${RESTART_PORT}` });
    clients.push(cache);
    const errors: string[] = [];
    cache.on('error', (error: Error) => errors.push(error.message));
    await cache.connect();
    await cache.set('k', 'v');
    await engine.close();
    await expect.poll(() => errors, { timeout: 2000 }).toEqual([`cache connection to 127.0.0.1:${RESTART_PORT} lost: the server closed the connection (a command in flight may or may not have run)`]);
    await expect(cache.get('k')).rejects.toThrow(`cache unreachable at 127.0.0.1:${RESTART_PORT}: connection refused`);
    engine = await startCacheServer({ port: RESTART_PORT, log: () => {} });
    try {
      expect(await cache.set('k', 'again')).toBe('OK');
      expect(await cache.get('k')).toBe('again');
      expect(cache.isReady).toBe(true);
    } finally {
      await cache.disconnect();
      await engine.close();
    }
  });

  it('reports a server that does not speak RESP', async () => {
    fakes.push(await httpServer(ODD_PORT));
    const cache = await client(ODD_PORT).connect();
    await expect(cache.get('k')).rejects.toMatchObject({
      code: 'CACHE_PROTOCOL',
      message: expect.stringContaining(`the server at 127.0.0.1:${ODD_PORT} does not speak RESP`),
    });
  });

  it('refuses commands before connect() and arguments it cannot send', async () => {
    const cache = client(REFUSED_PORT);
    await expect(cache.get('k')).rejects.toMatchObject({ code: 'CACHE_CLIENT_CLOSED' });
    await expect(cache.connect()).rejects.toThrow(CacheError);
    await expect(cache.set('k', { id: 1 } as never)).rejects.toThrow(
      'cache SET: every argument must be a string, number or Buffer, but one is object; store objects as JSON.stringify(value) and parse them with JSON.parse',
    );
  });

  it('explains a url it cannot use', () => {
    expect(() => createClient({ url: 'http://127.0.0.1:6379' })).toThrow('createClient: url must start with redis://');
    expect(() => createClient({ url: 'redis://:secret@127.0.0.1:6379' })).toThrow('without a password');
    expect(() => createClient({ url: 'not a url' })).toThrow('is not a URL; expected redis://host:port');
  });
});
