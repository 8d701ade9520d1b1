// limit_req_zone and limit_req (src/http/modules/ngx_http_limit_req_module.c).
import type { LimitReqZone } from './config.ts';
import { fail, parseSize, setFlag } from './conf-values.ts';
import { H, type Directive, type DirectiveSpec } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { compileTemplate } from './template.ts';
import { useTemplate } from './variables-known.ts';

export interface LimitReq {
  zone: string;
  burst: number;
  /** Requests beyond this many (of the burst) are delayed; Infinity means never (nodelay). */
  delay: number;
}

function limitReqZone(d: Directive, ctx: ParseContext): void {
  const key = useTemplate(ctx, d, compileTemplate(d.args[0]!));
  let name = '';
  let size = 0;
  let rate = 0;
  for (const param of d.args.slice(1)) {
    if (param.startsWith('zone=')) {
      const spec = param.slice(5);
      const colon = spec.lastIndexOf(':');
      if (colon === -1) fail(d, `invalid zone size "${param}"`);
      name = spec.slice(0, colon);
      const bytes = parseSize(spec.slice(colon + 1));
      if (bytes === undefined || bytes === 0) fail(d, `invalid zone size "${param}"`);
      size = bytes;
    } else if (param.startsWith('rate=')) {
      const m = /^(\d+)r\/([sm])$/.exec(param.slice(5));
      if (!m || Number(m[1]) === 0) fail(d, `invalid rate "${param}"`);
      rate = (Number(m[1]) * 1000) / (m[2] === 'm' ? 60 : 1);
    } else if (param === 'sync') {
      fail(d, 'valid in nginx, not supported by the course proxy: "limit_req_zone ... sync"');
    } else fail(d, `invalid parameter "${param}"`);
  }
  if (!name) fail(d, `"${d.name}" must have "zone" parameter`);
  if (rate === 0) rate = 1000;
  const http = ctx.http!;
  const existing = http.limitReqZones.get(name);
  if (existing && existing.sizeBytes > 0) fail(d, `duplicate zone "${name}"`);
  const zone: LimitReqZone = { name, key, ratePerMs1000: rate, sizeBytes: size, used: existing?.used ?? false, file: d.file, line: d.line };
  http.limitReqZones.set(name, zone);
}

function limitReq(d: Directive, ctx: ParseContext): void {
  let zone = '';
  let burst = 0;
  let delay = 0;
  for (const param of d.args) {
    if (param.startsWith('zone=')) zone = param.slice(5);
    else if (param.startsWith('burst=')) {
      if (!/^\d+$/.test(param.slice(6)) || Number(param.slice(6)) === 0) fail(d, `invalid burst value "${param}"`);
      burst = Number(param.slice(6));
    } else if (param.startsWith('delay=')) {
      if (!/^\d+$/.test(param.slice(6))) fail(d, `invalid delay value "${param}"`);
      delay = Number(param.slice(6));
    } else if (param === 'nodelay') delay = Infinity;
    else fail(d, `invalid parameter "${param}"`);
  }
  if (!zone) fail(d, `"${d.name}" must have "zone" parameter`);
  const http = ctx.http!;
  if (!http.limitReqZones.has(zone)) {
    http.limitReqZones.set(zone, { name: zone, key: compileTemplate(''), ratePerMs1000: 0, sizeBytes: 0, used: true, file: d.file, line: d.line });
  }
  http.limitReqZones.get(zone)!.used = true;
  const list = ctx.loc!.own<LimitReq[]>('limit_req') ?? [];
  if (list.some((l) => l.zone === zone)) fail(d, `duplicate limit_req "${zone}"`);
  ctx.loc!.push<LimitReq>('limit_req', { zone, burst, delay });
}

function limitReqStatus(d: Directive, ctx: ParseContext): string | void {
  if (ctx.loc!.own(d.name) !== undefined) return 'is duplicate';
  const n = /^\d+$/.test(d.args[0]!) ? Number(d.args[0]) : NaN;
  if (Number.isNaN(n)) return 'invalid number';
  if (n < 400 || n > 599) fail(d, 'value must be between 400 and 599');
  ctx.loc!.values.set(d.name, n);
}

export const limitReqDirectives: DirectiveSpec[] = [
  { name: 'limit_req_zone', contexts: ['http'], arity: [3, 4], handler: limitReqZone },
  { name: 'limit_req', contexts: H, arity: [1, 2, 3], handler: limitReq },
  { name: 'limit_req_status', contexts: H, arity: [1], handler: limitReqStatus },
  { name: 'limit_req_dry_run', contexts: H, arity: 'flag', handler: (d, ctx) => setFlag(d, ctx.loc!) },
];
