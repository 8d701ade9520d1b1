// Throughput of the course proxy (course-nginx) next to Debian's nginx on this machine, in the
// same run, through the same upstream: a small Node load loop on loopback keeps C keep-alive
// connections busy for a few seconds against each proxy in turn (twice, alternating), for a
// proxied location and a static file; then the differential corpus for its size and agreement,
// and the wall time of `npm run lab -- check reverse-proxy` on the lab's solution.
// A script, not a test.   node scripts/bench/nginx.ts [--seconds 3] [--connections 32] [--port 4500] [--checks 3]
// (the proxies listen on --port, the upstream on the port after it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { canListen, freePort } from '../../graders/kit/process/port-probe.ts';
import { runCorpus } from '../../test/engines/nginx/harness/run-corpus.ts';
import { nginxAvailable, nginxBinary } from '../../test/engines/nginx/harness/targets.ts';
import { copyProgram, repoRoot } from '../lab/lab-folders.ts';

const GOAL = 0.5;

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' }, connections: { type: 'string', default: '32' }, port: { type: 'string', default: '4500' },
    checks: { type: 'string', default: '3' },
  },
});
const checkRuns = Number(values.checks);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const PROXY_PORT = Number(values.port);
const UPSTREAM_PORT = PROXY_PORT + 1;
if (!(seconds >= 1 && seconds <= 30) || !Number.isInteger(connections) || connections < 1 || connections > 256) {
  console.error('nginx bench: --seconds must be from 1 to 30 and --connections a whole number from 1 to 256');
  process.exit(1);
}
if (!Number.isInteger(checkRuns) || checkRuns < 0 || checkRuns > 20) {
  console.error('nginx bench: --checks (runs of the lab check on the solution) must be a whole number from 0 to 20');
  process.exit(1);
}
if (!Number.isInteger(PROXY_PORT) || PROXY_PORT < 1024 || PROXY_PORT > 65534) {
  console.error(`nginx bench: --port must be a whole number from 1024 to 65534 (got "${values.port}"); the upstream uses the next port`);
  process.exit(1);
}
if (!nginxAvailable()) {
  console.log(`nginx bench: skipped, ${nginxBinary} is not installed (Debian: apt-get install nginx)`);
  process.exit(0);
}

/**
 * The upstream both proxies use: answers every request with a small fixed body; it closes the
 * connection after an HTTP/1.0 or "Connection: close" request (nginx's default) and keeps it
 * open otherwise (the keepalive scenario).
 */
function startUpstream() {
  const body = 'hello, proxy\n';
  const keep = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  const close = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  const server = createServer((socket) => {
    let buf = '';
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      for (let end = buf.indexOf('\r\n\r\n'); end !== -1; end = buf.indexOf('\r\n\r\n')) {
        const head = buf.slice(0, end);
        buf = buf.slice(end + 4);
        if (head.startsWith('GET') && (/ HTTP\/1\.0\r\n/.test(head) || /\r\nconnection: *close/i.test(head))) return void socket.end(close);
        socket.write(keep);
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise<typeof server>((resolve) => server.listen(UPSTREAM_PORT, '127.0.0.1', () => resolve(server)));
}

/** Keeps `connections` keep-alive connections sending GET path for `ms`; returns requests/s. */
function load(path: string, ms: number): Promise<number> {
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: bench.test\r\nUser-Agent: course-bench\r\n\r\n`);
  let done = 0;
  let failures = 0;
  const deadline = Date.now() + ms;
  // One client: a keep-alive connection that sends the next request when the previous answer
  // is complete, and reconnects when the server closes it (nginx does after keepalive_requests).
  const one = () => new Promise<void>((resolve) => {
    const open = () => {
      const socket = connect({ host: '127.0.0.1', port: PROXY_PORT });
      let buf = Buffer.alloc(0);
      const next = () => (Date.now() < deadline ? socket.write(request) : socket.destroy());
      socket.on('connect', next);
      socket.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        for (;;) {
          const end = buf.indexOf('\r\n\r\n');
          if (end === -1) return;
          const m = /content-length: *(\d+)/i.exec(buf.subarray(0, end).toString('latin1'));
          const total = end + 4 + Number(m?.[1] ?? 0);
          if (buf.length < total) return;
          if (!buf.subarray(0, 12).toString().includes(' 200')) failures++;
          buf = buf.subarray(total);
          done++;
          next();
        }
      });
      socket.on('error', () => failures++);
      socket.on('close', () => (Date.now() < deadline ? open() : resolve()));
    };
    open();
  });
  const started = Date.now();
  return Promise.all(Array.from({ length: connections }, one)).then(() => {
    if (failures > done / 100) throw new Error(`${failures} failed requests out of ${done}: the proxy under test is not answering 200`);
    return done / ((Date.now() - started) / 1000);
  });
}

function waitForPort(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const attempt = () => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => (s.destroy(), resolve()));
      s.once('error', () => (Date.now() > deadline ? reject(new Error(`nothing listens on ${port}`)) : setTimeout(attempt, 20)));
    };
    attempt();
  });
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));

const prefix = mkdtempSync(join(tmpdir(), 'course-nginx-bench-'));
mkdirSync(join(prefix, 'www'));
writeFileSync(join(prefix, 'www', 'page.html'), '<h1>static page for the benchmark</h1>\n');
writeFileSync(join(prefix, 'nginx.conf'), `pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  upstream app { server 127.0.0.1:${UPSTREAM_PORT}; }
  upstream app_keepalive { server 127.0.0.1:${UPSTREAM_PORT}; keepalive 16; }
  server {
    listen 127.0.0.1:${PROXY_PORT};
    root www;
    location /api/ { proxy_pass http://app; proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; }
    location /ka/ {
      proxy_pass http://app_keepalive; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`);

// The floor for any Node proxy: http.createServer plus one net.connect per request and nothing
// else. It shows how much of the gap to nginx is Node itself rather than the course proxy.
const bareNodeProxy = `
const http = require('node:http'); const net = require('node:net');
http.createServer((req, res) => {
  const s = net.connect({ host: '127.0.0.1', port: ${UPSTREAM_PORT} }); const chunks = [];
  s.on('connect', () => s.write('GET ' + req.url + ' HTTP/1.0\\r\\nHost: app\\r\\nConnection: close\\r\\n\\r\\n'));
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => { const b = Buffer.concat(chunks); const body = b.subarray(b.indexOf('\\r\\n\\r\\n') + 4);
    res.writeHead(200, ['Content-Type', 'text/plain', 'Content-Length', String(body.length)]); res.end(body); });
  s.on('error', () => res.writeHead(502).end());
}).listen(${PROXY_PORT}, '127.0.0.1');`;

const upstream = await startUpstream();
const targets = {
  nginx: () => spawn(nginxBinary, ['-p', `${prefix}/`, '-c', 'nginx.conf', '-g', 'daemon off; master_process off;'], { stdio: 'ignore' }),
  'course-nginx': () => spawn(process.execPath, ['labs/engines/nginx/cli.ts', '-p', prefix, '-c', 'nginx.conf'], { stdio: 'ignore' }),
};
const scenarios = { proxy: '/api/bench', keepalive: '/ka/bench', static: '/page.html' } as const;
type Scenario = keyof typeof scenarios;
const bareResults: number[] = [];
const results: Record<string, Record<Scenario, number[]>> = {
  nginx: { proxy: [], keepalive: [], static: [] },
  'course-nginx': { proxy: [], keepalive: [], static: [] },
};
try {
  for (let round = 0; round < 2; round++) {
    for (const [name, start] of Object.entries(targets)) {
      const child = start();
      try {
        await waitForPort(PROXY_PORT);
        await load('/api/warm', 500);
        for (const [kind, path] of Object.entries(scenarios) as Array<[Scenario, string]>) results[name]![kind].push(await load(path, seconds * 1000));
      } finally {
        await stop(child);
      }
    }
    const bare = spawn(process.execPath, ['-e', bareNodeProxy], { stdio: 'ignore' });
    try {
      await waitForPort(PROXY_PORT);
      bareResults.push(await load('/api/bench', seconds * 1000));
    } finally {
      await stop(bare);
    }
  }
} finally {
  upstream.close();
  rmSync(prefix, { recursive: true, force: true });
}

const best = (xs: number[]) => Math.max(...xs);
console.log(`nginx bench: ${connections} keep-alive connections, ${seconds} s per run, best of 2, loopback; nginx 1.22.1 (master_process off, one worker) vs course-nginx (Node ${process.versions.node}, one process)`);
console.log('  path                              nginx req/s   course-nginx req/s   ratio');
const labels: Record<Scenario, string> = {
  proxy: 'proxy_pass (new upstream conn)',
  keepalive: 'proxy_pass (upstream keepalive)',
  static: 'static file',
};
let proxyRatio = 0;
for (const kind of Object.keys(scenarios) as Scenario[]) {
  const real = best(results.nginx![kind]);
  const ours = best(results['course-nginx']![kind]);
  const ratio = ours / real;
  if (kind === 'proxy') proxyRatio = ratio;
  // Each round's own ratio shows how much the machine's other work moved the figures.
  const rounds = results.nginx![kind].map((n, i) => (results['course-nginx']![kind][i]! / n).toFixed(2)).join(' ');
  console.log(`  ${labels[kind].padEnd(32)} ${real.toFixed(0).padStart(11)}   ${ours.toFixed(0).padStart(18)}   ${ratio.toFixed(2)}×   (rounds: ${rounds})`);
}
console.log(`  ${'bare Node proxy (floor, no logic)'.padEnd(32)} ${''.padStart(11)}   ${best(bareResults).toFixed(0).padStart(18)}   ${(best(bareResults) / best(results.nginx!.proxy)).toFixed(2)}×`);
console.log(`  machine load average during the run: ${loadavg().map((n) => n.toFixed(1)).join(' ')} (2 cores: other work on the machine lowers the Node side more, since it needs more CPU per request)`);
console.log(`  proxy_pass ratio with nginx's defaults ${proxyRatio.toFixed(2)}× (goal ≥ ${GOAL}×): ${proxyRatio >= GOAL ? 'met' : 'NOT met'}`);

const t0 = Date.now();
const corpus = await runCorpus();
const agree = corpus.filter((r) => r.problems.length === 0).length;
console.log(`nginx differential corpus: ${corpus.length} cases (${corpus.filter((r) => r.kind === 'http').length} HTTP, ${corpus.filter((r) => r.kind === 'config-test').length} -t), ${agree} agree, ${corpus.filter((r) => r.known).length} with reviewed known differences (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

/** The checks a `--json` result says did not pass, with their messages, for the report. */
function notPassing(stdout: string): string {
  try {
    const result = JSON.parse(stdout) as { checks: Array<{ slug: string; status: string; message?: string }> };
    return `: ${result.checks.filter((c) => c.status !== 'pass').map((c) => `${c.slug} ${c.status}${c.message ? ` (${c.message})` : ''}`).join('; ')}`;
  } catch {
    return '';
  }
}

/**
 * Ports for the lab check: the lab's own 8080 (apps on 8081 and 8082) when they are free, else
 * a free port whose next two are free too, written into the copied solution's nginx.conf in
 * place of the lab's, since the checks expect the configuration to name the ports they use.
 */
async function labPort(dir: string, solutionConf: string): Promise<string[]> {
  const free = async (port: number) => (await canListen('127.0.0.1', port)) && (await canListen('127.0.0.1', port + 1)) && (await canListen('127.0.0.1', port + 2));
  const conf = join(dir, 'nginx.conf');
  if (await free(8080)) {
    writeFileSync(conf, solutionConf);
    return [];
  }
  for (;;) {
    const port = await freePort();
    if (port >= 65534 || !(await free(port))) continue;
    writeFileSync(conf, solutionConf.replaceAll(':8081', `:${port + 1}`).replaceAll(':8082', `:${port + 2}`).replace(/listen 8080;/g, `listen ${port};`));
    return ['--port', String(port)];
  }
}

// The lab check as a learner runs it, on the lab's solution: each run a fresh process that
// builds the proxy bundle if needed, starts the program and the practice apps, and grades it.
if (checkRuns > 0) {
  const dir = copyProgram('reverse-proxy', { kind: 'solution' });
  const solutionConf = readFileSync(join(dir, 'nginx.conf'), 'utf8');
  const times: number[] = [];
  const surprises: string[] = [];
  try {
    for (let i = 0; i < checkRuns; i++) {
      const portArgs = await labPort(dir, solutionConf);
      const started = performance.now();
      const run = spawnSync(process.execPath, ['scripts/lab.ts', 'check', 'reverse-proxy', '--dir', dir, ...portArgs, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
      times.push(performance.now() - started);
      if (run.status !== 0) surprises.push(`run ${i + 1} exited ${run.status ?? run.signal}, expected 0 (every check passing)${notPassing(run.stdout)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`reverse-proxy lab check on the solution (\`npm run lab -- check reverse-proxy\`, a fresh process each): median ${s(sorted[Math.floor(sorted.length / 2)]!)} of ${checkRuns} (${times.map(s).join(', ')})${surprises.length ? `; UNEXPECTED: ${surprises.join('; ')}` : ''}`);
  if (surprises.length) process.exitCode = 1;
}
