import { fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { Browser, parseSetCookie, sessionCookie } from '../browser.ts';
import { defineInstanceCheck } from '../instance-check.ts';

/** OWASP asks for at least 64 bits of entropy: 16 hex characters, or 11 of base64url. */
const shortestId = 16;

export const setsASessionCookie = defineInstanceCheck({
  slug: 'sets-a-session-cookie',
  title: 'POST /login answers 200 with a new, random, HttpOnly session cookie sid, and GET /me without a cookie answers 401',
  hint: "Make the session id unguessable and new at every login: randomBytes(32).toString('base64url'), never a counter, a time or the user name. Send it as Set-Cookie: sid=<id>; Path=/; HttpOnly; SameSite=Lax, so that scripts in the page cannot read it. A request without the cookie is not logged in: 401. See https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#session-id-entropy",
  timeoutMs: 10_000,
  async run(ctx) {
    const { instances } = ctx.env;
    const stranger = new Browser(ctx.env.newUser(), ctx.http, instances);
    const anonymous = await stranger.me();
    if (anonymous.response.status !== 401) {
      fail({ message: `GET /me without any cookie answered ${describeStatus(anonymous.response)} on ${anonymous.servedBy}; nobody is logged in on such a request.`, expected: 'status 401', actual: `status ${describeStatus(anonymous.response)}` });
    }
    const first = new Browser(ctx.env.newUser(), ctx.http, instances);
    const login = await first.login();
    const line = first.setCookieLines(login.response).find((candidate) => parseSetCookie(candidate).name === sessionCookie) ?? '';
    const id = first.sessionId ?? '';
    if (id.length < shortestId) {
      fail({ message: `POST /login set ${sessionCookie}=${id}: ${id.length} characters are too few to be unguessable; anyone could try every value.`, expected: `a random id of at least ${shortestId} characters`, actual: line });
    }
    if (id.includes(first.user)) {
      fail({ message: `POST /login set ${sessionCookie}=${id}, which contains the user name ${first.user}: whoever knows a name can forge the cookie.`, expected: 'a random id that says nothing about the user', actual: line });
    }
    if (!parseSetCookie(line).attributes.some((attribute) => attribute.toLowerCase() === 'httponly')) {
      fail({ message: `The session cookie has no HttpOnly attribute, so any script in the page, an injected one too, can read it with document.cookie.`, expected: `Set-Cookie: ${sessionCookie}=<id>; Path=/; HttpOnly; SameSite=Lax`, actual: line });
    }
    const second = new Browser(ctx.env.newUser(), ctx.http, instances);
    await second.login();
    const again = new Browser(first.user, ctx.http, instances);
    await again.login();
    const ids = new Set([first.sessionId, second.sessionId, again.sessionId]);
    if (ids.size < 3) {
      fail({ message: `Three logins (${first.user}, ${second.user}, then ${first.user} again) got only ${ids.size} different ${sessionCookie} values: every login needs a session id of its own.`, expected: '3 different session ids', actual: [first.sessionId, second.sessionId, again.sessionId].join(', ') });
    }
    return `GET /me without a cookie answered 401; three logins set three different HttpOnly ${sessionCookie} cookies of ${id.length} characters (the first from ${login.servedBy}).`;
  },
});
