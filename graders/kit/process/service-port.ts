// Ports for the grader's own services (a lab's database, its cache, the instances it starts
// behind a proxy). They are chosen outside the range the OS hands out for port 0, because that
// is where the learner's PORT comes from when a run or a test asks for a free port: a service
// that took that port in the moment before the learner's program listens would answer in its
// place, and the program would die with EADDRINUSE. Linux hands out 32768-60999 by default
// (ip_local_port_range), macOS and Windows 49152-65535; the services use 20000 up to Linux's
// lower bound.
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canListen, freePort } from './port-probe.ts';

const lowest = 20_000;
const attempts = 20;

function ephemeralLowerBound(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const value = Number(low);
    return Number.isInteger(value) && value > 0 ? value : 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * Calls `listen` with random ports below the ephemeral range, never `avoid`, until one is free;
 * falls back to port 0 when the machine leaves no room below that range.
 */
export async function listenOnServicePort<T>(listen: (port: number) => Promise<T>, avoid: number): Promise<T> {
  const highest = ephemeralLowerBound() - 1;
  if (highest - lowest < 1000) return listen(0);
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const port = randomInt(lowest, highest + 1);
    if (port === avoid) continue;
    try {
      return await listen(port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    }
  }
  return listen(0);
}

/**
 * A port below the ephemeral range that is free now, for a program that will listen on it a
 * moment later: tests give it to the learner's program as PORT, so that no port-0 listener or
 * outgoing connection elsewhere on the machine can take it in between.
 */
export function freeServicePort(avoid = 0): Promise<number> {
  return listenOnServicePort(async (port) => {
    if (port === 0) return freePort();
    if (await canListen('127.0.0.1', port)) return port;
    throw Object.assign(new Error(`port ${port} is in use`), { code: 'EADDRINUSE' });
  }, avoid);
}
