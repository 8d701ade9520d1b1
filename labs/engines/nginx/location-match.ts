// Chooses the location for a URI like ngx_http_core_find_location() and
// ngx_http_core_find_static_location() in src/http/ngx_http_core_module.c:
//   1. an exact "= /uri" location wins at once;
//   2. otherwise the longest matching prefix is remembered; if it is "^~", regexes are skipped;
//   3. nested locations inside that prefix are searched the same way;
//   4. regex locations ("~", "~*") are tried in the order they appear; the first match wins;
//   5. if none matches, the remembered prefix is used.
// A URI one "/" short of a location whose handler set auto_redirect (proxy_pass in
// "location /api/") gets a 301 to the location name instead.
import type { LocationBlock } from './config.ts';

export interface LocationChoice {
  location: LocationBlock | undefined;
  /** Set when nginx answers 301 with Location: the location name (auto_redirect). */
  redirectTo?: LocationBlock;
  captures: (string | undefined)[];
  named: Record<string, string>;
  /** Steps of the decision, for --explain (only when asked for). */
  trace: string[] | undefined;
}

type StaticResult = { rc: 'ok' | 'again' | 'done' | 'declined'; loc?: LocationBlock };

const isRegex = (l: LocationBlock) => l.modifier === '~' || l.modifier === '~*';

export const autoRedirects = (l: LocationBlock) => l.name.endsWith('/') && l.conf.own('proxy_pass') !== undefined;

function findStatic(locations: LocationBlock[], uri: string, trace: string[] | undefined): StaticResult {
  const exact = locations.find((l) => l.modifier === '=' && l.name === uri);
  if (exact) {
    trace?.push(`"location = ${uri}" matches exactly, so the search stops`);
    return { rc: 'ok', loc: exact };
  }
  let best: LocationBlock | undefined;
  for (const l of locations) {
    if ((l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.name) && (!best || l.name.length > best.name.length)) best = l;
  }
  if (best && best.name.length === uri.length) {
    trace?.push(`prefix "location ${best.modifier ? best.modifier + ' ' : ''}${best.name}" equals the URI`);
    return { rc: 'again', loc: best };
  }
  const redirect = locations.find((l) => l.modifier !== '@' && !isRegex(l) && l.name === uri + '/' && autoRedirects(l));
  if (redirect) {
    trace?.push(`"${uri}" lacks the trailing slash of proxied "location ${redirect.name}", so nginx redirects (301)`);
    return { rc: 'done', loc: redirect };
  }
  if (best) {
    trace?.push(`the longest matching prefix is "location ${best.modifier ? best.modifier + ' ' : ''}${best.name}"`);
    return { rc: 'again', loc: best };
  }
  return { rc: 'declined' };
}

function findIn(locations: LocationBlock[], uri: string, out: LocationChoice): 'ok' | 'again' | 'done' | 'declined' {
  const st = findStatic(locations, uri, out.trace);
  let rc = st.rc;
  let noregex = false;
  if (st.loc) out.location = st.loc;
  if (rc === 'done') {
    out.redirectTo = st.loc!;
    return rc;
  }
  if (rc === 'again') {
    noregex = st.loc!.modifier === '^~';
    if (st.loc!.locations.length) rc = findIn(st.loc!.locations, uri, out);
  }
  if (rc === 'ok' || rc === 'done') return rc;
  if (noregex) {
    out.trace?.push(`"^~" on that prefix skips the regular expressions`);
    return rc;
  }
  for (const l of locations) {
    if (!isRegex(l)) continue;
    const m = l.regex!.exec(uri);
    if (!m) continue;
    out.trace?.push(`regular expression "location ${l.modifier} ${l.name}" is the first that matches`);
    out.location = l;
    out.captures = [...m];
    out.named = { ...(m.groups ?? {}) };
    if (l.locations.length) findIn(l.locations, uri, out);
    return 'ok';
  }
  if (rc === 'again' && locations.some(isRegex)) out.trace?.push('no regular expression matches, so the prefix is used');
  return rc;
}

export function findLocation(locations: LocationBlock[], uri: string, explain = false): LocationChoice {
  const out: LocationChoice = { location: undefined, captures: [], named: {}, trace: explain ? [] : undefined };
  const rc = findIn(locations, uri, out);
  if (rc === 'declined' && !out.location) out.trace?.push('no location matches; the server block itself handles the request');
  return out;
}

export function findNamedLocation(locations: LocationBlock[], name: string): LocationBlock | undefined {
  return locations.find((l) => l.modifier === '@' && l.name === name);
}
