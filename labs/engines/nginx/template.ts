// Strings with variables, compiled once at configuration time like nginx's
// ngx_http_script_compile(): "$name", "${name}" and regex captures "$1".."$9".

export type TemplatePart = { lit: string } | { variable: string } | { capture: number };

export interface Template {
  source: string;
  parts: TemplatePart[];
  hasVariables: boolean;
}

const nameChar = /[A-Za-z0-9_]/;

/** Throws a phrase for ConfError when a "${" is not closed or a "$" names nothing. */
export function compileTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  let lit = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch !== '$') {
      lit += ch;
      continue;
    }
    const next = source[i + 1];
    if (next !== undefined && next >= '1' && next <= '9') {
      if (lit) parts.push({ lit });
      lit = '';
      parts.push({ capture: Number(next) });
      i++;
      continue;
    }
    let name = '';
    if (next === '{') {
      const close = source.indexOf('}', i + 2);
      if (close === -1) {
        throw new TemplateError(`the closing bracket in "${source.slice(i + 2)}" variable is missing`);
      }
      name = source.slice(i + 2, close);
      i = close;
    } else {
      let j = i + 1;
      while (j < source.length && nameChar.test(source[j]!)) j++;
      name = source.slice(i + 1, j);
      i = j - 1;
    }
    if (!name) throw new TemplateError(`invalid variable name in "${source}"`);
    if (lit) parts.push({ lit });
    lit = '';
    parts.push({ variable: name.toLowerCase() });
  }
  if (lit) parts.push({ lit });
  return { source, parts, hasVariables: parts.some((p) => !('lit' in p)) };
}

export class TemplateError extends Error {}

export type VariableLookup = (name: string) => string | undefined;

export function renderTemplate(t: Template, lookup: VariableLookup, captures?: readonly (string | undefined)[]): string {
  if (!t.hasVariables) return t.source;
  let out = '';
  for (const part of t.parts) {
    if ('lit' in part) out += part.lit;
    else if ('variable' in part) out += lookup(part.variable) ?? '';
    else out += captures?.[part.capture] ?? '';
  }
  return out;
}

export function variablesOf(t: Template): string[] {
  return t.parts.flatMap((p) => ('variable' in p ? [p.variable] : []));
}
