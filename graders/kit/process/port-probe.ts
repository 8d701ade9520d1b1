// Small questions about ports, answered by trying: can I connect, is it free, which port is
// free. Tests and graders ask the OS for free ports so parallel runs never collide.
import { createConnection, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';

export type ConnectOutcome = { ok: true } | { ok: false; code: string };

/** Opens and immediately closes a TCP connection. */
export function tryConnect(host: string, port: number, timeoutMs = 500): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (outcome: ConnectOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ ok: false, code: 'ETIMEDOUT' }), timeoutMs);
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (error: NodeJS.ErrnoException) => done({ ok: false, code: error.code ?? 'EUNKNOWN' }));
  });
}

/** Asks the OS for a port nobody listens on right now (port 0 means "any free port"). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when this process could listen on host:port now. */
export function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

let otherAddress: Promise<string | undefined> | undefined;

/**
 * An address of this machine other than 127.0.0.1, to tell "listens on 127.0.0.1" apart from
 * "listens on every address". Linux routes all of 127.0.0.0/8 to the loopback interface, so
 * 127.0.0.2 usually works; elsewhere a network interface's IPv4 address is used.
 */
export function otherLocalAddress(): Promise<string | undefined> {
  otherAddress ??= (async () => {
    const candidates = ['127.0.0.2'];
    for (const entries of Object.values(networkInterfaces())) {
      for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) candidates.push(entry.address);
    }
    for (const address of candidates) if (await canListen(address, 0)) return address;
    return undefined;
  })();
  return otherAddress;
}
