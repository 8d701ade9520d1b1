// proxy_redirect (ngx_http_proxy_rewrite_redirect in ngx_http_proxy_module.c): rewrites the
// start of Location and Refresh headers from an upstream. The default replaces the
// proxy_pass URL with the location name, or "http://host:port/" with "/" when proxy_pass
// has no URI part.
import type { ProxyPass } from './directives-proxy.ts';
import type { HttpRequest } from './request.ts';

type Rule = { from: string; to: string };

function defaultRule(r: HttpRequest, pass: ProxyPass): Rule | undefined {
  if (pass.uri !== undefined) {
    const loc = r.location;
    if (!loc || loc.modifier === '~' || loc.modifier === '~*' || loc.modifier === '@') return undefined;
    return { from: pass.url, to: loc.name };
  }
  return { from: `${pass.url}/`, to: '/' };
}

export function rewriteRedirect(r: HttpRequest, pass: ProxyPass, headers: Array<[string, string]>): Array<[string, string]> {
  if (!headers.some(([n]) => n.length === 8 || n.length === 7 ? /^(location|refresh)$/i.test(n) : false)) return headers;
  const setting = r.conf.get<Array<Rule | 'default'> | 'off'>('proxy_redirect') ?? ['default'];
  if (setting === 'off') return headers;
  const rules = setting.flatMap((rule) => (rule === 'default' ? (defaultRule(r, pass) ? [defaultRule(r, pass)!] : []) : [rule]));
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower !== 'location' && lower !== 'refresh') return [name, value];
    for (const rule of rules) {
      if (lower === 'location' && value.startsWith(rule.from)) return [name, rule.to + value.slice(rule.from.length)];
      const at = lower === 'refresh' ? value.indexOf('url=') : -1;
      if (at !== -1 && value.startsWith(rule.from, at + 4)) return [name, value.slice(0, at + 4) + rule.to + value.slice(at + 4 + rule.from.length)];
    }
    return [name, value];
  });
}
