// The directive table of the course subset: every supported directive with its contexts and
// argument count, as nginx declares them in its modules' ngx_command_t arrays.
import type { DirectiveSpec } from './directive-spec.ts';
import { coreDirectives } from './directives-core.ts';
import { gzipDirectives } from './directives-gzip.ts';
import { headerDirectives } from './directives-headers.ts';
import { httpDirectives } from './directives-http.ts';
import { limitReqDirectives } from './directives-limit-req.ts';
import { logDirectives } from './directives-log.ts';
import { noEffectDirectives } from './directives-no-effect.ts';
import { proxyDirectives } from './directives-proxy.ts';
import { rewriteDirectives } from './directives-rewrite.ts';
import { upstreamDirectives } from './directives-upstream.ts';

let table: Map<string, DirectiveSpec[]> | undefined;

export function allDirectives(): DirectiveSpec[] {
  return [
    ...httpDirectives, ...coreDirectives, ...rewriteDirectives, ...headerDirectives, ...proxyDirectives,
    ...upstreamDirectives, ...gzipDirectives, ...limitReqDirectives, ...logDirectives, ...noEffectDirectives,
  ];
}

export function directivesNamed(name: string): DirectiveSpec[] {
  if (!table) {
    table = new Map();
    for (const spec of allDirectives()) table.set(spec.name, [...(table.get(spec.name) ?? []), spec]);
  }
  return table.get(name) ?? [];
}
