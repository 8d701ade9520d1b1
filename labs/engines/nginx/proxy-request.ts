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

/** The headers to send, in order, and the names the client's own headers must not repeat. */
interface HeaderPlan {
  list: SetHeader[];
  /** Lower-cased names of every entry in the list. */
  names: Set<string>;
  /** The same without nginx's Content-Length default (proxy_pass_request_body off keeps the client's). */
  namesWithoutBodyLength: Set<string>;
}

/** Plans by proxy_set_header list: the configuration does not change once loaded. */
const plans = new WeakMap<SetHeader[], HeaderPlan>();

function headerPlan(userHeaders: SetHeader[]): HeaderPlan {
  const known = plans.get(userHeaders);
  if (known) return known;
  const list = effectiveProxyHeaders(userHeaders);
  const names = new Set(list.map((h) => h.name.toLowerCase()));
  const namesWithoutBodyLength = new Set(list.filter((h) => h !== bodyLength).map((h) => h.name.toLowerCase()));
  const plan = { list, names, namesWithoutBodyLength };
  plans.set(userHeaders, plan);
  return plan;
}

/** The effective header list: proxy_set_header entries, then defaults they do not override. */
export function effectiveProxyHeaders(userHeaders: SetHeader[]): SetHeader[] {
  const names = new Set(userHeaders.map((h) => h.name.toLowerCase()));
  return [...userHeaders, ...defaultHeaders.filter((h) => !names.has(h.name.toLowerCase()))];
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

/** The request line and headers sent upstream, one char per byte. */
export function buildUpstreamHead(r: HttpRequest, pass: ProxyPass, method: string): string {
  const conf = r.conf;
  const version = conf.get<string>('proxy_http_version') ?? '1.0';
  const plan = headerPlan(conf.get<SetHeader[]>('proxy_set_header') ?? noUserHeaders);
  const lookup = (name: string) => lookupVariable(r, name);
  const passBody = conf.get<boolean>('proxy_pass_request_body') !== false;
  const hasBody = passBody && (r.body.length > 0 || r.header('content-length') !== undefined || r.header('transfer-encoding') !== undefined);
  let head = `${method} ${upstreamUri(r, pass)} HTTP/${version}\r\n`;
  for (const h of plan.list) {
    let value: string;
    if (h === bodyLength) {
      // With proxy_pass_request_body off nginx 1.22 drops its own Content-Length default, so the
      // client's Content-Length goes through unless proxy_set_header Content-Length "" removes it.
      if (!hasBody) continue;
      value = String(r.body.length);
    } else value = h.value.hasVariables ? renderTemplate(h.value, lookup, r.captures) : h.value.source;
    if (value === '') continue;
    head += `${h.name}: ${value}\r\n`;
  }
  if (conf.get<boolean>('proxy_pass_request_headers') !== false) {
    const skip = passBody ? plan.names : plan.namesWithoutBodyLength;
    for (const [name, value] of r.headers) {
      if (skip.has(name.toLowerCase())) continue;
      head += `${name}: ${value}\r\n`;
    }
  }
  return `${head}\r\n`;
}
