import { defineCheck, fail } from '../../kit/check.ts';
import { urlOf } from '../../kit/http/curl.ts';
import { expectStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

/** A correct server answers in milliseconds; one stuck behind the slow client never does. */
const patienceMs = 1500;

export const servesRequestsConcurrently = defineCheck<LabFiles>({
  slug: 'serves-requests-concurrently',
  title: 'Answers other clients while one client is slow to send its request',
  hint: 'A server that handles one connection at a time stalls everyone behind a slow client. Let node:http handle every connection as it arrives, and never block the event loop (no busy loops, no synchronous waits).',
  timeoutMs: 6000,
  async run(ctx) {
    const hostHeader = `${ctx.host}:${ctx.port}`;
    const slow = await ctx.http.open('slow client');
    try {
      // The first client sends half a request and pauses, as a client on a bad network does.
      slow.write(`GET /health HTTP/1.1\r\nHost: ${hostHeader}\r\n`);
      ctx.note('slow client: sent "GET /health HTTP/1.1" and a Host header, then paused before the blank line that ends the request');
      ctx.note('second client: sends a complete request while the slow client is still sending');
      const second = await ctx.http.attempt({ path: '/health', timeoutMs: patienceMs });
      ctx.setRepro(`(printf 'GET /health HTTP/1.1\\r\\nHost: ${hostHeader}\\r\\n'; sleep 5) | nc ${ctx.host} ${ctx.port} & curl -i --max-time 2 ${urlOf(ctx.host, ctx.port, '/health')}`);
      if (!second.ok && second.error.code === 'TIMEOUT') {
        fail({
          message: `While one client was still sending its request, a second client got no answer within ${patienceMs / 1000} s. Your server waits for one connection to finish before it serves the next, so a single slow client stalls everyone.`,
          expected: `the second request answered within ${patienceMs / 1000} s (a correct server needs a few milliseconds)`,
          actual: `no answer within ${patienceMs / 1000} s while the slow client's request was unfinished`,
        });
      }
      if (!second.ok) throw ctx.http.failureFor({ path: '/health' }, second.error);
      expectStatus(second.response, 200, 'GET /health (second client)');
      slow.write('\r\n');
      ctx.note('slow client: sent the blank line that ends its request');
      const first = await ctx.http.readFrom(slow, { method: 'GET', path: '/health', timeoutMs: 2000 });
      expectStatus(first, 200, 'GET /health (slow client, once it finished sending)');
      return 'The second client was answered while the slow client was still sending, and the slow client was answered once it finished.';
    } finally {
      slow.close();
    }
  },
});
