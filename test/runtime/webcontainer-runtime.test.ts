import { describe, expect, it } from 'vitest';
import { ContainerBooter } from '../../src/runtime/webcontainer/container-booter.ts';
import { WebContainerRuntime } from '../../src/runtime/webcontainer/webcontainer-runtime.ts';
import type { LabMount } from '../../src/runtime/lab-runtime.ts';
import { FakeWebContainerApi, type SpawnCall } from './fake-webcontainer.ts';

const lab: LabMount = {
  id: 'first-web-server',
  files: { 'server.js': 'console.log("hi")', 'public/index.html': '<h1>Hi</h1>', 'package.json': '{}' },
  start: { command: 'node', args: ['server.js'] },
  ports: [8080],
  graderUrl: '/bundles/graders/first-web-server.mjs',
  provided: {},
};

async function mounted(api = new FakeWebContainerApi()) {
  const fetched: string[] = [];
  const booter = new ContainerBooter({ loadApi: async () => api, timeoutMs: 5000 });
  const runtime = await WebContainerRuntime.start(booter, async (url) => {
    fetched.push(url);
    return '// grader bundle';
  });
  await runtime.mount(lab);
  return { api, runtime, container: api.container, fetched };
}

describe('WebContainer runtime', () => {
  it('mounts the lab files under lab/ and the grader bundle under tools/', async () => {
    const { container, fetched } = await mounted();
    expect(container.files.get('lab/server.js')).toBe('console.log("hi")');
    expect(container.files.get('lab/public/index.html')).toBe('<h1>Hi</h1>');
    expect(container.files.get('tools/grader.mjs')).toBe('// grader bundle');
    expect(container.files.get('tools/send-request.mjs')).toContain('export function sendRequest');
    expect(fetched).toEqual(['/bundles/graders/first-web-server.mjs']);
  });

  it('fetches the lab\'s provided files and mounts them, bytes intact, beside the learner files', async () => {
    const api = new FakeWebContainerApi();
    const booter = new ContainerBooter({ loadApi: async () => api, timeoutMs: 5000 });
    const wasm = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    const runtime = await WebContainerRuntime.start(booter, async (url) => (url.endsWith('.wasm') ? wasm : '// grader bundle'));
    await runtime.mount({ ...lab, provided: { 'runtime/python.wasm': '/bundles/pyodide/pyodide.asm.wasm' } });
    expect(api.container.files.get('lab/runtime/python.wasm')).toEqual(wasm);
    expect(api.container.files.get('lab/server.js')).toBe('console.log("hi")');
  });

  it('says to rebuild when a provided file cannot be fetched', async () => {
    const api = new FakeWebContainerApi();
    const booter = new ContainerBooter({ loadApi: async () => api, timeoutMs: 5000 });
    const runtime = await WebContainerRuntime.start(booter, async (url) => {
      if (url.includes('engines')) throw new Error(`HTTP 404 from ${url}`);
      return '// grader bundle';
    });
    await expect(runtime.mount({ ...lab, provided: { 'course-nginx.mjs': '/bundles/engines/nginx.mjs' } })).rejects.toThrow(/course file course-nginx\.mjs.*HTTP 404.*npm run build/s);
  });

  it('boots with cross-origin isolation settings matching the pages and only once per page', async () => {
    const api = new FakeWebContainerApi();
    const booter = new ContainerBooter({ loadApi: async () => api });
    await Promise.all([booter.container(), booter.container()]);
    expect(api.bootCalls).toHaveLength(1);
    expect(api.bootCalls[0]?.coep).toBe('require-corp');
  });

  it('starts the program with the manifest command, PORT and HOST, inside the lab folder', async () => {
    const { runtime, container } = await mounted();
    const program = await runtime.spawn('program', { onOutput: () => {}, cols: 100, rows: 30 });
    const call = container.spawns[0] as SpawnCall;
    expect([call.command, ...call.args]).toEqual(['node', 'server.js']);
    expect(call.options).toMatchObject({ cwd: 'lab', env: { PORT: 8080, HOST: '127.0.0.1' }, terminal: { cols: 100, rows: 30 } });
    expect(program.command).toBe('node server.js');
  });

  it('starts the grader bundle with --json against the lab folder', async () => {
    const { runtime, container } = await mounted();
    await runtime.spawn('grader', { onOutput: () => {} });
    const call = container.spawns[0] as SpawnCall;
    expect([call.command, ...call.args]).toEqual(['node', '../tools/grader.mjs', '--dir', '.', '--json']);
    expect(call.options.cwd).toBe('lab');
  });

  it('streams output in order and reports the exit code after the last chunk', async () => {
    const { runtime, container } = await mounted();
    container.onSpawn = ({ process }) => {
      process.print('listening on ');
      process.print('8080\r\n');
      queueMicrotask(() => process.finish(3));
    };
    const seen: string[] = [];
    const program = await runtime.spawn('program', { onOutput: (chunk) => seen.push(chunk) });
    const code = await program.exit;
    seen.push(`exit ${code}`);
    expect(seen).toEqual(['listening on ', '8080\r\n', 'exit 3']);
  });

  it('passes keystrokes to the program and stops it on kill', async () => {
    const { runtime, container } = await mounted();
    const program = await runtime.spawn('program', { onOutput: () => {} });
    program.write('yes\r');
    await program.kill();
    const process = (container.spawns[0] as SpawnCall).process;
    expect(process.received).toEqual(['yes\r']);
    expect(process.killed).toBe(true);
    expect(await program.exit).toBe(143);
  });

  it('reports the lab port opening and closing, and not the ports of the grader copy', async () => {
    const { runtime, container } = await mounted();
    const events: string[] = [];
    runtime.onPort(({ port, state }) => events.push(`${port} ${state}`));
    container.emitPort(41234, 'open');
    container.emitPort(8080, 'open');
    container.emitPort(8080, 'close');
    expect(events).toEqual(['8080 open', '8080 closed']);
  });

  it('writes an edit into the lab folder and refuses paths that climb out of it', async () => {
    const { runtime, container } = await mounted();
    await runtime.writeFile('public/style.css', 'body {}');
    expect(container.files.get('lab/public/style.css')).toBe('body {}');
    await expect(runtime.writeFile('../tools/grader.mjs', 'x')).rejects.toThrow(/not a path inside the lab/);
    expect(container.files.get('tools/grader.mjs')).toBe('// grader bundle');
  });

  it('sends an HTTP request from inside the container to the open port', async () => {
    const { runtime, container } = await mounted();
    container.emitPort(8080, 'open');
    container.onSpawn = ({ args, process }) => {
      const exchange = { port: Number(args[2]), request: 'GET / HTTP/1.1\r\n\r\n', response: 'HTTP/1.1 200 OK\r\n\r\nhello', durationMs: 4 };
      process.print(`${JSON.stringify(exchange)}\r\n`);
      process.finish(0);
    };
    const exchange = await runtime.request({ method: 'GET', path: '/', headers: [], body: '' });
    const call = container.spawns[0] as SpawnCall;
    expect(call.args[0]).toBe('../tools/send-request.mjs');
    expect(JSON.parse(call.args[1] as string)).toEqual({ method: 'GET', path: '/', headers: [], body: '' });
    expect(exchange.response).toContain('hello');
    expect(exchange.port).toBe(8080);
  });

  it('ends every process and the container on teardown', async () => {
    const { runtime, container } = await mounted();
    await runtime.spawn('program', { onOutput: () => {} });
    await runtime.teardown();
    expect(container.spawns[0]?.process.killed).toBe(true);
    expect(container.tornDown).toBe(true);
  });

  it('explains a boot that does not finish in time and what to do', async () => {
    const api = new FakeWebContainerApi();
    api.hangs = true;
    const booter = new ContainerBooter({ loadApi: async () => api, timeoutMs: 20 });
    const boot = WebContainerRuntime.start(booter);
    await expect(boot).rejects.toThrow(/did not start within .*stackblitz\.com\/headless.*npm start/s);
  });

  it('explains a browser that refuses to boot', async () => {
    const api = new FakeWebContainerApi();
    api.failure = new Error('SharedArrayBuffer is not defined');
    const booter = new ContainerBooter({ loadApi: async () => api });
    await expect(booter.container()).rejects.toThrow(/refused to start: SharedArrayBuffer is not defined.*npm start/s);
  });

  it('says to rebuild when the grader bundle cannot be fetched', async () => {
    const api = new FakeWebContainerApi();
    const booter = new ContainerBooter({ loadApi: async () => api });
    const runtime = await WebContainerRuntime.start(booter, async (url) => {
      throw new Error(`HTTP 404 from ${url}`);
    });
    await expect(runtime.mount(lab)).rejects.toThrow(/grader of this lab could not be loaded \(HTTP 404.*npm run build/s);
  });
});
