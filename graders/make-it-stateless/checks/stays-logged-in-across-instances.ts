import { fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { pause, seconds } from '../../kit/waiting.ts';
import { Browser, type Answer } from '../browser.ts';
import { defineInstanceCheck } from '../instance-check.ts';
import { labSettings } from '../lab-world.ts';
import { describeSessionKey, describeSpread } from '../session-diagnosis.ts';

const requests = 12;
/** 12 requests this far apart keep the session in use for longer than its 3 s TTL. */
const everyMs = 300;

export const staysLoggedInAcrossInstances = defineInstanceCheck({
  slug: 'stays-logged-in-across-instances',
  title: 'After POST /login, 12 GETs of /me through the round-robin proxy, one every 0.3 s for longer than SESSION_TTL_SECONDS, all answer 200 with the user, whichever instance serves them',
  hint: 'The proxy sends each request to the next instance, and an instance only knows the sessions in its own memory. Keep them where every instance looks: at login await cache.set(`session:${sid}`, JSON.stringify({ user }), { EX: ttl }), on every request await cache.get(`session:${sid}`), and keep no Map of sessions. SESSION_TTL_SECONDS is how long a session may sit unused, so a request that uses it starts the TTL again: await cache.expire(`session:${sid}`, ttl). Twelve-factor processes are stateless and share nothing; what must persist lives in a backing service. See https://12factor.net/processes',
  timeoutMs: 15_000,
  async run(ctx) {
    const { cache, instances } = ctx.env;
    const browser = new Browser(ctx.env.newUser(), ctx.http, instances);
    const login = await browser.login();
    const loggedInAt = Date.now();
    ctx.note(`${browser.user} logged in on ${login.servedBy}; ${describeSessionKey(cache, browser.sessionId)}`);
    const answers: Answer[] = [];
    for (let i = 1; i <= requests; i += 1) {
      if (i > 1) await pause(everyMs, ctx.signal);
      const answer = await browser.me();
      answers.push(answer);
      if (answer.response.status === 200 && answer.user === browser.user) continue;
      const earlier = answers.slice(0, -1);
      const inUseMs = Date.now() - loggedInAt;
      // Every instance had answered for the session, so it was shared, and it ended about when a
      // TTL counted from login runs out (the key was set a moment before the login answered).
      const expiredInUse = new Set(earlier.map((a) => a.servedBy)).size === instances.addresses.length && inUseMs > labSettings.sessionTtlSeconds * 1000 - 1000;
      fail({
        message: expiredInUse
          ? `GET /me number ${i} answered ${describeStatus(answer.response)} on ${answer.servedBy}, ${seconds(inUseMs)} after ${browser.user} logged in, although the ${earlier.length} requests before it, ${seconds(everyMs)} apart, had answered 200 on every instance (${describeSpread(earlier.map((a) => a.servedBy))}). The session expired while it was in use: its TTL ran out ${labSettings.sessionTtlSeconds} s after login instead of ${labSettings.sessionTtlSeconds} s after its last use. ${describeSessionKey(cache, browser.sessionId)}.`
          : `GET /me number ${i}, served by ${answer.servedBy}, answered ${describeStatus(answer.response)}${answer.user ? ` for ${answer.user}` : ''} although ${browser.user} had logged in on ${login.servedBy}${earlier.length ? ` and the ${earlier.length} request${earlier.length === 1 ? '' : 's'} before (${describeSpread(earlier.map((a) => a.servedBy))}) answered 200` : ''}. ${answer.servedBy === login.servedBy ? '' : `${answer.servedBy} does not know the session that ${login.servedBy} created: `}${describeSessionKey(cache, browser.sessionId)}.`,
        expected: `200 with {"user":"${browser.user}"} from every instance`,
        actual: `${describeStatus(answer.response)} from ${answer.servedBy}: ${answer.response.body.toString('utf8').trim().slice(0, 120)}`,
      });
    }
    return `${browser.user} logged in on ${login.servedBy} and stayed logged in for ${requests} GETs of /me over ${seconds(Date.now() - loggedInAt)} (${describeSpread(answers.map((a) => a.servedBy))}).`;
  },
});
