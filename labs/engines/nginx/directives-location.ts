// `location` (ngx_http_core_location in src/http/ngx_http_core_module.c): the modifier, the
// nesting rules nginx enforces, and the block's own configuration level.
import type { LocationBlock, LocationModifier } from './config.ts';
import { fail } from './conf-values.ts';
import type { Directive } from './directive-spec.ts';
import { regexGroupNames } from './directives-server.ts';
import { LocConf } from './loc-conf.ts';
import type { ParseContext } from './parse-context.ts';
import { compileRegex } from './regex.ts';

function splitModifier(d: Directive): { modifier: LocationModifier; name: string } {
  if (d.args.length === 2) {
    const [mod, name] = d.args as [string, string];
    if (mod === '=' || mod === '^~' || mod === '~' || mod === '~*') return { modifier: mod, name };
    fail(d, `invalid location modifier "${mod}"`);
  }
  const arg = d.args[0]!;
  if (arg.startsWith('=')) return { modifier: '=', name: arg.slice(1) };
  if (arg.startsWith('^~')) return { modifier: '^~', name: arg.slice(2) };
  if (arg.startsWith('~*')) return { modifier: '~*', name: arg.slice(2) };
  if (arg.startsWith('~')) return { modifier: '~', name: arg.slice(1) };
  if (arg.startsWith('@')) return { modifier: '@', name: arg };
  return { modifier: '', name: arg };
}

const isRegex = (m: LocationModifier) => m === '~' || m === '~*';

export function locationDirective(d: Directive, ctx: ParseContext): void {
  const { modifier, name } = splitModifier(d);
  const parent = ctx.location;
  if (parent) {
    if (parent.modifier === '=') fail(d, `location "${name}" cannot be inside the exact location "${parent.name}"`);
    if (parent.modifier === '@') fail(d, `location "${name}" cannot be inside the named location "${parent.name}"`);
    if (modifier === '@') fail(d, `named location "${name}" can be on the server level only`);
    if (!isRegex(modifier) && !isRegex(parent.modifier) && !name.startsWith(parent.name)) {
      fail(d, `location "${name}" is outside location "${parent.name}"`);
    }
  }
  const block: LocationBlock = {
    modifier,
    name,
    file: d.file,
    line: d.line,
    conf: new LocConf(ctx.loc),
    locations: [],
    ...(parent ? { parent } : {}),
  };
  if (isRegex(modifier)) {
    block.regex = compileRegex(d, name, modifier === '~*');
    for (const group of Object.keys(regexGroupNames(name))) ctx.state.captureNames.add(group);
  }
  (parent ? parent.locations : ctx.server!.locations).push(block);
  ctx.parseBlock({ kind: 'location', http: ctx.http, server: ctx.server, location: block, loc: block.conf });
}
