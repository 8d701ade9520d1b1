// gzip (src/http/modules/ngx_http_gzip_filter_module.c and ngx_http_gzip_ok in
// ngx_http_core_module.c): compresses 200, 403 and 404 responses whose Content-Type is in
// gzip_types (text/html always) and whose length is unknown or at least gzip_min_length, for
// clients that send "Accept-Encoding: gzip" over HTTP/1.1 (gzip_http_version), not through a
// proxy that adds Via (gzip_proxied off). gzip_vary adds "Vary: Accept-Encoding" whenever the
// response is of a compressible kind, even when this client did not get it compressed.
import { gzipSync } from 'node:zlib';
import type { HttpRequest } from './request.ts';

function acceptsGzip(value: string | undefined): boolean {
  if (!value) return false;
  for (const part of value.toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    if (coding!.trim() !== 'gzip') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

export function applyGzip(r: HttpRequest, status: number, headers: Array<[string, string]>, body: Buffer, lengthKnown = true): { headers: Array<[string, string]>; body: Buffer; compressed: boolean } {
  const conf = r.conf;
  const unchanged = { headers, body, compressed: false };
  if (!conf.get<boolean>('gzip')) return unchanged;
  if (status !== 200 && status !== 403 && status !== 404) return unchanged;
  if (headers.some(([n, v]) => n.toLowerCase() === 'content-encoding' && v !== '')) return unchanged;
  if (lengthKnown && body.length < (conf.get<number>('gzip_min_length') ?? 20)) return unchanged;
  const contentType = (headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '').split(';')[0]!.trim().toLowerCase();
  const types = conf.get<string[] | '*'>('gzip_types') ?? ['text/html'];
  if (types !== '*' && !types.includes(contentType)) return unchanged;
  if (r.method === 'HEAD' && body.length === 0) return unchanged;
  const vary: Array<[string, string]> = conf.get<boolean>('gzip_vary') ? [['Vary', 'Accept-Encoding']] : [];
  const withVary = { headers: [...headers, ...vary], body, compressed: false };
  if (!acceptsGzip(r.header('accept-encoding'))) return withVary;
  const minVersion = conf.get<string>('gzip_http_version') ?? '1.1';
  if (Number(r.httpVersion) < Number(minVersion)) return withVary;
  if (r.header('via') !== undefined) {
    const proxied = conf.get<string[]>('gzip_proxied') ?? ['off'];
    if (!proxied.includes('any')) return withVary;
  }
  const ua = r.header('user-agent') ?? '';
  for (const rule of conf.get<Array<RegExp | 'msie6'>>('gzip_disable') ?? []) {
    if (rule === 'msie6' ? /MSIE [4-6]\./.test(ua) && !/SV1/.test(ua) : rule.test(ua)) return withVary;
  }
  const compressedBody = gzipSync(body, { level: conf.get<number>('gzip_comp_level') ?? 1 });
  const out = withVary.headers
    .filter(([n]) => n.toLowerCase() !== 'content-length')
    .map(([n, v]): [string, string] => (n.toLowerCase() === 'etag' && v.startsWith('"') ? [n, `W/${v}`] : [n, v]));
  out.push(['Content-Encoding', 'gzip']);
  return { headers: out, body: compressedBody, compressed: true };
}
