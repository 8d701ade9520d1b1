// Figures of the Python lab "Speak WSGI, then ASGI" (issue 8), a script, not a test:
// - cold start in Node: `node launch.mjs` in a fresh copy of the solution until the port
//   accepts connections, for part 1 alone (course-wsgi), part 2 alone (course-asgi, lifespan
//   included) and both together as Run starts them;
// - Pyodide boot in headless Chromium, loaded from the site's own files (public/bundles/pyodide/
//   served over HTTP by this script): import pyodide.mjs, loadPyodide(), run one line of Python;
// - the lab's check time: `npm run lab -- check wsgi-then-asgi` on the solution, wall time.
// Medians of --runs fresh runs each. Every figure depends on the machine's load, printed first.
//   node scripts/bench/python-lab.ts [--runs 3]
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { canListen, freePort, tryConnect } from '../../graders/kit/process/port-probe.ts';
import { chromiumArgs, findChromium } from '../chromium.ts';
import { copyProgram, repoRoot } from '../lab/lab-folders.ts';

const labId = 'wsgi-then-asgi';
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
  console.error('python-lab bench: --runs must be a whole number from 1 to 20');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const line = (label: string, times: number[]) => console.log(`  ${label.padEnd(44)} median ${seconds(median(times))}  (${times.map(seconds).join(', ')})`);

async function portPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (await canListen('127.0.0.1', port + 1)) return port;
  }
}

/** Runs the lab's start command until every port in `ports` accepts connections; returns the wall time. */
async function coldStart(dir: string, part: 'wsgi' | 'asgi' | 'both'): Promise<number> {
  const port = await portPair();
  const ports = part === 'both' ? [port, port + 1] : [port];
  const started = performance.now();
  const child = spawn(process.execPath, ['launch.mjs'], { cwd: dir, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LAB_SERVE: part }, stdio: 'ignore', detached: true });
  try {
    for (const at of ports) {
      while (!(await tryConnect('127.0.0.1', at, 250)).ok) {
        if (child.exitCode !== null) throw new Error(`launch.mjs (LAB_SERVE=${part}) exited with code ${child.exitCode} before listening`);
        if (performance.now() - started > 180_000) throw new Error(`launch.mjs (LAB_SERVE=${part}) did not listen within 180 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    return performance.now() - started;
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }
}

const mimeTypes: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.zip': 'application/zip', '.html': 'text/html' };

/** Serves public/ as the site would, plus a blank page to run the measurement from. */
function servePublic(): Promise<{ server: Server; origin: string }> {
  const root = join(repoRoot, 'public');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path === sep || path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Pyodide boot</title>');
      return;
    }
    const file = join(root, path);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

/** Boots Pyodide in a fresh headless Chromium page each run; returns the in-page times. */
async function browserBoots(): Promise<number[]> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (install the chromium package or set CHROMIUM_PATH)');
  if (!existsSync(join(repoRoot, 'public', 'bundles', 'pyodide', 'pyodide.mjs'))) throw new Error('public/bundles/pyodide/ is missing: run node scripts/bundle.ts first');
  const { server, origin } = await servePublic();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const ms = await page.evaluate(async () => {
        const started = performance.now();
        const { loadPyodide } = await import('/bundles/pyodide/pyodide.mjs' as string);
        const pyodide = await loadPyodide({ indexURL: '/bundles/pyodide/' });
        if (pyodide.runPython('sum(range(10))') !== 45) throw new Error('Pyodide booted but computed a wrong sum');
        return performance.now() - started;
      });
      times.push(ms);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    server.close();
  }
}

function checkTimes(dir: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['scripts/lab.ts', 'check', labId, '--dir', dir, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
    times.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`lab check on the solution exited ${run.status ?? run.signal}, expected 0:\n${run.stdout.slice(-600)}${run.stderr.slice(-600)}`);
  }
  return times;
}

console.log(`Python lab (${labId}), ${runs} run(s) each; ${availableParallelism()} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const dir = copyProgram(labId, { kind: 'solution' });
try {
  console.log('Cold start in Node, `node launch.mjs` until listening:');
  for (const part of ['wsgi', 'asgi', 'both'] as const) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await coldStart(dir, part));
    line(part === 'both' ? 'both parts, as Run starts them' : `LAB_SERVE=${part}`, times);
  }
  console.log('Pyodide boot in headless Chromium, from the site\'s files:');
  line('import pyodide.mjs + loadPyodide() + runPython', await browserBoots());
  console.log('Lab check on the solution (every check, two Python start-ups):');
  line('npm run lab -- check wsgi-then-asgi', checkTimes(dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
