// Exchanges a single request/response comparison cannot express, run against both servers;
// each returns what a client observed, and both servers must observe the same.
import { connect } from 'node:net';
import { exchange, serializeRequest } from './raw-http.ts';

export interface Scenario {
  name: string;
  run(port: number): Promise<string>;
}

/** Reads a streamed response until `text` arrives, then closes the connection. */
function readUntilThenLeave(port: number, target: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let seen = '';
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`"${text}" did not arrive from ${target} on port ${port}: got ${JSON.stringify(seen)}`))), 60_000);
    socket.on('data', (d: Buffer) => {
      seen += d.toString('latin1');
      if (seen.includes(text)) {
        clearTimeout(timer);
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', () => undefined);
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How far apart the first and the last part of a response to GET `target` arrive. */
function partsArrive(port: number, target: string, firstText: string, lastText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const start = performance.now();
    let seen = '';
    let firstAt: number | undefined;
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`"${lastText}" did not arrive from ${target} on port ${port}: got ${JSON.stringify(seen)}`))), 60_000);
    socket.on('data', (d: Buffer) => {
      seen += d.toString('latin1');
      if (firstAt === undefined && seen.includes(firstText)) firstAt = performance.now() - start;
      if (seen.includes(lastText)) {
        clearTimeout(timer);
        socket.destroy();
        const gap = performance.now() - start - (firstAt ?? 0);
        resolve(gap >= 500 ? `"${firstText}" arrived well before "${lastText}"` : `"${firstText}" and "${lastText}" arrived together`);
      }
    });
    socket.on('error', () => undefined);
    socket.write(serializeRequest({ method: 'GET', target }));
  });
}

/** Resolves when the first bytes of the answer to GET `target` arrive. */
function firstBytes(port: number, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`no answer from port ${port} to GET ${target} within 60 s`))), 60_000);
    socket.once('data', () => (clearTimeout(timer), socket.destroy(), resolve()));
    socket.on('error', () => undefined);
    socket.write(serializeRequest({ method: 'GET', target }));
  });
}

/**
 * Which of two requests starts being answered first: one to `slow` (a one-second pause), and
 * 300 ms later one to `/`. On one event loop, `/` overtakes an awaited pause and waits behind a
 * blocking one. (Connection closes are no clock: Uvicorn may close the second one first.)
 */
async function answerOrder(port: number, slow: string): Promise<string> {
  const order: string[] = [];
  const first = firstBytes(port, slow).then(() => order.push(slow));
  await sleep(300);
  const second = firstBytes(port, '/').then(() => order.push('/'));
  await Promise.all([first, second]);
  return order.join(' then ');
}

export const wsgiScenarios: Scenario[] = [
  {
    name: 'data given to write() is sent during the call, before the application returns',
    run: (port) => partsArrive(port, '/write-then-pause', 'written at once', 'returned a second later'),
  },
];

export const asgiScenarios: Scenario[] = [
  {
    name: 'a chunk sent with more_body reaches the client at once, and leaving delivers http.disconnect',
    async run(port) {
      const first = await readUntilThenLeave(port, '/until-disconnect', 'first chunk');
      for (let attempt = 0; attempt < 100; attempt++) {
        const count = (await exchange(port, { method: 'GET', target: '/disconnects' })).body.toString();
        if (count !== '{"disconnects": 0}') return `${first}; ${count}`;
        await sleep(50);
      }
      return `${first}; the app never received http.disconnect`;
    },
  },
  {
    name: 'time.sleep() in a handler blocks the event loop; asyncio.sleep() lets other requests through',
    async run(port) {
      return `${await answerOrder(port, '/blocks')}; ${await answerOrder(port, '/awaits')}`;
    },
  },
];
