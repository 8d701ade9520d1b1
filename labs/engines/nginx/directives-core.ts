// Directives of nginx's core, events and http core modules that the course subset keeps
// (src/core/nginx.c, src/event/ngx_event.c, src/http/ngx_http.c, ngx_http_core_module.c).
import { isAbsolute, join } from 'node:path';
import type { ServerConf } from './config.ts';
import { fail, setFlag, setSize } from './conf-values.ts';
import { H, HS, SL, type Directive, type DirectiveSpec } from './directive-spec.ts';
import { listenDirective, serverNameDirective } from './directives-server.ts';
import { locationDirective } from './directives-location.ts';
import { LocConf } from './loc-conf.ts';
import type { ParseContext } from './parse-context.ts';
import { compileTemplate } from './template.ts';
import { useTemplate } from './variables-known.ts';

function rootOrAlias(d: Directive, ctx: ParseContext): string | void {
  const conf = ctx.loc!;
  const alias = d.name === 'alias';
  const existing = conf.own<{ alias: boolean }>('root');
  if (existing) {
    if (existing.alias === alias) return 'is duplicate';
    return `is duplicate, "${existing.alias ? 'alias' : 'root'}" directive was specified earlier`;
  }
  if (alias && ctx.location?.modifier === '@') fail(d, 'the "alias" directive cannot be used inside the named location');
  let path = d.args[0]!;
  // ngx_http_core_root: a root loses its trailing slash; a relative path without
  // variables starts at the prefix.
  if (!alias && path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (!path.startsWith('$') && !isAbsolute(path)) path = join(ctx.state.config.prefix, path);
  conf.values.set('root', { alias, template: useTemplate(ctx, d, compileTemplate(path)) });
}

function server(d: Directive, ctx: ParseContext): void {
  const http = ctx.http!;
  const srv: ServerConf = {
    file: d.file,
    line: d.line,
    listens: [],
    names: [],
    primaryName: '',
    conf: new LocConf(http.conf),
    locations: [],
  };
  http.servers.push(srv);
  ctx.parseBlock({ kind: 'server', http, server: srv, loc: srv.conf });
  if (srv.listens.length === 0) {
    // Without `listen`, nginx listens on *:80 when run by root, else *:8000.
    const port = typeof process.getuid === 'function' && process.getuid() === 0 ? 80 : 8000;
    srv.listens.push({ host: '*', port, defaultServer: false, file: d.file, line: d.line });
  }
}

function tryFiles(d: Directive, ctx: ParseContext): string | void {
  const last = d.args[d.args.length - 1]!;
  if (last.startsWith('=') && !/^=\d{3}$/.test(last)) fail(d, `invalid code "${last}"`);
  const value = d.args.map((a) => useTemplate(ctx, d, compileTemplate(a)));
  return ctx.loc!.setOnce('try_files', value);
}

function errorPage(d: Directive, ctx: ParseContext): string | void {
  const args = [...d.args];
  const uri = args.pop()!;
  let overwrite: number | '=' | undefined;
  const last = args[args.length - 1]!;
  if (last.startsWith('=')) {
    args.pop();
    if (last === '=') overwrite = '=';
    else if (/^=\d+$/.test(last)) overwrite = Number(last.slice(1));
    else fail(d, `invalid value "${last}"`);
    if (args.length === 0) return 'invalid number of arguments';
  }
  const codes: number[] = [];
  for (const code of args) {
    if (!/^\d+$/.test(code)) fail(d, `invalid value "${code}"`);
    const n = Number(code);
    if (n === 499) fail(d, `value "${code}" must be between 300 and 599`);
    if (n < 300 || n > 599) fail(d, `value "${code}" must be between 300 and 599`);
    codes.push(n);
  }
  ctx.loc!.push('error_page', { codes, overwrite, uri: useTemplate(ctx, d, compileTemplate(uri)) });
}

function types(_d: Directive, ctx: ParseContext): void {
  if (!ctx.loc!.own('types')) ctx.loc!.values.set('types', new Map<string, string>());
  ctx.parseBlock({ kind: 'types', http: ctx.http, server: ctx.server, location: ctx.location, loc: ctx.loc });
}

export const coreDirectives: DirectiveSpec[] = [
  { name: 'include', contexts: ['main', 'events', 'http', 'server', 'location', 'upstream'], arity: [1] },
  {
    name: 'events', contexts: ['main'], arity: [0], block: true,
    handler: (_d, ctx) => {
      if (ctx.state.config.hasEvents) return 'is duplicate';
      ctx.state.config.hasEvents = true;
      ctx.parseBlock({ kind: 'events' });
    },
  },
  { name: 'server', contexts: ['http'], arity: [0], block: true, handler: server },
  { name: 'listen', contexts: ['server'], arity: '1more', handler: listenDirective },
  { name: 'server_name', contexts: ['server'], arity: '1more', handler: serverNameDirective },
  { name: 'location', contexts: SL, arity: [1, 2], block: true, handler: locationDirective },
  { name: 'root', contexts: H, arity: [1], handler: rootOrAlias },
  { name: 'alias', contexts: ['location'], arity: [1], handler: rootOrAlias },
  { name: 'index', contexts: H, arity: '1more', handler: (d, ctx) => ctx.loc!.push('index', ...d.args.map((a) => useTemplate(ctx, d, compileTemplate(a)))) },
  { name: 'try_files', contexts: SL, arity: '2more', handler: tryFiles },
  { name: 'error_page', contexts: H, arity: '2more', handler: errorPage },
  { name: 'default_type', contexts: H, arity: [1], handler: (d, ctx) => ctx.loc!.setOnce('default_type', d.args[0]) },
  { name: 'types', contexts: H, arity: [0], block: true, handler: types },
  { name: 'internal', contexts: ['location'], arity: [0], handler: (_d, ctx) => ctx.loc!.setOnce('internal', true) },
  { name: 'client_max_body_size', contexts: H, arity: [1], handler: (d, ctx) => setSize(d, ctx.loc!) },
  { name: 'server_tokens', contexts: H, arity: [1], handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'merge_slashes', contexts: HS, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'port_in_redirect', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'absolute_redirect', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'server_name_in_redirect', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
  { name: 'recursive_error_pages', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
];
