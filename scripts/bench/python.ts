// The course's Python app server next to the real one, in the same run, on the same app
// (test/fixtures/python/apps/wsgi_app.py, route "/"): a script, not a test.
// - cold start of course-wsgi in Node: spawn → port accepts, and spawn → first 200 response,
//   beside gunicorn's (which listens before its worker has imported the app);
// - requests/s of course-wsgi vs gunicorn with one sync worker: C concurrent loopback clients,
//   each request on a new connection (both servers close after every response), for S seconds,
//   twice each, alternating.
//   node scripts/bench/python.ts [--runs 3] [--seconds 3] [--connections 4] [--port 23400]
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fixtureApps, gunicornBinary, realServerAvailable } from '../../test/engines/python/harness/servers.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, seconds: { type: 'string', default: '3' }, connections: { type: 'string', default: '4' }, port: { type: 'string', default: '23400' } },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = Number(values.port);
if (!(Number.isInteger(runs) && runs >= 1 && runs <= 10) || !(seconds >= 1 && seconds <= 30) || !(Number.isInteger(connections) && connections >= 1 && connections <= 64) || !(Number.isInteger(port) && port >= 1024 && port <= 65534)) {
  console.error('python bench: --runs 1-10, --seconds 1-30, --connections 1-64 and --port 1024-65534 (the real server uses the port after it)');
  process.exit(2);
}

const courseCommand = [process.execPath, [new URL('../../labs/engines/wsgi/cli.ts', import.meta.url).pathname, 'wsgi_app:application', '-b', `127.0.0.1:${port}`]] as const;
const gunicornCommand = [gunicornBinary, ['-w', '1', '-k', 'sync', '-b', `127.0.0.1:${port + 1}`, 'wsgi_app:application']] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function accepts(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port: p });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

function get(p: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: p, path: '/', agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}

interface Started {
  child: ChildProcess;
  listeningMs: number;
  firstResponseMs: number;
}

async function start([command, args]: readonly [string, readonly string[]], p: number): Promise<Started> {
  if (await accepts(p)) throw new Error(`port ${p} is taken; pass another --port`);
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: fixtureApps, stdio: 'ignore', detached: true });
  while (!(await accepts(p))) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode} before listening`);
    if (performance.now() - t0 > 180_000) throw new Error(`${command} did not listen within 180 s`);
    await sleep(10);
  }
  const listeningMs = performance.now() - t0;
  while ((await get(p)) !== 200) await sleep(10);
  return { child, listeningMs, firstResponseMs: performance.now() - t0 };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-(child.pid as number), 'SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => process.kill(-(child.pid as number), 'SIGKILL'))]);
}

async function throughput(p: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let ok = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) if ((await get(p)) === 200) ok++;
    }),
  );
  return ok / seconds;
}

const hasGunicorn = realServerAvailable(gunicornBinary);
console.log(`python bench: load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${runs} cold starts each, ${connections} clients × ${seconds} s × 2 rounds`);
if (!hasGunicorn) console.log(`python bench: ${gunicornBinary} is not installed (apt-get install gunicorn); course-wsgi figures only`);

const cold = { course: [] as Started[], gunicorn: [] as Started[] };
for (let i = 0; i < runs; i++) {
  const course = await start(courseCommand, port);
  await stop(course.child);
  cold.course.push(course);
  if (hasGunicorn) {
    const real = await start(gunicornCommand, port + 1);
    await stop(real.child);
    cold.gunicorn.push(real);
  }
}
const ms = (xs: Started[], key: 'listeningMs' | 'firstResponseMs') => `${median(xs.map((x) => x[key])).toFixed(0)} ms`;
console.log(`cold start, spawn → listening (median): course-wsgi ${ms(cold.course, 'listeningMs')}${hasGunicorn ? `, gunicorn ${ms(cold.gunicorn, 'listeningMs')}` : ''}`);
console.log(`cold start, spawn → first 200 (median):  course-wsgi ${ms(cold.course, 'firstResponseMs')}${hasGunicorn ? `, gunicorn ${ms(cold.gunicorn, 'firstResponseMs')}` : ''}`);

const course = await start(courseCommand, port);
const real = hasGunicorn ? await start(gunicornCommand, port + 1) : undefined;
const rates = { course: [] as number[], gunicorn: [] as number[] };
try {
  for (let round = 0; round < 2; round++) {
    rates.course.push(await throughput(port));
    if (real) rates.gunicorn.push(await throughput(port + 1));
  }
} finally {
  await stop(course.child);
  if (real) await stop(real.child);
}
const best = (xs: number[]) => Math.max(...xs);
console.log(`requests/s, GET / (best of 2): course-wsgi ${best(rates.course).toFixed(0)}${real ? `, gunicorn 1 sync worker ${best(rates.gunicorn).toFixed(0)}, ratio ${(best(rates.course) / best(rates.gunicorn)).toFixed(2)}` : ''}`);
