// Runs an app handler and turns what it returns into a response: a string is a 200 text/plain
// body; an object gives status, headers and body (a non-string body is sent as JSON). A
// handler that throws gets Gunicorn's 500 page and an `Error handling request` log line
// (gunicorn/workers/base.py, handle_error; gunicorn/util.py, write_error).
import type { AppRequest, Handler } from './app-module.ts';
import { log } from './log.ts';

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Gunicorn writes its error page straight to the socket: no Server or Date header. */
  errorPage?: boolean;
}

/** The page gunicorn/util.py write_error sends, with an empty message as outside debug mode. */
const errorPage = (reason: string) =>
  ['<html>', '  <head>', `    <title>${reason}</title>`, '  </head>', '  <body>', `    <h1><p>${reason}</p></h1>`, '    ', '  </body>', '</html>', ''].join('\n');

function fromResult(result: unknown): AppResponse {
  if (typeof result === 'string') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: result };
  if (typeof result !== 'object' || result === null) throw new TypeError(`a handler must return a string or { status, headers, body }; it returned ${result === null ? 'null' : typeof result}`);
  const r = result as { status?: unknown; headers?: unknown; body?: unknown };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((r.headers ?? {}) as Record<string, unknown>)) headers[name.toLowerCase()] = String(value);
  const status = typeof r.status === 'number' && Number.isInteger(r.status) && r.status >= 100 && r.status <= 599 ? r.status : 200;
  if (r.body === undefined || typeof r.body === 'string') return { status, headers, body: r.body ?? '' };
  headers['content-type'] ??= 'application/json';
  return { status, headers, body: JSON.stringify(r.body) };
}

export async function respond(handler: Handler | undefined, request: AppRequest): Promise<AppResponse> {
  if (!handler) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not Found\n' };
  try {
    return fromResult(await handler(request));
  } catch (error) {
    log('ERROR', `Error handling request ${request.path}${request.query.size > 0 ? `?${request.query}` : ''}`);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return { status: 500, headers: { Connection: 'close', 'Content-Type': 'text/html' }, body: errorPage('Internal Server Error'), errorPage: true };
  }
}
