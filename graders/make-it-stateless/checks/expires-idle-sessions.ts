import { fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { pause, seconds } from '../../kit/waiting.ts';
import { Browser } from '../browser.ts';
import { defineInstanceCheck } from '../instance-check.ts';
import { labSettings } from '../lab-world.ts';
import { describeSessionKey, describeSpread } from '../session-diagnosis.ts';

const requests = 3;
/**
 * Idle time past the TTL before asking again. Waiting longer can never make a correct program
 * fail, so the margin is generous: Redis expires a key strictly after its time, and an EXPIRE
 * sent just after the last answer starts the TTL a little later than the grader's clock.
 */
const marginMs = 1000;

export const expiresIdleSessions = defineInstanceCheck({
  slug: 'expires-idle-sessions',
  title: 'A session left unused for SESSION_TTL_SECONDS is logged out on every instance',
  hint: 'Give every session an expiry in the cache, so that an abandoned one ends by itself: cache.set(key, value, { EX: Number(process.env.SESSION_TTL_SECONDS) }) at login, and cache.expire(key, ttl) on each request that uses it, an idle timeout. Without a TTL a session lives until its user logs out, which most never do. See https://redis.io/docs/latest/commands/expire/ and https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#idle-timeout',
  timeoutMs: 8000 + labSettings.sessionTtlSeconds * 1000,
  async run(ctx) {
    const { instances, cache } = ctx.env;
    const ttlMs = labSettings.sessionTtlSeconds * 1000;
    const browser = new Browser(ctx.env.newUser(), ctx.http, instances);
    await browser.login();
    for (let i = 0; i < requests; i += 1) {
      const answer = await browser.me();
      if (answer.response.status !== 200) {
        fail({ message: `Right after logging in, GET /me for ${browser.user} answered ${describeStatus(answer.response)} on ${answer.servedBy}; a session must last SESSION_TTL_SECONDS=${labSettings.sessionTtlSeconds} s, not less.`, expected: 'status 200', actual: `status ${describeStatus(answer.response)}` });
      }
    }
    const lastUsedAt = Date.now();
    const key = describeSessionKey(cache, browser.sessionId);
    ctx.note(`${key}; now nobody uses the session for ${seconds(ttlMs + marginMs)}`);
    await pause(ttlMs + marginMs, ctx.signal);
    const servedBy: string[] = [];
    for (let i = 0; i < requests; i += 1) {
      const answer = await browser.me();
      servedBy.push(answer.servedBy);
      if (answer.response.status !== 401) {
        fail({
          message: `GET /me for ${browser.user} answered ${describeStatus(answer.response)} on ${answer.servedBy} after the session had been idle for ${seconds(Date.now() - lastUsedAt)}, longer than SESSION_TTL_SECONDS=${labSettings.sessionTtlSeconds}. Right after the last use, ${key}; now ${describeSessionKey(cache, browser.sessionId)}.`,
          expected: 'status 401 on every instance once the TTL has run out',
          actual: `${describeStatus(answer.response)} from ${answer.servedBy}`,
        });
      }
    }
    return `The session answered 200 while in use, then 401 on every instance (${describeSpread(servedBy)}) after ${seconds(ttlMs + marginMs)} idle; ${key} right after its last use.`;
  },
});
