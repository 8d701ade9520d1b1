// Exchanges a single request/response comparison cannot express, run against both servers;
// each returns what a client observed, and both servers must observe the same.
import { connect } from 'node:net';
import { exchange } from './raw-http.ts';

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
];
