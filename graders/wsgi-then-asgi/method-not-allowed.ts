// The 405 answer both parts give for a known path asked with the wrong method: status 405 and
// an Allow header listing what the path takes (RFC 9110, section 15.5.6: a 405 must carry Allow).
import { fail, type CheckContext } from '../kit/check.ts';
import { expectHeaderPresent } from '../kit/expect.ts';
import { expectJsonError } from './greetings.ts';

export async function expectMethodNotAllowed(ctx: CheckContext<unknown>, method: string, path: string, allowed: string, reason: string | undefined): Promise<void> {
  const request = `${method} ${path}`;
  const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ name: 'Ada' });
  const response = await ctx.http.request({ method, path, body, headers: body ? { 'Content-Type': 'application/json' } : {} });
  expectJsonError(response, 405, reason, request, `${path} exists but takes only ${allowed}`);
  const allow = expectHeaderPresent(response, 'Allow', request, `Allow: ${allowed}`);
  const listed = allow.split(',').map((m) => m.trim().toUpperCase());
  if (listed.includes(allowed) && !listed.includes(method)) return;
  fail({
    message: `${request} answered 405 with Allow "${allow}"; it should list the method ${path} takes, ${allowed}${listed.includes(method) ? `, and not ${method}, which was just refused` : ''}.`,
    expected: `Allow: ${allowed}`,
    actual: `Allow: ${allow}`,
  });
}
