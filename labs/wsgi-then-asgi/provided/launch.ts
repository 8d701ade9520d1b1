// The lab's start command, `node launch.mjs` (read-only for the learner). It serves the two
// parts of the lab side by side, the way a team would run a WSGI and an ASGI service:
//   app.py       with course-wsgi (Gunicorn's command line)  on HOST:PORT      (default 8000)
//   asgi_app.py  with course-asgi (Uvicorn's command line)   on HOST:PORT + 1  (default 8001)
// LAB_SERVE=wsgi or LAB_SERVE=asgi serves one part alone on PORT; the checks use that to grade
// each part by itself, so a half-written asgi_app.py never stands in the way of part 1.
import { spawn, type ChildProcess } from 'node:child_process';

type Part = 'wsgi' | 'asgi';

interface Server {
  part: Part;
  command: string[];
  child?: ChildProcess;
  exit?: string;
}

const fileOf: Record<Part, string> = { wsgi: 'app.py', asgi: 'asgi_app.py' };
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8000);
const serve = (process.env.LAB_SERVE || 'both').toLowerCase();

function commandFor(part: Part, at: number): string[] {
  if (part === 'wsgi') return ['course-wsgi.mjs', 'app:application', '-b', `${host}:${at}`];
  return ['course-asgi.mjs', 'asgi_app:app', '--host', host, '--port', String(at)];
}

function plan(): Server[] | undefined {
  if (!Number.isInteger(port) || port < 1 || port > 65534) return undefined;
  if (serve === 'wsgi' || serve === 'asgi') return [{ part: serve, command: commandFor(serve, port) }];
  if (serve === 'both') return [{ part: 'wsgi', command: commandFor('wsgi', port) }, { part: 'asgi', command: commandFor('asgi', port + 1) }];
  return undefined;
}

/** Copies a child's output line by line, each line labelled with the part it comes from. */
function relay(stream: NodeJS.ReadableStream, to: NodeJS.WriteStream, label: string): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) to.write(`${label}${line}\n`);
  });
  stream.on('end', () => {
    if (pending) to.write(`${label}${pending}\n`);
  });
}

function describe(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was stopped by ${signal}` : `exited with code ${code}`;
}

function start(servers: Server[]): void {
  const together = servers.length > 1;
  let stopping = false;
  for (const server of servers) {
    // Alone, the engine's output passes through untouched, exactly as the real server prints it.
    const child = spawn(process.execPath, server.command, { stdio: together ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    server.child = child;
    if (together && child.stdout && child.stderr) {
      relay(child.stdout, process.stdout, `[${server.part}] `);
      relay(child.stderr, process.stderr, `[${server.part}] `);
    }
    child.on('exit', (code, signal) => {
      server.exit = describe(code, signal);
      const running = servers.filter((other) => other.exit === undefined);
      if (!stopping && together && running.length > 0) {
        const other = running.map((s) => fileOf[s.part]).join('');
        process.stderr.write(`[launch] the ${server.part.toUpperCase()} server for ${fileOf[server.part]} ${server.exit}; ${other} is still served. Read the lines above, fix ${fileOf[server.part]} and run again.\n`);
      }
      if (running.length === 0) process.exit(stopping ? 0 : together ? 1 : (code ?? 1));
    });
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const server of servers) if (server.exit === undefined) server.child?.kill(signal);
    });
  }
  if (together) {
    process.stdout.write(`[launch] app.py (WSGI) on http://${host}:${port} and asgi_app.py (ASGI) on http://${host}:${port + 1}; each is ready once it prints its "Listening at" or "running on" line.\n`);
  }
}

const servers = plan();
if (!servers) {
  process.stderr.write(`launch.mjs: cannot start with PORT=${process.env.PORT ?? ''} and LAB_SERVE=${process.env.LAB_SERVE ?? ''}. Expected PORT to be a port number (1 to 65534) and LAB_SERVE to be wsgi, asgi or both (the default).\n`);
  process.exit(2);
}
start(servers);
