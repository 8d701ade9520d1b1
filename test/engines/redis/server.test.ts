// Engine behaviour the differential corpus cannot pin down byte for byte: active expiry over
// time, log lines, INFO's process-dependent fields, shutdown.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCacheServer, type RunningCacheServer } from '../../../labs/engines/redis/server.ts';
import { RawConnection } from './support/raw-connection.ts';
import { encodeCommand } from './support/run-sequence.ts';

const PORT = 4538;
let server: RunningCacheServer | undefined;
const connections: RawConnection[] = [];

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await server?.close();
  server = undefined;
});

async function connect(): Promise<RawConnection> {
  const connection = await RawConnection.open(PORT);
  connections.push(connection);
  return connection;
}

async function send(connection: RawConnection, ...args: string[]): Promise<string> {
  await connection.write(encodeCommand(args));
  const { bytes } = await connection.replies(1, 2000);
  return bytes.toString('latin1');
}

describe('the course-redis server', () => {
  it('removes keys whose TTL has passed even when nobody reads them', async () => {
    let now = 1_000_000;
    server = await startCacheServer({ port: PORT, clock: () => now, log: () => {} });
    const client = await connect();
    for (let i = 0; i < 50; i++) await send(client, 'SET', `session:${i}`, 'x', 'PX', '1000');
    await send(client, 'SET', 'kept', 'x');
    expect(await send(client, 'DBSIZE')).toBe(':51\r\n');
    now += 5000;
    // The expiry cycle runs ten times a second; DBSIZE does not touch keys, so only it can shrink.
    await vi.waitFor(async () => expect(await send(client, 'DBSIZE')).toBe(':1\r\n'), { timeout: 3000, interval: 50 });
    expect(await send(client, 'INFO', 'stats')).toContain('expired_keys:50\r\n');
  });

  it('closes a connection that sends an HTTP request and logs why', async () => {
    const lines: string[] = [];
    server = await startCacheServer({ port: PORT, log: (line) => lines.push(line) });
    const browser = await connect();
    await browser.write(Buffer.from('GET /products/1 HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    expect(await browser.closes(2000)).toBe(true);
    expect(browser.rest().bytes.length).toBe(0);
    expect(lines.join('\n')).toMatch(/HTTP request.*web client pointed at the cache port/);
  });

  it('reports its keyspace, statistics and clients in INFO, in Redis section order', async () => {
    server = await startCacheServer({ port: PORT, log: () => {} });
    const client = await connect();
    await connect();
    await send(client, 'SET', 'a', '1');
    await send(client, 'SET', 'b', '2', 'EX', '100');
    await send(client, 'GET', 'a');
    await send(client, 'GET', 'nope');
    const info = await send(client, 'INFO');
    const titles = [...info.matchAll(/^# (\w+)\r$/gm)].map((match) => match[1]);
    expect(titles).toEqual(['Server', 'Clients', 'Memory', 'Persistence', 'Stats', 'Replication', 'CPU', 'Cluster', 'Keyspace']);
    expect(info).toContain(`tcp_port:${PORT}\r\n`);
    expect(info).toContain('connected_clients:2\r\n');
    expect(info).toContain('keyspace_hits:1\r\nkeyspace_misses:1\r\n');
    expect(info).toMatch(/\r\ndb0:keys=2,expires=1,avg_ttl=\d+\r\n\r\n$/);
    expect(await send(client, 'INFO', 'clients', 'CPU')).toMatch(/^\$\d+\r\n# Clients\r\n[^#]+\r\n# CPU\r\nused_cpu_sys:\d+\.\d{6}\r\n/);
  });

  it('disconnects its clients when it closes', async () => {
    server = await startCacheServer({ port: PORT, log: () => {} });
    const client = await connect();
    expect(await send(client, 'PING')).toBe('+PONG\r\n');
    await server.close();
    server = undefined;
    expect(await client.closes(2000)).toBe(true);
  });
});
