import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { canListen } from '../../../graders/kit/process/port-probe.ts';
import { freeServicePort, listenOnServicePort } from '../../../graders/kit/process/service-port.ts';

describe('service ports', () => {
  test('a free service port can be listened on, and is not the one to avoid', async () => {
    const avoid = await freeServicePort();
    const port = await freeServicePort(avoid);
    expect(port).not.toBe(avoid);
    expect(await canListen('127.0.0.1', port)).toBe(true);
  });

  test('a service that finds its port taken tries another', async () => {
    const tried: number[] = [];
    const port = await listenOnServicePort(async (at) => {
      tried.push(at);
      if (tried.length < 3) throw Object.assign(new Error(`port ${at} is in use`), { code: 'EADDRINUSE' });
      return at;
    }, 0);
    expect(tried).toHaveLength(3);
    expect(port).toBe(tried[2]);
  });

  test('an error other than a busy port reaches the caller', async () => {
    const refused = listenOnServicePort(async () => {
      throw Object.assign(new Error('no such address'), { code: 'EADDRNOTAVAIL' });
    }, 0);
    await expect(refused).rejects.toThrow('no such address');
  });

  test('a real server starts on a port below the range the OS hands out for port 0', async () => {
    const server = createServer();
    const port = await listenOnServicePort(
      (at) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(at, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
        }),
      0,
    );
    await new Promise((resolve) => server.close(resolve));
    expect(port).toBeGreaterThanOrEqual(20_000);
  });
});
