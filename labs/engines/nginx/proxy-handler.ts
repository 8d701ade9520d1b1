// proxy_pass: picks peers, retries as proxy_next_upstream allows, and turns failures into
// 502/504 (ngx_http_upstream_next in src/http/ngx_http_upstream.c). Defaults of nginx 1.22:
// proxy_next_upstream error timeout; a request that was already sent with a non-idempotent
// method (POST, LOCK, PATCH) is never retried; proxy_connect_timeout and proxy_read_timeout 60s.
import type { ProxyPass } from './directives-proxy.ts';
import { buildUpstreamHead } from './proxy-request.ts';
import { rewriteRedirect } from './proxy-redirect.ts';
import { specialReply, type Reply } from './reply.ts';
import type { HttpRequest } from './request.ts';
import type { Runtime } from './runtime.ts';
import { exchange, type ExchangeResult } from './upstream-exchange.ts';
import { pickIpHash } from './upstream-ip-hash.ts';
import { pickLeastConn } from './upstream-least-conn.ts';
import { releasePeer, type Peer, type PeerSet, type UpstreamRuntime } from './upstream-peers.ts';
import { pickRoundRobin } from './upstream-round-robin.ts';

/** Upstream response headers nginx hides unless proxy_pass_header names them. */
const hidden = new Set(['date', 'server', 'x-pad', 'x-accel-expires', 'x-accel-redirect', 'x-accel-limit-rate', 'x-accel-buffering', 'x-accel-charset']);
/** Headers about the upstream connection itself, never passed on. */
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade']);

const statusFor: Record<string, number> = { error: 502, invalid: 502, timeout: 504 };
/** Methods nginx never sends to a second server once the first got them (ngx_http_upstream_next). */
const nonIdempotentMethods = new Set(['POST', 'LOCK', 'PATCH']);
/** Upstream statuses proxy_next_upstream can name (http_500, http_502, ...). */
const retryableStatuses = new Set([500, 502, 503, 504, 403, 404, 429]);

function pick(u: UpstreamRuntime, set: PeerSet, tried: Set<Peer>, r: HttpRequest): Peer | undefined {
  if (set.single) {
    const only = set.peers[0]!;
    return only.down || tried.has(only) ? undefined : only;
  }
  if (u.balancer === 'least_conn') return pickLeastConn(set, tried);
  if (u.balancer === 'ip_hash' && set === u.primary) return pickIpHash(set, tried, r.client.remoteAddr);
  return pickRoundRobin(set, tried);
}

export async function proxyRequest(r: HttpRequest, rt: Runtime, pass: ProxyPass): Promise<Reply> {
  const u = rt.upstreams.get(pass.upstreamName)!;
  const conf = r.conf;
  const explicit = rt.config.http!.upstreams.get(pass.upstreamName)!.explicit;
  r.proxyHost = explicit ? pass.host : pass.port === undefined || pass.port === 80 ? pass.host : `${pass.host}:${pass.port}`;
  r.proxyPort = String(pass.port ?? 80);
  const method = r.method;
  const head = buildUpstreamHead(r, pass, method);
  const nextUpstream = conf.get<string[]>('proxy_next_upstream') ?? ['error', 'timeout'];
  const triesLimit = conf.get<number>('proxy_next_upstream_tries') ?? 0;
  const timeLimit = conf.get<number>('proxy_next_upstream_timeout') ?? 0;
  const started = Date.now();
  let tries = u.primary.peers.length + (u.backup?.peers.length ?? 0);
  if (triesLimit && triesLimit < tries) tries = triesLimit;
  let set = u.primary;
  const tried = new Set<Peer>();
  const nonIdempotent = nonIdempotentMethods.has(method);

  for (;;) {
    let peer = pick(u, set, tried, r);
    if (!peer && set === u.primary && u.backup) {
      set = u.backup;
      tried.clear();
      peer = pick(u, set, tried, r);
    }
    if (!peer) {
      rt.errorLog(r, `no live upstreams while connecting to upstream`, `http://${u.name}${head.split(' ', 2)[1]}`);
      r.upstreamAddrs.push(u.name);
      r.upstreamStatuses.push('502');
      return specialReply(502);
    }
    tried.add(peer);
    peer.conns++;
    const t0 = Date.now();
    const result: ExchangeResult = await exchange(peer, {
      head, body: conf.get<boolean>('proxy_pass_request_body') === false ? Buffer.alloc(0) : r.body, headRequest: method === 'HEAD',
      connectTimeoutMs: conf.get<number>('proxy_connect_timeout') ?? 60000,
      readTimeoutMs: conf.get<number>('proxy_read_timeout') ?? 60000,
      stream: true,
    }, u.pool);
    r.upstreamAddrs.push(peer.name);
    r.upstreamTimes.push(Date.now() - t0);
    r.upstreamConnectTimes.push(result.connectMs);
    tries--;
    const canRetry = (flag: string, requestSent: boolean) =>
      tries > 0 && !set.single && nextUpstream.includes(flag) && !(requestSent && nonIdempotent && !nextUpstream.includes('non_idempotent')) &&
      !(timeLimit && Date.now() - started >= timeLimit);

    if (result.kind === 'response') {
      const status = result.response.status;
      const flag = `http_${status}`;
      const retryable = retryableStatuses.has(status) && nextUpstream.includes(flag);
      r.upstreamStatuses.push(String(status));
      if (retryable && canRetry(flag, true)) {
        result.body?.abort();
        releasePeer(set, peer, status !== 403 && status !== 404);
        continue;
      }
      releasePeer(set, peer, false);
      r.upstreamHeaders = result.response.headers;
      const hiddenByConf = conf.get<string[]>('proxy_hide_header');
      const passed = conf.get<string[]>('proxy_pass_header');
      const headers: Array<[string, string]> = [];
      let length: string | undefined;
      for (const h of result.response.headers) {
        const lower = h[0].toLowerCase();
        if (lower === 'content-length') length ??= h[1];
        if (hopByHop.has(lower) || hiddenByConf?.includes(lower)) continue;
        if (!hidden.has(lower) || passed?.includes(lower) === true) headers.push(h);
      }
      if (conf.get<boolean>('proxy_intercept_errors') && status >= 300 && hasErrorPage(r, status)) {
        result.body?.abort();
        return { ...specialReply(status), proxied: true };
      }
      return {
        status, reason: result.response.reason, headers: rewriteRedirect(r, pass, headers), body: result.response.body, proxied: true,
        lengthKnown: length !== undefined,
        ...(result.body ? { stream: result.body, streamLength: Number(length ?? -1) } : {}),
      };
    }
    r.upstreamStatuses.push(String(statusFor[result.kind]));
    rt.errorLog(r, result.message, `http://${peer.name}${head.split(' ', 2)[1]}`);
    releasePeer(set, peer, true);
    const flag = result.kind === 'invalid' ? 'invalid_header' : result.kind;
    if (canRetry(flag, result.requestSent)) continue;
    return specialReply(statusFor[result.kind]!);
  }
}

function hasErrorPage(r: HttpRequest, status: number): boolean {
  return (r.conf.get<Array<{ codes: number[] }>>('error_page') ?? []).some((e) => e.codes.includes(status));
}
