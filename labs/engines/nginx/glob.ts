// Expands an `include` pattern the way nginx does with glob(3) (ngx_open_glob in
// src/os/unix/ngx_files.c): "*", "?" and "[...]" match within one path component, a
// wildcard never matches a leading dot, results come sorted in byte order, and a pattern
// that matches nothing is not an error.
import { readdirSync, statSync } from 'node:fs';

export const hasGlobChars = (pattern: string) => /[*?[]/.test(pattern);

function componentRegex(part: string): RegExp {
  let src = '';
  for (let i = 0; i < part.length; i++) {
    const ch = part[i]!;
    if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else if (ch === '[') {
      const end = part.indexOf(']', i + 2);
      if (end === -1) {
        src += '\\[';
        continue;
      }
      let body = part.slice(i + 1, end);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      src += '[' + body.replace(/\\/g, '\\\\') + ']';
      i = end;
    } else src += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Absolute pattern in, sorted matching paths out. */
export function expandGlob(pattern: string): string[] {
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let bases = [parts[0] === '' ? '/' : parts[0]!];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      const join = (name: string) => (base.endsWith('/') ? base + name : `${base}/${name}`);
      if (!hasGlobChars(part)) {
        next.push(join(part));
        continue;
      }
      if (!isDirectory(base)) continue;
      const re = componentRegex(part);
      for (const name of readdirSync(base)) {
        if (name.startsWith('.') && !part.startsWith('.')) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    bases = last ? next : next.filter(isDirectory);
  }
  return bases.filter((p) => {
    try {
      statSync(p);
      return true;
    } catch {
      return false;
    }
  }).sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
}
