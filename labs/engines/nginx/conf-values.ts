// Parsers for directive values, as nginx's ngx_conf_set_*_slot helpers and ngx_parse_time /
// ngx_parse_size (src/core/ngx_conf_file.c, src/core/ngx_parse.c) read them.
import { ConfError } from './conf-error.ts';
import type { Directive } from './directive-spec.ts';
import type { LocConf } from './loc-conf.ts';

export function fail(d: Directive, detail: string): never {
  throw new ConfError(detail, d.file, d.line);
}

const timeUnits: Record<string, number> = { y: 31536000000, M: 2592000000, w: 604800000, d: 86400000, h: 3600000, m: 60000, s: 1000, ms: 1 };
const unitOrder = ['y', 'M', 'w', 'd', 'h', 'm', 's', 'ms'];

/** "1h30m", "10s", "500ms", "60" (seconds) → milliseconds; undefined when invalid. */
export function parseTimeMs(value: string, secondsOnly = false): number | undefined {
  const re = /\s*(\d+)(ms|[yMwdhms])?/y;
  let total = 0;
  let lastUnit = -1;
  let pos = 0;
  let matched = false;
  while (pos < value.length) {
    re.lastIndex = pos;
    const m = re.exec(value);
    if (!m) return undefined;
    const unit = m[2] ?? 's';
    const order = unitOrder.indexOf(unit);
    if (order <= lastUnit || (secondsOnly && unit === 'ms')) return undefined;
    lastUnit = m[2] === undefined ? unitOrder.length : order;
    total += Number(m[1]) * timeUnits[unit]!;
    pos = re.lastIndex;
    matched = true;
  }
  return matched ? total : undefined;
}

/** "1m", "512k", "10" → bytes (ngx_parse_size); undefined when invalid. */
export function parseSize(value: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(value);
  if (!m) return undefined;
  const scale = { '': 1, k: 1024, m: 1048576, g: 1073741824 }[m[2]!.toLowerCase()]!;
  return Number(m[1]) * scale;
}

export function setFlag(d: Directive, conf: LocConf, key = d.name): string | void {
  if (conf.own(key) !== undefined) return 'is duplicate';
  conf.values.set(key, parseFlag(d));
}

export function parseFlag(d: Directive): boolean {
  const v = d.args[0]!.toLowerCase();
  if (v === 'on') return true;
  if (v === 'off') return false;
  fail(d, `invalid value "${d.args[0]}" in "${d.name}" directive, it must be "on" or "off"`);
}

export function setMsec(d: Directive, conf: LocConf): string | void {
  if (conf.own(d.name) !== undefined) return 'is duplicate';
  const ms = parseTimeMs(d.args[0]!);
  if (ms === undefined) return 'invalid value';
  conf.values.set(d.name, ms);
}

export function setSize(d: Directive, conf: LocConf): string | void {
  if (conf.own(d.name) !== undefined) return 'is duplicate';
  const bytes = parseSize(d.args[0]!);
  if (bytes === undefined) return 'invalid value';
  conf.values.set(d.name, bytes);
}

export function setNumber(d: Directive, conf: LocConf): string | void {
  if (conf.own(d.name) !== undefined) return 'is duplicate';
  if (!/^\d+$/.test(d.args[0]!)) return 'invalid number';
  conf.values.set(d.name, Number(d.args[0]));
}
