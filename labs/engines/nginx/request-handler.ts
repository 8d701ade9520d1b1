// The request phases of ngx_http_core_module.c, in nginx's order: server rewrite (return,
// rewrite in the server block), find location, location rewrite (with "last" looking the
// location up again), limit_req, try_files, content (proxy_pass or static files), then
// error_page for statuses nginx produced itself. Internal redirects (index files, try_files
// fallbacks, error pages) start again at the server rewrite phase; at most 10 URI changes.
import type { LocationBlock } from './config.ts';
import type { ProxyPass } from './directives-proxy.ts';
import type { LimitReq } from './directives-limit-req.ts';
import { findLocation, findNamedLocation } from './location-match.ts';
import { proxyRequest } from './proxy-handler.ts';
import { specialReply, type Reply } from './reply.ts';
import type { HttpRequest } from './request.ts';
import { runRewrites } from './rewrite-phase.ts';
import type { Runtime } from './runtime.ts';
import { mapUriToPath, render, serveStatic, statPath } from './static-files.ts';
import type { Template } from './template.ts';
import { escapeUri } from './uri.ts';

type Start = 'server-rewrite' | 'location-rewrite';

/** The URI and arguments of an internal redirect target; without "?" the arguments are dropped. */
function setUri(r: HttpRequest, target: string, keepArgs: boolean): void {
  const q = target.indexOf('?');
  r.uri = q === -1 ? target : target.slice(0, q);
  if (q !== -1) r.args = target.slice(q + 1);
  else if (!keepArgs) r.args = '';
}

async function internalRedirect(r: HttpRequest, rt: Runtime, target: string, keepArgs = false): Promise<Reply> {
  if (--r.uriChanges === 0) {
    rt.errorLog(r, `rewrite or internal redirection cycle while internally redirecting to "${target}"`);
    return specialReply(500);
  }
  setUri(r, target, keepArgs);
  r.internal = true;
  r.validUnparsedUri = false;
  return runPhases(r, rt, 'server-rewrite');
}

async function namedRedirect(r: HttpRequest, rt: Runtime, name: string): Promise<Reply> {
  const named = findNamedLocation(r.server.locations, name);
  if (!named) {
    rt.errorLog(r, `could not find named location "${name}"`);
    return specialReply(500);
  }
  if (--r.uriChanges === 0) return specialReply(500);
  r.internal = true;
  useLocation(r, named);
  return runPhases(r, rt, 'location-rewrite');
}

function useLocation(r: HttpRequest, loc: LocationBlock | undefined): void {
  r.location = loc;
  r.conf = loc?.conf ?? r.server.conf;
}

async function runPhases(r: HttpRequest, rt: Runtime, start: Start): Promise<Reply> {
  if (start === 'server-rewrite') {
    useLocation(r, undefined);
    const sr = runRewrites(r, r.server.conf);
    if (sr.kind === 'reply') return sr.reply;
  }
  for (let find = start === 'server-rewrite'; ; find = true) {
    if (find) {
      const choice = findLocation(r.server.locations, r.uri);
      useLocation(r, choice.location);
      if (choice.location && (choice.location.modifier === '~' || choice.location.modifier === '~*')) {
        r.captures = choice.captures;
        Object.assign(r.namedCaptures, choice.named);
      }
      if (choice.redirectTo) {
        return specialReply(301, escapeUri(choice.redirectTo.name) + (r.args ? `?${r.args}` : ''));
      }
      if (r.location?.conf.own('internal') && !r.internal) return specialReply(404);
      const max = r.conf.get<number>('client_max_body_size') ?? 1048576;
      if (max && Number(r.header('content-length') ?? r.body.length) > max) return specialReply(413);
    }
    if (!r.location) break;
    const lr = runRewrites(r, r.conf);
    if (lr.kind === 'reply') return lr.reply;
    if (lr.kind === 'break') break;
    if (lr.kind === 'last' || lr.uriChanged) {
      if (--r.uriChanges === 0) return specialReply(500);
      continue;
    }
    break;
  }
  const limits = r.conf.get<LimitReq[]>('limit_req');
  if (limits?.length && !r.limitChecked) {
    r.limitChecked = true;
    const decision = rt.limitReq.check(r, limits);
    if (decision.kind === 'reject') {
      rt.errorLog(r, `limiting requests, excess: ${(decision.excess / 1000).toFixed(3)} by zone "${decision.zone}"`);
      if (!r.conf.get<boolean>('limit_req_dry_run')) return specialReply(r.conf.get<number>('limit_req_status') ?? 503);
    } else if (decision.delayMs > 0 && !r.conf.get<boolean>('limit_req_dry_run')) {
      await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    }
  }
  const tryFiles = r.location?.conf.own<Template[]>('try_files') ?? (!r.location ? r.server.conf.own<Template[]>('try_files') : undefined);
  if (tryFiles) {
    const outcome = await runTryFiles(r, rt, tryFiles);
    if (outcome) return outcome;
  }
  const pass = r.location?.conf.own<ProxyPass>('proxy_pass');
  if (pass) return proxyRequest(r, rt, pass);
  const result = await serveStatic(r);
  // The index module keeps the request's arguments (ngx_http_index_handler).
  if ('redirect' in result) return internalRedirect(r, rt, result.redirect, true);
  return result;
}

/** try_files (ngx_http_core_try_files_phase): the first existing file or directory becomes $uri. */
async function runTryFiles(r: HttpRequest, rt: Runtime, list: Template[]): Promise<Reply | undefined> {
  for (const t of list.slice(0, -1)) {
    const name = render(r, t);
    const testDir = name.endsWith('/');
    const st = await statPath(mapUriToPath(r, testDir ? name.slice(0, -1) : name));
    if (!st || st.isDirectory() !== testDir) continue;
    // A directory match leaves $uri without its slash, so the static module then answers 301.
    r.uri = testDir ? name.slice(0, -1) : name;
    return undefined;
  }
  const last = render(r, list[list.length - 1]!);
  if (/^=\d{3}$/.test(last)) return specialReply(Number(last.slice(1)));
  if (last.startsWith('@')) return namedRedirect(r, rt, last);
  return internalRedirect(r, rt, last);
}

interface ErrorPage {
  codes: number[];
  overwrite: number | '=' | undefined;
  uri: Template;
}

/** error_page (ngx_http_send_error_page in src/http/ngx_http_special_response.c). */
async function applyErrorPage(r: HttpRequest, rt: Runtime, reply: Reply): Promise<Reply> {
  if (!reply.special || reply.status < 300 || reply.close || r.errorPageDone) return reply;
  const page = (r.conf.get<ErrorPage[]>('error_page') ?? []).find((p) => p.codes.includes(reply.status));
  if (!page) return reply;
  // Like r->error_page in ngx_http_special_response_handler: only a location with
  // recursive_error_pages off stops further error pages.
  if (!r.conf.get<boolean>('recursive_error_pages')) r.errorPageDone = true;
  const uri = render(r, page.uri);
  const original = reply.status;
  if (!uri.startsWith('/') && !uri.startsWith('@')) {
    const code = typeof page.overwrite === 'number' && [301, 302, 303, 307, 308].includes(page.overwrite) ? page.overwrite : 302;
    return specialReply(code, uri);
  }
  if (r.method !== 'HEAD') r.method = 'GET';
  let result = uri.startsWith('@') ? await namedRedirect(r, rt, uri) : await internalRedirect(r, rt, uri);
  result = await applyErrorPage(r, rt, result);
  // The status last decided wins (r->err_status): a new error or a nested error page while
  // serving this one, else "=code", the error page's own status for "=", or the original one.
  const status = result.special || result.errorPage || page.overwrite === '=' ? result.status : page.overwrite ?? original;
  return { ...result, status, errorPage: true, ...(page.overwrite === '=' ? {} : { reason: undefined }) };
}

export async function handleRequest(r: HttpRequest, rt: Runtime): Promise<Reply> {
  const reply = await runPhases(r, rt, 'server-rewrite');
  // Only statuses nginx produced itself can have an error page.
  return reply.special ? applyErrorPage(r, rt, reply) : reply;
}
