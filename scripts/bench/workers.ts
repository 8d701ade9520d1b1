// Per-request overhead of the course arbiter (course-gunicorn) next to a bare Node server on
// this machine, in the same run, with the graders' own load tool (graders/kit/load): both serve
// the same free endpoint (no modelled cost), and both close the connection after each answer,
// as a sync worker does. The arbiter runs one sync worker, so the two differ only by what the
// arbiter adds: the master accepting each connection and piping it to the worker's private
// port, and the worker's request handling. Debian's Gunicorn 20.1 with one sync worker and a
// WSGI twin of the app runs too when installed, for scale: the real tool is Python. Each target
// is measured with one client (the latency a request pays) and with --clients clients (the
// throughput), twice, alternating.
// The lab's check time comes from labs.ts (node scripts/bench/labs.ts --lab tune-the-workers),
// its flakiness from tune-the-workers-flakiness.ts.
// A script, not a test.   node scripts/bench/workers.ts [--seconds 3] [--clients 8] [--port 4520]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runLoad, type LoadReport } from '../../graders/kit/load/load-generator.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, clients: { type: 'string', default: '8' }, port: { type: 'string', default: '4520' } },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const PORT = Number(values.port);
if (!(seconds >= 1 && seconds <= 30) || !Number.isInteger(clients) || clients < 2 || clients > 64) {
  console.error('workers bench: --seconds must be from 1 to 30 and --clients a whole number from 2 to 64');
  process.exit(1);
}
if (!Number.isInteger(PORT) || PORT < 1024 || PORT > 65535) {
  console.error(`workers bench: --port must be a whole number from 1024 to 65535 (got "${values.port}")`);
  process.exit(1);
}

const body = 'hello, workers\n';
const dir = mkdtempSync(join(tmpdir(), 'course-workers-bench-'));
// The endpoint is not in machine.json, so it costs nothing in the model (worker-costs.ts,
// freeEndpoint): what is measured is the arbiter itself, not a modelled wait.
writeFileSync(join(dir, 'app.mjs'), `export const app = { 'GET /': () => ${JSON.stringify(body)} };\n`);
writeFileSync(join(dir, 'machine.json'), JSON.stringify({ cores: 4, memory_mib: 2048, master_mib: 48, worker_mib: 184, thread_mib: 8 }));
// The floor: node:http and nothing else, closing each connection like a sync worker.
const bareServer = `require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': ${Buffer.byteLength(body)}, Connection: 'close' });
  res.end(${JSON.stringify(body)});
}).listen(${PORT}, '127.0.0.1');`;

writeFileSync(
  join(dir, 'bench_app.py'),
  `def application(environ, start_response):\n    body = ${JSON.stringify(body)}.encode()\n    start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8'), ('Content-Length', str(len(body)))])\n    return [body]\n`,
);
const gunicornBinary = process.env.GUNICORN_BINARY ?? '/usr/bin/gunicorn';

const bare = 'bare Node';
const arbiter = 'course-gunicorn -w 1';
const targets: Record<string, () => ChildProcess> = {
  [bare]: () => spawn(process.execPath, ['-e', bareServer], { stdio: 'ignore' }),
  [arbiter]: () =>
    spawn(process.execPath, [join(import.meta.dirname, '../../labs/engines/workers/cli.ts'), '-w', '1', '-b', `127.0.0.1:${PORT}`, '--machine', 'machine.json', 'app:app'], { cwd: dir, stdio: 'ignore' }),
};
if (existsSync(gunicornBinary)) targets['Gunicorn 20.1 -w 1 (Python)'] = () => spawn(gunicornBinary, ['-w', '1', '-b', `127.0.0.1:${PORT}`, 'bench_app:application'], { cwd: dir, stdio: 'ignore' });
else console.log(`workers bench: ${gunicornBinary} is not installed, so Gunicorn is left out (Debian: apt-get install gunicorn)`);

function waitForPort(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 15_000;
    const attempt = () => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => (s.destroy(), resolve()));
      s.once('error', () => (Date.now() > deadline ? reject(new Error(`nothing listens on ${port} after 15 s; is the port taken? pass another --port`)) : setTimeout(attempt, 20)));
    };
    attempt();
  });
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

async function load(concurrency: number, durationMs: number): Promise<LoadReport> {
  const report = await runLoad({ host: '127.0.0.1', port: PORT, request: () => ({ path: '/' }), concurrency, durationMs, keepAlive: false, timeoutMs: 5000 });
  const bad = report.sent - (report.statuses['200'] ?? 0);
  if (bad > 0) throw new Error(`${bad} of ${report.sent} requests got no 200 (${JSON.stringify({ errors: report.errors, statuses: report.statuses })}): the server under test is not answering`);
  return report;
}

const scenarios = { serial: 1, concurrent: clients } as const;
type Scenario = keyof typeof scenarios;
const results: Record<string, Record<Scenario, LoadReport[]>> = Object.fromEntries(Object.keys(targets).map((name) => [name, { serial: [], concurrent: [] }]));
const loadBefore = loadavg();
try {
  for (let round = 0; round < 2; round++) {
    for (const [name, start] of Object.entries(targets)) {
      const child = start();
      try {
        await waitForPort(PORT);
        await load(2, 500);
        for (const [scenario, concurrency] of Object.entries(scenarios) as Array<[Scenario, number]>) results[name]![scenario].push(await load(concurrency, seconds * 1000));
      } finally {
        await stop(child);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The run with the most requests per second: the one least disturbed by the rest of the machine. */
const best = (reports: LoadReport[]) => reports.reduce((a, b) => (b.throughput > a.throughput ? b : a));
const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log(`workers bench: GET / answered from memory, a new connection per request, ${seconds} s per run, best of 2, loopback; Node ${process.versions.node}, ${availableParallelism()} cores`);
console.log(`  one client, one request at a time           req/s    mean       p50`);
for (const scenario of Object.keys(scenarios) as Scenario[]) {
  if (scenario === 'concurrent') console.log(`  ${clients} clients at once                             req/s    mean       p50`);
  for (const name of Object.keys(targets)) {
    const { throughput, latencyMs } = best(results[name]![scenario]);
    console.log(`    ${name.padEnd(38)} ${throughput.toFixed(0).padStart(7)}   ${ms(latencyMs.mean).padStart(8)}   ${ms(latencyMs.p50).padStart(8)}`);
  }
  const floor = best(results[bare]![scenario]);
  const ours = best(results[arbiter]![scenario]);
  // With one client, a request's extra latency is the overhead; with many, the extra time the
  // machine spends per request is 1 / throughput, whatever waits in the queue meanwhile.
  const overhead =
    scenario === 'serial'
      ? `${ms(ours.latencyMs.mean - floor.latencyMs.mean)} on the mean latency, ${ms(ours.latencyMs.p50 - floor.latencyMs.p50)} on p50`
      : `${ms(1000 / ours.throughput - 1000 / floor.throughput)} of the machine's time per request (1 / req/s)`;
  console.log(`    course-gunicorn's overhead per request: ${overhead}; bare Node serves ${(floor.throughput / ours.throughput).toFixed(2)}× the requests per second`);
}
console.log(`  machine load average: ${loadBefore.map((n) => n.toFixed(1)).join(' ')} before, ${loadavg().map((n) => n.toFixed(1)).join(' ')} after (other work on the machine slows the arbiter more: it runs two processes per request)`);
