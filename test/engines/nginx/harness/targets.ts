// The two servers under comparison: Debian's nginx started in a throwaway prefix (pid, logs
// and temp files inside it, never as a system service), and the course proxy in this process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../../../../labs/engines/nginx/load-config.ts';
import { startProxy } from '../../../../labs/engines/nginx/proxy-server.ts';
import { runCli } from '../../../../labs/engines/nginx/cli.ts';

export const nginxBinary = process.env.NGINX_BINARY ?? '/usr/sbin/nginx';
export const nginxAvailable = () => existsSync(nginxBinary);

export interface RunningTarget {
  stop(): Promise<void>;
}

/** The main-context lines every corpus config starts with; the http block is the case's own. */
export function wrapConfig(prefix: string, http: string): string {
  const tmp = (n: string) => join(prefix, 'tmp', n);
  return [
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')};`,
    'events { worker_connections 64; }',
    'http {',
    `  client_body_temp_path ${tmp('body')}; proxy_temp_path ${tmp('proxy')}; fastcgi_temp_path ${tmp('fastcgi')};`,
    `  uwsgi_temp_path ${tmp('uwsgi')}; scgi_temp_path ${tmp('scgi')};`,
    `  access_log ${join(prefix, 'access.log')};`,
    http,
    '}',
    '',
  ].join('\n');
}

export function writeFiles(prefix: string, files: Record<string, string>): void {
  mkdirSync(join(prefix, 'tmp'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(prefix, name, '..'), { recursive: true });
    writeFileSync(join(prefix, name), text);
  }
}

async function waitForPort(port: number, child?: ChildProcess, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (open) return;
    if (child && child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode} before listening on ${port}`);
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startRealNginx(prefix: string, ports: number[]): Promise<RunningTarget> {
  const child = spawn(nginxBinary, ['-p', `${prefix}/`, '-c', 'nginx.conf', '-g', 'daemon off; master_process off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    for (const port of ports) await waitForPort(port, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export async function startCourseProxy(prefix: string): Promise<RunningTarget> {
  const outcome = await loadConfig({ prefix, confFile: 'nginx.conf' });
  if (!outcome.config) throw new Error(`course proxy rejected the config: ${(outcome.parseError ?? outcome.initError)?.message}`);
  const proxy = await startProxy(outcome, { stdout: () => undefined, stderr: () => undefined });
  return { stop: () => proxy.close() };
}

/** `nginx -t` output with the timestamp prefix of Debian's stderr log turned into "nginx: ". */
export function realConfigTest(prefix: string): string[] {
  const r = spawnSync(nginxBinary, ['-t', '-p', `${prefix}/`, '-c', 'nginx.conf'], { encoding: 'utf8' });
  return r.stderr.trim().split('\n').map((line) => line.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(\w+)\] \d+#\d+: (?:\*\d+ )?/, 'nginx: [$1] '));
}

export async function courseConfigTest(prefix: string): Promise<string[]> {
  const lines: string[] = [];
  await runCli(['-t', '-p', `${prefix}/`, '-c', 'nginx.conf'], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return lines;
}
