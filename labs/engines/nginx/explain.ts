// The course's explain mode: for one request, which server block and location answer and why,
// and the settings in effect there after nginx's inheritance rules (add_header and
// proxy_set_header lists replace, not extend, the enclosing ones). Used by
// `course-nginx --explain URL` and by the workbench beside a failing check.
import type { Config, LocationBlock, Where } from './config.ts';
import type { AddHeader, Expires } from './directives-headers.ts';
import type { ProxyPass } from './directives-proxy.ts';
import type { RewriteOp } from './directives-rewrite.ts';
import { addressGroups, groupFor } from './listeners.ts';
import { loadConfig, type LoadOptions, type LoadOutcome } from './load-config.ts';
import type { LocConf } from './loc-conf.ts';
import { findLocation } from './location-match.ts';
import { effectiveProxyHeaders, type SetHeader } from './proxy-request.ts';
import { selectServer, validateHost } from './server-select.ts';
import { parseTarget } from './uri.ts';

export interface Explanation {
  request: string;
  server?: { at: string; names: string[]; reason: string };
  location?: { at: string; name: string; trace: string[] };
  handler: string;
  addHeaders: Array<{ name: string; value: string; always: boolean; from: string }>;
  proxySetHeaders: Array<{ name: string; value: string; from: string }>;
  expires?: string;
  problem?: string;
}

const at = (w: Where) => `${w.file}:${w.line}`;

function describeOp(op: RewriteOp): string {
  if (op.kind === 'return') return `return ${op.code}${op.text ? ` "${op.text.source}"` : ''}`;
  return `rewrite ${op.regex.source} ${op.replacement.source}${op.flag ? ` ${op.flag}` : ''}`;
}

function levelName(conf: LocConf, depth: number, location: LocationBlock | undefined): string {
  const names: string[] = [];
  for (let l: LocationBlock | undefined = location; l; l = l.parent) names.push(`location ${l.modifier ? l.modifier + ' ' : ''}${l.name}`);
  names.push('server', 'http');
  void conf;
  return names[depth] ?? 'http';
}

export function explainConfig(config: Config, url: string, headers: string[] = []): Explanation {
  const u = new URL(url);
  const port = Number(u.port || 80);
  const hostHeader = headers.find((h) => /^host:/i.test(h))?.slice(5).trim() ?? u.host;
  const request = `GET ${u.pathname}${u.search} (Host: ${hostHeader}, port ${port})`;
  const empty = { request, handler: '', addHeaders: [], proxySetHeaders: [] };
  if (!config.http) return { ...empty, problem: 'the configuration has no http block, so nothing answers HTTP' };
  const group = groupFor(addressGroups(config.http), u.hostname === 'localhost' ? '127.0.0.1' : u.hostname.replace(/^\[|\]$/g, ''), port);
  if (!group) return { ...empty, problem: `no server block listens on port ${port}; add "listen ${port};" to a server block` };
  const choice = selectServer(group.servers, group.defaultServer, validateHost(hostHeader));
  const server = choice.server;
  const target = parseTarget(u.pathname + u.search);
  const found = findLocation(server.locations, target.uri, true);
  const location = found.location;
  const conf = location?.conf ?? server.conf;
  const pass = location?.conf.own<ProxyPass>('proxy_pass');
  let handler: string;
  if (found.redirectTo) handler = `301 redirect to "${found.redirectTo.name}" (proxied location names ending in "/" get the slash added)`;
  else if (server.conf.own<RewriteOp[]>('rewrite_ops') || conf.own<RewriteOp[]>('rewrite_ops')) {
    const ops = [...(server.conf.own<RewriteOp[]>('rewrite_ops') ?? []), ...(location ? conf.own<RewriteOp[]>('rewrite_ops') ?? [] : [])];
    handler = `${ops.map(describeOp).join(', then ')}${pass ? `; otherwise proxy_pass ${pass.url}` : ''}`;
  }
  else if (pass) handler = `proxy_pass ${pass.url} (upstream group "${pass.upstreamName}")`;
  else handler = `static files under root/alias "${conf.get<{ template: { source: string } }>('root')?.template.source ?? ''}"`;
  const expires = conf.get<Expires>('expires');
  return {
    request,
    server: { at: at(server), names: server.names.map((n) => n.name), reason: choice.reason },
    ...(location ? { location: { at: at(location), name: `${location.modifier ? location.modifier + ' ' : ''}${location.name}`, trace: found.trace ?? [] } } : {}),
    handler,
    addHeaders: (conf.get<AddHeader[]>('add_header') ?? []).map((h) => ({
      name: h.name, value: h.value.source, always: h.always, from: levelName(conf, conf.depthOf('add_header'), location),
    })),
    proxySetHeaders: pass
      ? effectiveProxyHeaders(conf.get<SetHeader[]>('proxy_set_header') ?? []).filter((h) => h.value.source !== '').map((h) => ({
        name: h.name, value: h.value.source, from: conf.depthOf('proxy_set_header') >= 0 && (conf.get<SetHeader[]>('proxy_set_header') ?? []).includes(h) ? levelName(conf, conf.depthOf('proxy_set_header'), location) : 'nginx default',
      }))
      : [],
    ...(expires ? { expires: JSON.stringify(expires) } : {}),
  };
}

export function explainRequest(outcome: LoadOutcome, url: string, headers: string[]): Explanation {
  return explainConfig(outcome.config!, url, headers);
}

/**
 * For the workbench: loads the configuration and explains one URL, or says why the
 * configuration does not load (the message `nginx -t` would print).
 */
export async function explainFromFile(opts: LoadOptions & { url: string; headers?: string[] }): Promise<{ explanation?: Explanation; error?: string }> {
  const outcome = await loadConfig(opts);
  const failure = outcome.parseError ?? outcome.initError;
  if (failure) return { error: `nginx: [emerg] ${failure.message}` };
  return { explanation: explainConfig(outcome.config!, opts.url, opts.headers ?? []) };
}

export function formatExplanation(e: Explanation): string {
  const lines = [`request:  ${e.request}`];
  if (e.problem) return [...lines, `problem:  ${e.problem}`].join('\n');
  if (e.server) lines.push(`server:   ${e.server.at} (server_name ${e.server.names.join(' ') || '""'})`, `  why:    ${e.server.reason}`);
  if (e.location) {
    lines.push(`location: ${e.location.name} at ${e.location.at}`);
    for (const step of e.location.trace) lines.push(`  why:    ${step}`);
  } else lines.push('location: none matches; the server block itself handles it');
  lines.push(`handler:  ${e.handler}`);
  lines.push('add_header in effect:');
  if (e.addHeaders.length === 0) lines.push('  (none)');
  for (const h of e.addHeaders) lines.push(`  ${h.name}: ${h.value}${h.always ? ' (always)' : ''}  [from ${h.from}]`);
  if (e.proxySetHeaders.length) {
    lines.push('headers sent upstream (proxy_set_header after inheritance):');
    for (const h of e.proxySetHeaders) lines.push(`  ${h.name}: ${h.value}  [${h.from}]`);
  }
  if (e.expires) lines.push(`expires:  ${e.expires}`);
  return lines.join('\n');
}
