// The Gunicorn 20.1 settings the course arbiter implements: names, command-line flags,
// defaults and validation as gunicorn/config.py defines them.
// https://docs.gunicorn.org/en/20.1.0/settings.html
import { pyRepr, type PyValue } from './py-values.ts';

export interface Settings {
  bind: string[];
  workers: number;
  worker_class: string;
  threads: number;
  worker_connections: number;
  timeout: number;
  graceful_timeout: number;
  max_requests: number;
  max_requests_jitter: number;
  backlog: number;
  keepalive: number;
}

export type SettingName = keyof Settings;

export interface SettingSpec {
  name: SettingName;
  /** Command-line flags, short first, as Gunicorn spells them. */
  flags: string[];
  kind: 'int' | 'list' | 'class';
  defaultValue(env: NodeJS.ProcessEnv): Settings[SettingName];
}

const intSetting = (name: SettingName, flags: string[], value: number): SettingSpec => ({ name, flags, kind: 'int', defaultValue: () => value });

export const settingSpecs: SettingSpec[] = [
  // bind defaults to 0.0.0.0:$PORT when PORT is set (gunicorn/config.py, Bind).
  { name: 'bind', flags: ['-b', '--bind'], kind: 'list', defaultValue: (env) => [env.PORT ? `0.0.0.0:${env.PORT}` : '127.0.0.1:8000'] },
  intSetting('backlog', ['--backlog'], 2048),
  { name: 'workers', flags: ['-w', '--workers'], kind: 'int', defaultValue: (env) => Number.parseInt(env.WEB_CONCURRENCY ?? '1', 10) || 1 },
  { name: 'worker_class', flags: ['-k', '--worker-class'], kind: 'class', defaultValue: () => 'sync' },
  intSetting('threads', ['--threads'], 1),
  intSetting('worker_connections', ['--worker-connections'], 1000),
  intSetting('max_requests', ['--max-requests'], 0),
  intSetting('max_requests_jitter', ['--max-requests-jitter'], 0),
  intSetting('timeout', ['-t', '--timeout'], 30),
  intSetting('graceful_timeout', ['--graceful-timeout'], 30),
  intSetting('keepalive', ['--keep-alive'], 2),
];

export const supportedNames: ReadonlySet<string> = new Set(settingSpecs.map((s) => s.name));

export function defaultSettings(env: NodeJS.ProcessEnv): Settings {
  const settings = {} as Record<SettingName, unknown>;
  for (const spec of settingSpecs) settings[spec.name] = spec.defaultValue(env);
  return settings as unknown as Settings;
}

/** Thrown with Gunicorn's own wording, e.g. "Value must be positive: -1". */
export class SettingValueError extends Error {}

/** Python's int(text, 0): decimal, 0x, 0o, 0b, underscores, surrounding spaces. */
function intFromText(text: string): number {
  const t = text.trim().replace(/(?<=[0-9a-fA-F])_(?=[0-9a-fA-F])/g, '');
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0+|[1-9]\d*)$/.exec(t);
  if (!m) throw new SettingValueError(`invalid literal for int() with base 0: ${pyRepr({ type: 'str', value: text })}`);
  return (m[1] === '-' ? -1 : 1) * Number(m[2]!.toLowerCase());
}

/** gunicorn/config.py validate_pos_int. */
export function positiveInt(value: PyValue): number {
  let n: number;
  if (value.type === 'int') n = value.value;
  else if (value.type === 'bool') n = value.value ? 1 : 0;
  else if (value.type === 'str') n = intFromText(value.value);
  else throw new SettingValueError("int() can't convert non-string with explicit base");
  if (n < 0) throw new SettingValueError(`Value must be positive: ${n}`);
  return n;
}

/** gunicorn/config.py validate_list_string: one string or a list of strings. */
export function stringList(value: PyValue): string[] {
  if (value.type === 'none' || (value.type === 'str' && value.value === '')) return [];
  const items = value.type === 'str' ? [value] : value.type === 'list' || value.type === 'tuple' ? value.items : undefined;
  if (!items) throw new SettingValueError(`'${value.type}' object is not iterable`);
  return items.map((v) => {
    if (v.type !== 'str') throw new SettingValueError(`Not a string: ${pyRepr(v)}`);
    return v.value.trim();
  });
}

const workerClasses: Record<string, string> = {
  sync: 'sync',
  'gunicorn.workers.sync.SyncWorker': 'sync',
  'egg:gunicorn#sync': 'sync',
  gthread: 'gthread',
  'gunicorn.workers.gthread.ThreadWorker': 'gthread',
  'egg:gunicorn#gthread': 'gthread',
};

/** worker_class: the course runs Gunicorn's two built-in process/thread workers. */
export function workerClass(value: PyValue): string {
  if (value.type !== 'str') throw new SettingValueError(`Not a string: ${pyRepr(value)}`);
  const known = workerClasses[value.value.trim()];
  if (!known) {
    throw new SettingValueError(
      `worker class ${pyRepr(value)} is valid in Gunicorn but not supported by the course arbiter, which runs 'sync' and 'gthread' only (async workers such as gevent or uvicorn's are taught in the ASGI chapter)`,
    );
  }
  return known;
}

export function convertSetting(spec: SettingSpec, value: PyValue): Settings[SettingName] {
  if (spec.kind === 'int') return positiveInt(value);
  if (spec.kind === 'list') return stringList(value);
  return workerClass(value);
}

/** The worker Gunicorn actually runs: a sync class with threads > 1 becomes the thread worker. */
export function effectiveWorker(settings: Settings): { kind: 'sync' | 'gthread'; label: string } {
  if (settings.worker_class === 'sync') return settings.threads > 1 ? { kind: 'gthread', label: 'threads' } : { kind: 'sync', label: 'sync' };
  return { kind: 'gthread', label: 'gthread' };
}
