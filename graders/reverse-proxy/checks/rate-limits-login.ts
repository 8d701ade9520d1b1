import { setMaxListeners } from 'node:events';
import { defineCheck, fail } from '../../kit/check.ts';
import type { LabWorld } from '../lab-world.ts';

const burst = 20;
/** With rate=1r/s burst=5 a burst of 20 gets 14 refusals; any real limit refuses most of them. */
const minimumRefused = 5;
const refusalStatuses = [503, 429];

function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${count} × ${status}`).join(', ');
}

export const rateLimitsLogin = defineCheck<LabWorld>({
  slug: 'rate-limits-login',
  title: `${burst} login attempts at once: some reach the app, at least ${minimumRefused} are refused with 503 or 429, and other /api/ requests are not limited`,
  hint: 'Count requests per client address in the http block, limit_req_zone $binary_remote_addr zone=login:1m rate=1r/s;, and apply it only to the login route: location = /api/login { limit_req zone=login burst=5 nodelay; proxy_pass http://app; }. Requests beyond the burst get 503 (or the limit_req_status you choose). See https://nginx.org/en/docs/http/ngx_http_limit_req_module.html#limit_req',
  timeoutMs: 15_000,
  async run(ctx) {
    // Every request in flight listens for the check's abort signal; 20 at once is on purpose.
    setMaxListeners(burst + 10, ctx.signal);
    const body = JSON.stringify({ user: 'ada', password: 'correct horse battery staple' });
    const attempts = await Promise.all(
      Array.from({ length: burst }, () => ctx.http.request({ method: 'POST', path: '/api/login', headers: { 'Content-Type': 'application/json' }, body, timeoutMs: 10_000 })),
    );
    const statuses = attempts.map((response) => response.status);
    ctx.note(`POST /api/login × ${burst} at once: ${tally(statuses)}`);
    const accepted = statuses.filter((status) => status === 200).length;
    const refused = statuses.filter((status) => refusalStatuses.includes(status)).length;
    if (accepted + refused < statuses.length) {
      fail({ message: `${burst} POSTs to /api/login at once answered ${tally(statuses)}; expected only 200 from the app and 503 or 429 from the limit.`, expected: '200, 503 or 429 only', actual: tally(statuses) });
    }
    if (accepted === 0) fail({ message: `All ${burst} POSTs to /api/login were refused; the first attempts of a burst should still reach the app.`, expected: 'some 200 answers', actual: tally(statuses) });
    if (refused < minimumRefused) {
      fail({ message: `${burst} POSTs to /api/login at once answered ${tally(statuses)}: nothing stops a script from trying passwords as fast as it likes.`, expected: `at least ${minimumRefused} answers 503 or 429`, actual: tally(statuses) });
    }
    const others = await Promise.all(Array.from({ length: 10 }, (_, i) => ctx.http.request({ path: `/api/products?browse=${i + 1}`, timeoutMs: 10_000 })));
    const otherStatuses = others.map((response) => response.status);
    if (otherStatuses.some((status) => status !== 200)) {
      fail({ message: `10 GETs to /api/products at once answered ${tally(otherStatuses)}: the login limit should not slow down the rest of the API.`, expected: '10 × 200', actual: tally(otherStatuses) });
    }
    return `${burst} login attempts at once: ${tally(statuses)}; 10 other /api/ requests at once all answered 200.`;
  },
});
