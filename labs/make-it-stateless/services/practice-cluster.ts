// What `node launch.mjs` starts when no CACHE_URL is set (Run in the course, `npm run lab --
// start make-it-stateless`): the course cache, three instances of the learner's server.js on
// PORT + 1, PORT + 2 and PORT + 3, and the course proxy on PORT balancing between them with
// round robin, the same setup the checks build. Every instance is this launcher again, started
// as a child process with CACHE_URL set, so it only loads server.js.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { startCacheServer } from '../../engines/redis/server.ts';
import { startCourseProxy } from './course-proxy.ts';
import type { InstanceAddress } from './proxy-conf.ts';

export interface PracticeClusterOptions {
  host: string;
  port: number;
  sessionTtlSeconds: number;
  /** The launcher file, run again for each instance. */
  launcher: string;
  cwd: string;
  say(line: string): void;
}

/** Set for the instances the launcher starts, which then end when their stdin (the launcher) does. */
export const practiceInstanceVariable = 'PRACTICE_INSTANCE';

const instanceCount = 3;
const readyTimeoutMs = 10_000;

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(250);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function listening(child: ChildProcess, address: InstanceAddress): Promise<boolean> {
  const until = Date.now() + readyTimeoutMs;
  while (Date.now() < until && child.exitCode === null && child.signalCode === null) {
    if (await accepts(address.host, address.port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** TERM, then KILL if the instance is still there after a second; resolves once it is gone. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function prefixLines(stream: NodeJS.ReadableStream | null, label: string, write: (line: string) => void): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) write(`[${label}] ${line}`);
  });
}

export async function startPracticeCluster(options: PracticeClusterOptions): Promise<() => Promise<void>> {
  const { host, port, say } = options;
  const cache = await startCacheServer({ port: 0, host, log: (line) => say(`cache: ${line}`) });
  const cacheUrl = `redis://${cache.host}:${cache.port}`;
  say(`practice cache at ${cacheUrl}; sessions last SESSION_TTL_SECONDS=${options.sessionTtlSeconds} s`);
  const instances: InstanceAddress[] = Array.from({ length: instanceCount }, (_, i) => ({ name: `app-${i + 1}`, host, port: port + i + 1 }));
  const children = instances.map((address) => {
    const env = { ...process.env, PORT: String(address.port), HOST: host, CACHE_URL: cacheUrl, SESSION_TTL_SECONDS: String(options.sessionTtlSeconds), INSTANCE_NAME: address.name, [practiceInstanceVariable]: '1' };
    // stdin stays open as a lifeline: it ends when this launcher dies, however it dies.
    const child = spawn(process.execPath, [options.launcher], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    prefixLines(child.stdout, address.name, (line) => console.log(line));
    prefixLines(child.stderr, address.name, (line) => console.error(line));
    child.once('exit', (code, signal) => say(`${address.name} ${signal ? `was ended by ${signal}` : `exited with code ${code}`}; the proxy passes its turns to the other instances. Start the launcher again (Run, or npm run lab -- start) to bring it back.`));
    return child;
  });
  const ready = await Promise.all(children.map((child, i) => listening(child, instances[i] as InstanceAddress)));
  const up = instances.flatMap((instance, i) => (ready[i] ? [`${instance.name} on ${instance.host}:${instance.port} (pid ${children[i]?.pid})`] : []));
  say(up.length ? `listening: ${up.join(', ')}` : 'no instance is listening; read their output above');
  const proxy = await startCourseProxy({ host, port, instances, accessLog: true }, { stdout: (line) => console.log(`[proxy] ${line}`), stderr: (line) => console.error(`[proxy] ${line}`) });
  say(`the course proxy balances ${proxy.url} over the three instances, with this nginx.conf:\n${proxy.conf}`);
  say(`try: curl -i -c jar -b jar -H 'Content-Type: application/json' -d '{"user":"ada"}' ${proxy.url}/login, then curl -i -b jar ${proxy.url}/me a few times`);
  return async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    await proxy.close();
    await cache.close();
  };
}
