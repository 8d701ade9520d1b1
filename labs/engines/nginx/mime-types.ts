// Content-Type by file extension: the `types` map, with nginx's built-in default when a
// configuration has no `types` block (ngx_http_core_default_types in
// src/http/ngx_http_core_module.c: html, gif and jpg only) and `default_type text/plain`.
import type { LocConf } from './loc-conf.ts';

const builtinTypes = new Map([
  ['html', 'text/html'],
  ['gif', 'image/gif'],
  ['jpg', 'image/jpeg'],
]);

export function addType(conf: LocConf, type: string, ext: string, warn: (message: string) => void): void {
  let types = conf.own<Map<string, string>>('types');
  if (!types) {
    types = new Map();
    conf.values.set('types', types);
  }
  const previous = types.get(ext);
  if (previous !== undefined) {
    warn(`duplicate extension "${ext}", content type: "${type}", previous content type: "${previous}"`);
  }
  types.set(ext, type);
}

/** The Content-Type nginx sends for a path (ngx_http_set_content_type). */
export function contentTypeFor(conf: LocConf, path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const types = conf.get<Map<string, string>>('types') ?? builtinTypes;
  if (dot > slash) {
    const ext = path.slice(dot + 1);
    const found = types.get(ext) ?? types.get(ext.toLowerCase());
    if (found !== undefined) return found;
  }
  return conf.get<string>('default_type') ?? 'text/plain';
}
