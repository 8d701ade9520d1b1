import { fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { pause } from '../../kit/waiting.ts';
import { Browser, type Answer } from '../browser.ts';
import { defineInstanceCheck } from '../instance-check.ts';
import { describeSessionKey, describeSpread } from '../session-diagnosis.ts';

const users = 3;
const requestsEach = 3;
/** Pause between rounds of requests while the killed instance starts again. */
const restartPollMs = 200;

export const survivesAKilledInstance = defineInstanceCheck({
  slug: 'survives-a-killed-instance',
  title: 'Three logged-in users stay logged in when the instance that logged one of them in is killed, and after it restarts with empty memory',
  hint: 'Pinning each user to one instance (sticky sessions, by a cookie or by client address) makes sessions in memory seem to work, until that instance crashes or is replaced in a deploy and all its users are logged out. Keep nothing about a session in the process, only in the cache, so that any instance, even a fresh one, can serve any user. The twelve-factor app calls sticky sessions a violation to never rely on: https://12factor.net/processes',
  timeoutMs: 20_000,
  async run(ctx) {
    const { instances, cache } = ctx.env;
    const browsers = Array.from({ length: users }, () => new Browser(ctx.env.newUser(), ctx.http, instances));
    const loggedInOn = new Map<Browser, string>();
    for (const browser of browsers) loggedInOn.set(browser, (await browser.login()).servedBy);
    ctx.note(`logged in: ${browsers.map((browser) => `${browser.user} on ${loggedInOn.get(browser)}`).join(', ')}`);
    const victim = loggedInOn.get(browsers[0] as Browser) as string;
    let killed = false;
    const expectLoggedIn = (browser: Browser, answer: Answer, when: string) => {
      if (answer.response.status === 200 && answer.user === browser.user) return;
      const why = killed ? ` The session did not outlive ${victim}'s memory.` : '';
      fail({
        message: `${when}, GET /me for ${browser.user}, who had logged in on ${loggedInOn.get(browser)}, answered ${describeStatus(answer.response)} on ${answer.servedBy}.${why} ${describeSessionKey(cache, browser.sessionId)}.`,
        expected: `200 with {"user":"${browser.user}"} from any instance`,
        actual: `${describeStatus(answer.response)} from ${answer.servedBy}: ${answer.response.body.toString('utf8').trim().slice(0, 120)}`,
      });
    };
    const round = async (when: string, times = requestsEach) => {
      const servedBy: string[] = [];
      for (let i = 0; i < times; i += 1) {
        for (const browser of browsers) {
          const answer = await browser.me();
          servedBy.push(answer.servedBy);
          expectLoggedIn(browser, answer, when);
        }
      }
      return describeSpread(servedBy);
    };
    const before = await round('Before any instance was killed');
    await instances.kill(victim);
    killed = true;
    ctx.note(`${victim} killed: its memory is gone, and the proxy passes its turns to the other instances`);
    const whileDown = await round(`After ${victim} was killed`).catch(async (error: unknown) => {
      // Started again before the failure is reported, so that later checks (--all) find three instances.
      await instances.restart(victim, ctx.signal).catch(() => {});
      throw error;
    });
    // The users keep going while the instance starts again, as they would during a deploy, which
    // also keeps their sessions from idling past the TTL while a slow program starts.
    let restarted = false;
    // Settles with the failure instead of rejecting, so a round that fails first leaves no unhandled rejection.
    const restarting = instances.restart(victim, ctx.signal).then(
      () => undefined,
      (error: unknown) => error,
    ).finally(() => {
      restarted = true;
    });
    let rounds = 0;
    while (!restarted && !ctx.signal.aborted) {
      await round(`While ${victim} was starting again`, 1);
      rounds += 1;
      await pause(restartPollMs, ctx.signal);
    }
    const problem = await restarting;
    if (problem) throw problem;
    ctx.note(`${victim} started again, with empty memory (the users made ${rounds} round${rounds === 1 ? '' : 's'} of requests while it started)`);
    const afterRestart = await round(`After ${victim} restarted with empty memory`);
    return `All ${users} users stayed logged in: before (${before}), with ${victim} killed (${whileDown}) and after it restarted (${afterRestart}).`;
  },
});
