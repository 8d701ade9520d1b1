// Who may talk to the local runner. The runner executes whatever program a connected page
// sends it, so only the course's own pages, opened on this computer, may connect:
// - the connection must come from a loopback address (the server may listen more widely);
// - the Host header must name this computer, which defeats DNS rebinding (an attacker's name
//   that resolves to 127.0.0.1 still arrives with the attacker's name in Host);
//   https://en.wikipedia.org/wiki/DNS_rebinding
// - a browser's Origin must be this very server, so another site's page cannot connect
//   (WebSockets are not bound by the same-origin policy; the Origin header is the defence);
//   https://datatracker.ietf.org/doc/html/rfc6455#section-10.2
// - the socket must present the per-launch token that only same-origin pages can read.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain);
}

/** The Host values a browser on this computer sends for a server on `port`. */
export function allowedHosts(port: number): string[] {
  return loopbackNames.map((name) => `${name}:${port}`);
}

export type Refusal = { status: 401 | 403; reason: string };

export function checkRemote(request: IncomingMessage): Refusal | null {
  if (isLoopbackAddress(request.socket.remoteAddress)) return null;
  return { status: 403, reason: `The lab runner only accepts connections from this computer, not from ${request.socket.remoteAddress ?? 'an unknown address'}.` };
}

export function checkHost(request: IncomingMessage, port: number): Refusal | null {
  const host = request.headers.host?.toLowerCase();
  if (host && allowedHosts(port).includes(host)) return null;
  return {
    status: 403,
    reason: `The lab runner answers only to ${allowedHosts(port).join(', ')}; this request named "${host ?? '(no Host header)'}". Open the course at http://localhost:${port}/.`,
  };
}

/** Origin is required for sockets (browsers always send it) and optional for plain requests. */
export function checkOrigin(request: IncomingMessage, port: number, required: boolean): Refusal | null {
  const origin = request.headers.origin;
  if (origin === undefined && !required) return null;
  if (origin !== undefined && allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`)) return null;
  return { status: 403, reason: `The lab runner accepts only pages of this course (http://localhost:${port}); this one came from ${origin ?? 'no page (no Origin header)'}.` };
}

/** Browsers mark cross-site requests; a same-origin fetch or a typed-in address is fine. */
export function checkFetchSite(request: IncomingMessage): Refusal | null {
  const site = request.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return null;
  return { status: 403, reason: `The runner session is only given to the course's own pages (Sec-Fetch-Site was "${site}").` };
}

export function tokensMatch(expected: string, received: string | null): boolean {
  if (received === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkToken(expected: string, received: string | null): Refusal | null {
  if (tokensMatch(expected, received)) return null;
  return {
    status: 401,
    reason: received === null
      ? 'The lab runner needs the token of this launch; reload the lab page to get it.'
      : 'The lab runner token does not match this launch of the server (it changes on every start); reload the lab page.',
  };
}
