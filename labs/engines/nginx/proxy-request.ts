// The request nginx sends upstream (ngx_http_proxy_create_request in
// src/http/modules/ngx_http_proxy_module.c):
//   - the URI: without a URI part in proxy_pass, the client's request URI unchanged (or the
//     rewritten URI, escaped, once rewrites or internal redirects changed it); with a URI part,
//     the part of the normalised URI after the location prefix is appended to it;
//   - the headers: the proxy_set_header list in order, then nginx's defaults not overridden
//     (Host $proxy_host, Connection close, Content-Length for a body), then the client's own
//     headers except those names; a header whose value comes out empty is not sent.
import type { ProxyPass } from './directives-proxy.ts';
import type { HttpRequest } from './request.ts';
import { renderTemplate, type Template } from './template.ts';
import { escapeUri } from './uri.ts';
import { lookupVariable } from './variables.ts';
import { compileTemplate } from './template.ts';

export interface SetHeader {
  name: string;
  value: Template;
}

/** nginx's Content-Length default ($proxy_internal_body_length), set from the body. */
const bodyLength: SetHeader = { name: 'Content-Length', value: compileTemplate('') };

const defaultHeaders: SetHeader[] = [
  { name: 'Host', value: compileTemplate('$proxy_host') },
  { name: 'Connection', value: compileTemplate('close') },
  bodyLength,
  { name: 'Transfer-Encoding', value: compileTemplate('') },
  { name: 'TE', value: compileTemplate('') },
  { name: 'Keep-Alive', value: compileTemplate('') },
  { name: 'Expect', value: compileTemplate('') },
  { name: 'Upgrade', value: compileTemplate('') },
];

const noUserHeaders: SetHeader[] = [];
/** Effective lists by proxy_set_header list: the configuration does not change once loaded. */
const effectiveByList = new WeakMap<SetHeader[], SetHeader[]>();

/** The effective header list: proxy_set_header entries, then defaults they do not override. */
export function effectiveProxyHeaders(userHeaders: SetHeader[]): SetHeader[] {
  const known = effectiveByList.get(userHeaders);
  if (known) return known;
  const names = new Set(userHeaders.map((h) => h.name.toLowerCase()));
  const list = [...userHeaders, ...defaultHeaders.filter((h) => !names.has(h.name.toLowerCase()))];
  effectiveByList.set(userHeaders, list);
  return list;
}

export function upstreamUri(r: HttpRequest, pass: ProxyPass): string {
  const args = r.args ? `?${r.args}` : '';
  if (pass.uri === undefined) {
    if (r.validUnparsedUri) return r.requestUri.replace(/^https?:\/\/[^/?#]*/i, '') || '/';
    return escapeUri(r.uri) + args;
  }
  const loc = r.location;
  const prefixLen = loc && (loc.modifier === '' || loc.modifier === '^~' || loc.modifier === '=') ? loc.name.length : 0;
  const rest = r.uri.slice(Math.min(prefixLen, r.uri.length));
  const tail = r.quoted || r.internal ? escapeUri(rest) : rest;
  return pass.uri + tail + args;
}

export function buildUpstreamHead(r: HttpRequest, pass: ProxyPass, method: string): Buffer {
  const conf = r.conf;
  const version = conf.get<string>('proxy_http_version') ?? '1.0';
  const headers = effectiveProxyHeaders(conf.get<SetHeader[]>('proxy_set_header') ?? noUserHeaders);
  const lookup = (name: string) => lookupVariable(r, name);
  const passBody = conf.get<boolean>('proxy_pass_request_body') !== false;
  const hasBody = passBody && (r.body.length > 0 || r.header('content-length') !== undefined || r.header('transfer-encoding') !== undefined);
  let head = `${method} ${upstreamUri(r, pass)} HTTP/${version}\r\n`;
  const skip = new Set<string>();
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    // With proxy_pass_request_body off nginx 1.22 drops its own Content-Length default, so the
    // client's Content-Length goes through unless proxy_set_header Content-Length "" removes it.
    if (!passBody && h === bodyLength) continue;
    skip.add(lower);
    let value = renderTemplate(h.value, lookup, r.captures);
    if (h === bodyLength) value = hasBody ? String(r.body.length) : '';
    if (value === '') continue;
    head += `${h.name}: ${value}\r\n`;
  }
  if (conf.get<boolean>('proxy_pass_request_headers') !== false) {
    for (const [name, value] of r.headers) {
      if (skip.has(name.toLowerCase())) continue;
      head += `${name}: ${value}\r\n`;
    }
  }
  return Buffer.from(`${head}\r\n`, 'latin1');
}
