import { fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { Browser } from '../browser.ts';
import { defineInstanceCheck } from '../instance-check.ts';
import { describeSessionKey, describeSpread } from '../session-diagnosis.ts';

/** Enough requests for the round robin to reach every instance twice, before and after. */
const requests = 6;

export const logsOutOnEveryInstance = defineInstanceCheck({
  slug: 'logs-out-on-every-instance',
  title: 'After POST /logout, every instance refuses the old session cookie with 401',
  hint: 'Logging out must end the session on the server, not only in this browser: a copy of the cookie (another tab, or a thief) must stop working everywhere. Delete the session where every instance looks, await cache.del(`session:${sid}`), and keep no copies in an instance\'s memory that outlive it; then clear the cookie with Set-Cookie: sid=; Path=/; Max-Age=0. See https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#manual-session-expiration',
  timeoutMs: 10_000,
  async run(ctx) {
    const { instances, cache } = ctx.env;
    const browser = new Browser(ctx.env.newUser(), ctx.http, instances);
    await browser.login();
    const before: string[] = [];
    for (let i = 0; i < requests; i += 1) {
      const answer = await browser.me();
      before.push(answer.servedBy);
      if (answer.response.status !== 200) {
        fail({ message: `Before logging out, GET /me for ${browser.user} answered ${describeStatus(answer.response)} on ${answer.servedBy}.`, expected: 'status 200 while logged in', actual: `status ${describeStatus(answer.response)}` });
      }
    }
    const copied = browser.copyCookies();
    const logout = await browser.logout();
    if (logout.response.status >= 300) {
      fail({ message: `POST /logout for ${browser.user} answered ${describeStatus(logout.response)} on ${logout.servedBy}.`, expected: 'status 200 or 204', actual: `status ${describeStatus(logout.response)}` });
    }
    ctx.note(`${browser.user} logged out on ${logout.servedBy}; ${describeSessionKey(cache, copied.get('sid'))}. Now the old cookie again, as a copy of it would be sent:`);
    const after: string[] = [];
    for (let i = 0; i < requests; i += 1) {
      const answer = await browser.me(copied);
      after.push(answer.servedBy);
      if (answer.response.status !== 401) {
        fail({
          message: `After ${browser.user} logged out on ${logout.servedBy}, GET /me with the old session cookie answered ${describeStatus(answer.response)} on ${answer.servedBy}: that instance still accepts the session. ${describeSessionKey(cache, copied.get('sid'))}.`,
          expected: 'status 401 from every instance',
          actual: `${describeStatus(answer.response)} from ${answer.servedBy}: ${answer.response.body.toString('utf8').trim().slice(0, 120)}`,
        });
      }
    }
    return `${browser.user} was logged in on every instance (${describeSpread(before)}), logged out on ${logout.servedBy}, and the old cookie then got 401 everywhere (${describeSpread(after)}).`;
  },
});
