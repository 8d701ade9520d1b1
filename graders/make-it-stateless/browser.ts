// One user's browser, as the checks play it: it sends requests through the proxy, keeps the
// cookies the answers set (a small cookie jar after RFC 6265 section 5.3), and notes in the
// transcript which instance answered each request.
import { fail } from '../kit/check.ts';
import { describeStatus } from '../kit/expect.ts';
import type { HttpClient } from '../kit/http/http-client.ts';
import type { HttpResponse } from '../kit/http/http-connection.ts';
import type { AppInstances } from './app-instances.ts';

export interface Answer {
  response: HttpResponse;
  /** The instance the proxy says answered, e.g. "app-2". */
  servedBy: string;
  /** The "user" field of a JSON body, if there is one. */
  user: string | undefined;
}

export const sessionCookie = 'sid';

/** A cookie from one Set-Cookie line: its name, value and whether it deletes the cookie. */
export function parseSetCookie(line: string): { name: string; value: string; expired: boolean; attributes: string[] } {
  const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const name = at === -1 ? '' : pair.slice(0, at).trim();
  const value = at === -1 ? '' : pair.slice(at + 1).trim();
  const maxAge = attributes.find((attribute) => /^max-age=/i.test(attribute));
  const expires = attributes.find((attribute) => /^expires=/i.test(attribute));
  const expired = (maxAge !== undefined && Number(maxAge.slice(8)) <= 0) || (expires !== undefined && Date.parse(expires.slice(8)) <= Date.now());
  return { name, value, expired, attributes };
}

function userIn(response: HttpResponse): string | undefined {
  try {
    const body = JSON.parse(response.body.toString('utf8')) as { user?: unknown };
    return typeof body.user === 'string' ? body.user : undefined;
  } catch {
    return undefined;
  }
}

export class Browser {
  readonly user: string;
  private readonly http: HttpClient;
  private readonly instances: AppInstances;
  private cookies = new Map<string, string>();

  constructor(user: string, http: HttpClient, instances: AppInstances) {
    this.user = user;
    this.http = http;
    this.instances = instances;
  }

  /** The session id the browser holds now, if any. */
  get sessionId(): string | undefined {
    return this.cookies.get(sessionCookie);
  }

  /** The cookies as they are now, to send again later as a copied cookie would be. */
  copyCookies(): Map<string, string> {
    return new Map(this.cookies);
  }

  async login(): Promise<Answer> {
    const answer = await this.send('POST', '/login', JSON.stringify({ user: this.user }));
    if (answer.response.status !== 200) {
      fail({ message: `POST /login for ${this.user} answered ${describeStatus(answer.response)} on ${answer.servedBy}.`, expected: 'status 200 and a sid cookie', actual: `status ${describeStatus(answer.response)}` });
    }
    if (!this.sessionId) {
      fail({ message: `POST /login for ${this.user} answered 200 on ${answer.servedBy} but set no cookie named ${sessionCookie}.`, expected: `Set-Cookie: ${sessionCookie}=<random id>; Path=/; HttpOnly`, actual: this.setCookieLines(answer.response).join(' | ') || 'no Set-Cookie header' });
    }
    return answer;
  }

  me(cookies?: Map<string, string>): Promise<Answer> {
    return this.send('GET', '/me', undefined, cookies);
  }

  logout(): Promise<Answer> {
    return this.send('POST', '/logout');
  }

  setCookieLines(response: HttpResponse): string[] {
    return response.headers.filter(([name]) => name.toLowerCase() === 'set-cookie').map(([, value]) => value);
  }

  private async send(method: string, path: string, body?: string, cookies = this.cookies): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (cookies.size) headers.Cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    // Longer than the proxy's proxy_read_timeout (5 s), so a hung instance shows as the proxy's 504.
    const response = await this.http.request({ method, path, headers, body, timeoutMs: 8000 });
    // nginx's own error page, not an answer an instance wrote: the proxy could not use what it got.
    if (response.status === 502 && response.body.toString('utf8').includes('<title>502 Bad Gateway</title>')) {
      const instance = this.instances.nameOf(response.header('x-upstream')) ?? 'an instance';
      fail({
        message: `${method} ${path} reached ${instance}, but what came back was not an HTTP response the proxy could read, so the proxy answered 502 Bad Gateway (its [proxy] error line above says why). Answer with res.writeHead() and res.end(), never by writing to the socket yourself.`,
        expected: `an HTTP response from ${instance}`,
        actual: '502 Bad Gateway from the proxy',
      });
    }
    if (response.status === 504) {
      const instance = this.instances.nameOf(response.header('x-upstream')) ?? 'an instance';
      fail({
        reason: 'timeout',
        message: `${method} ${path} got no answer from ${instance} within the proxy's proxy_read_timeout of 5 s, so the proxy answered 504 Gateway Timeout. Does every path through your handler end with res.end(), and is every promise it awaits settled?`,
        expected: 'an answer from the instance within 5 s',
        actual: `504 Gateway Timeout from the proxy after ${instance} stayed silent`,
      });
    }
    for (const line of this.setCookieLines(response)) {
      const cookie = parseSetCookie(line);
      if (!cookie.name) continue;
      if (cookie.expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return { response, servedBy: this.instances.nameOf(response.header('x-upstream')) ?? 'the proxy itself (no instance answered)', user: userIn(response) };
  }
}
