// Serving files: mapping a URI to a path with root or alias (ngx_http_map_uri_to_path), the
// index module (ngx_http_index_module.c: the first existing index file causes an internal
// redirect) and the static module (ngx_http_static_module.c: 301 for a directory without its
// trailing slash, 405 for methods other than GET and HEAD, 404 when nothing is there).
import { readFileSync, statSync, type Stats } from 'node:fs';
import { contentTypeFor } from './mime-types.ts';
import type { Reply } from './reply.ts';
import { specialReply } from './reply.ts';
import type { HttpRequest } from './request.ts';
import { renderTemplate, type Template } from './template.ts';
import { lookupVariable } from './variables.ts';

interface RootValue {
  alias: boolean;
  template: Template;
}

export function render(r: HttpRequest, t: Template): string {
  return renderTemplate(t, (name) => lookupVariable(r, name), r.captures);
}

/** The file system path for a URI under the request's root or alias. */
export function mapUriToPath(r: HttpRequest, uri: string): string {
  const root = r.conf.get<RootValue>('root');
  if (!root) return uri;
  const base = render(r, root.template);
  if (!root.alias) return base + uri;
  const loc = r.location;
  if (loc && (loc.modifier === '~' || loc.modifier === '~*')) return base;
  const prefix = loc?.name ?? '';
  return base + uri.slice(Math.min(prefix.length, uri.length));
}

/** The path on disk as bytes → UTF-8 (URIs are handled as one char per byte). */
export const diskPath = (binary: string) => Buffer.from(binary, 'latin1').toString('utf8');

// Files are read synchronously, as nginx does without aio: for the small files of a lab this
// is several times faster than a round trip through libuv's thread pool per system call.
export async function statPath(path: string): Promise<Stats | undefined> {
  return statSync(diskPath(path), { throwIfNoEntry: false });
}

export type StaticOutcome = Reply | { redirect: string };

export async function serveStatic(r: HttpRequest): Promise<StaticOutcome> {
  if (r.uri.endsWith('/')) {
    const indexes = r.conf.get<Template[]>('index');
    const names = indexes ? indexes.map((t) => render(r, t)) : ['index.html'];
    for (const name of names) {
      if (name.startsWith('/')) return { redirect: name };
      const path = mapUriToPath(r, r.uri + name);
      const st = await statPath(path);
      if (st) return { redirect: r.uri + name };
    }
    const dir = await statPath(mapUriToPath(r, r.uri));
    if (!dir) return specialReply(404);
    if (!['GET', 'HEAD', 'POST'].includes(r.method)) return specialReply(405);
    return specialReply(403);
  }
  if (!['GET', 'HEAD', 'POST'].includes(r.method)) return specialReply(405);
  const path = mapUriToPath(r, r.uri);
  const st = await statPath(path);
  if (!st) return specialReply(404);
  if (st.isDirectory()) {
    return specialReply(301, escapeForLocation(r.uri) + '/' + (r.args ? `?${r.args}` : ''));
  }
  if (r.method === 'POST') return specialReply(405);
  let body: Buffer;
  try {
    body = readFileSync(diskPath(path));
  } catch {
    return specialReply(403);
  }
  return {
    status: 200,
    headers: [],
    body,
    contentType: contentTypeFor(r.conf, r.uri),
    mtimeMs: st.mtimeMs,
    fileSize: st.size,
  };
}

function escapeForLocation(uri: string): string {
  return uri.replace(/[\x00-\x20\x7f-\xff"#%?]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
