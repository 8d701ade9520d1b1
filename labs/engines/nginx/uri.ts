// Request URI handling as in ngx_http_parse_complex_uri() (src/http/ngx_http_parse.c): the
// path is percent-decoded, repeated slashes merged (merge_slashes on), "." and ".." segments
// resolved, and a ".." above the root is a 400. Strings here are "binary" (one char per
// byte, latin1) because nginx works on bytes.

export interface ParsedTarget {
  /** Decoded, normalised path: the value of $uri. */
  uri: string;
  /** The query string without "?": $args. */
  args: string;
  /** Whether the raw path had percent-escapes (nginx's r->quoted_uri). */
  quoted: boolean;
  /** Host from an absolute-form request target ("GET http://host/path"). */
  host?: string;
}

export class BadRequest extends Error {}

export function parseTarget(raw: string, mergeSlashes = true): ParsedTarget {
  let target = raw;
  let host: string | undefined;
  // Only an absolute-form target ("http://host/path") needs the pattern.
  const absolute = raw.charCodeAt(0) === 47 ? null : /^https?:\/\/([^/?#]*)/i.exec(target);
  if (absolute) {
    host = absolute[1]!;
    target = target.slice(absolute[0].length) || '/';
  }
  if (!target.startsWith('/')) throw new BadRequest('invalid request target');
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  const args = q === -1 ? '' : target.slice(q + 1);
  const quoted = path.includes('%');
  const decoded = quoted ? percentDecode(path) : path;
  return { uri: normalizePath(decoded, mergeSlashes), args, quoted, ...(host !== undefined ? { host } : {}) };
}

function percentDecode(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const hex = path.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new BadRequest('invalid percent-encoding');
    const code = parseInt(hex, 16);
    if (code === 0) throw new BadRequest('encoded NUL in URI');
    out += String.fromCharCode(code);
    i += 2;
  }
  return out;
}

export function normalizePath(path: string, mergeSlashes = true): string {
  // Without "//" and without a segment that starts with "." there is nothing to change.
  if (path.charCodeAt(0) === 47 && !path.includes('//') && !path.includes('/.')) return path;
  const segments = path.split('/');
  const out: string[] = [];
  const last = segments.length - 1;
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg === '.') {
      if (i === last) out.push('');
      continue;
    }
    if (seg === '..') {
      if (out.length === 0) throw new BadRequest('".." above the root');
      out.pop();
      if (i === last) out.push('');
      continue;
    }
    if (seg === '' && mergeSlashes && i !== last) continue;
    out.push(seg);
  }
  return '/' + out.join('/');
}

const hex = '0123456789ABCDEF';

/** ngx_escape_uri(..., NGX_ESCAPE_URI): escapes space, "#", "%", "?", controls, DEL and bytes ≥ 0x80. */
export function escapeUri(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x23 || c === 0x25 || c === 0x3f || c >= 0x7f) out += '%' + hex[c >> 4] + hex[c & 15];
    else out += s[i];
  }
  return out;
}

/** Escapes for a Location header built from a location name (NGX_ESCAPE_URI as well). */
export const escapeLocationName = escapeUri;
