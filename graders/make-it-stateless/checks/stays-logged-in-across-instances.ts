import { fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { Browser } from '../browser.ts';
import { defineInstanceCheck } from '../instance-check.ts';
import { describeSessionKey, describeSpread } from '../session-diagnosis.ts';

const requests = 12;

export const staysLoggedInAcrossInstances = defineInstanceCheck({
  slug: 'stays-logged-in-across-instances',
  title: `After POST /login, ${requests} GETs of /me through the round-robin proxy all answer 200 with the user, whichever instance serves them`,
  hint: 'The proxy sends each request to the next instance, and an instance only knows the sessions in its own memory. Keep them where every instance looks: at login await cache.set(`session:${sid}`, JSON.stringify({ user }), { EX: ttl }), on every request await cache.get(`session:${sid}`), and keep no Map of sessions. Twelve-factor processes are stateless and share nothing; what must persist lives in a backing service. See https://12factor.net/processes',
  timeoutMs: 10_000,
  async run(ctx) {
    const browser = new Browser(ctx.env.newUser(), ctx.http, ctx.env.instances);
    const login = await browser.login();
    ctx.note(`${browser.user} logged in on ${login.servedBy}; ${describeSessionKey(ctx.env.cache, browser.sessionId)}`);
    const servedBy: string[] = [];
    for (let i = 1; i <= requests; i += 1) {
      const answer = await browser.me();
      servedBy.push(answer.servedBy);
      if (answer.response.status !== 200 || answer.user !== browser.user) {
        const ok = servedBy.length - 1;
        fail({
          message: `GET /me number ${i}, served by ${answer.servedBy}, answered ${describeStatus(answer.response)}${answer.user ? ` for ${answer.user}` : ''} although ${browser.user} had logged in on ${login.servedBy}${ok ? ` and the ${ok} request${ok === 1 ? '' : 's'} before (${describeSpread(servedBy.slice(0, -1))}) answered 200` : ''}. ${answer.servedBy === login.servedBy ? '' : `${answer.servedBy} does not know the session that ${login.servedBy} created: `}${describeSessionKey(ctx.env.cache, browser.sessionId)}.`,
          expected: `200 with {"user":"${browser.user}"} from every instance`,
          actual: `${describeStatus(answer.response)} from ${answer.servedBy}: ${answer.response.body.toString('utf8').trim().slice(0, 120)}`,
        });
      }
    }
    return `${browser.user} logged in on ${login.servedBy} and stayed logged in for ${requests} GETs of /me (${describeSpread(servedBy)}).`;
  },
});
