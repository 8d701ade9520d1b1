// course-gunicorn's command line, run in-process: what --check-config and --print-config say,
// how flags override gunicorn.conf.py, and the words of every refusal.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../labs/engines/workers/cli.ts';

const appFolder = fileURLToPath(new URL('../../fixtures/workers/app/', import.meta.url));

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, cwd: appFolder, env });
  return { code, out, err };
}

const setting = (out: string[], name: string) => out.find((l) => l.startsWith(`${name} `))?.split(' = ')[1];

describe('course-gunicorn on the command line', () => {
  it('prints the resolved settings padded as gunicorn --print-config does, with Gunicorn 20.1 defaults', async () => {
    const { code, out } = await run(['--print-config']);
    expect(code).toBe(0);
    expect(out).toContain('workers                           = 1');
    expect(out).toContain("bind                              = ['127.0.0.1:8000']");
    expect(setting(out, 'timeout')).toBe('30');
    expect(setting(out, 'graceful_timeout')).toBe('30');
    expect(setting(out, 'keepalive')).toBe('2');
    expect(setting(out, 'backlog')).toBe('2048');
  });

  it('answers multiprocessing.cpu_count() with the cores of machine.json', async () => {
    const { out } = await run(['-c', '../configs/sized-from-cores.py', '--print-config']);
    expect(setting(out, 'workers')).toBe('5');
    expect(setting(out, 'threads')).toBe('4');
  });

  it('lets flags override the config file, in every spelling argparse accepts', async () => {
    expect(setting((await run(['-c', '../configs/sized-from-cores.py', '-w', '2', '--print-config'])).out, 'workers')).toBe('2');
    expect(setting((await run(['-w3', '--print-config'])).out, 'workers')).toBe('3');
    expect(setting((await run(['--workers=4', '--timeout', '9', '--print-config'])).out, 'timeout')).toBe('9');
    expect(setting((await run(['-b', '127.0.0.1:21001', '-b', '127.0.0.1:21002', '--print-config'])).out, 'bind')).toBe("['127.0.0.1:21001', '127.0.0.1:21002']");
  });

  it('takes the default worker count from WEB_CONCURRENCY and the default bind from PORT, as Gunicorn does', async () => {
    const { out } = await run(['--print-config'], { WEB_CONCURRENCY: '6', PORT: '21003' });
    expect(setting(out, 'workers')).toBe('6');
    expect(setting(out, 'bind')).toBe("['0.0.0.0:21003']");
  });

  it('passes --check-config for a valid config, machine and app', async () => {
    expect(await run(['-c', '../configs/sized-from-cores.py', '--check-config', 'app:app'])).toMatchObject({ code: 0, err: [] });
  });

  it("reports a flag's bad value the way argparse does, with exit status 2", async () => {
    const { code, err } = await run(['-w', 'x', 'app:app']);
    expect(code).toBe(2);
    expect(err).toEqual(['usage: course-gunicorn [OPTIONS] [APP_MODULE]', "course-gunicorn: error: argument -w/--workers: invalid int value: 'x'"]);
  });

  it('names the file and line of a config file the course does not read', async () => {
    const { code, err } = await run(['-c', '../configs/for-loop.py', '--check-config', 'app:app']);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^Error: \.\.\/configs\/for-loop\.py:2: a for loop is valid Python but not supported by the course arbiter/);
  });

  it("says a named config file that does not exist doesn't exist", async () => {
    expect((await run(['-c', 'nowhere.py', 'app:app'])).err).toEqual(["Error: 'nowhere.py' doesn't exist"]);
  });

  it('lists every problem of an invalid machine file with the field it is in', async () => {
    const { code, err } = await run(['--machine', '../machines/invalid.json', '--check-config', 'app:app']);
    expect(code).toBe(1);
    expect(err[0]).toContain('cores');
    expect(err[0]).toContain('"disk_gib"');
  });

  it('explains the machine file when there is none', async () => {
    const { code, err } = await run(['--machine', 'missing.json', 'app:app']);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/cannot be read.*--machine FILE/);
  });

  it('fails --check-config for a module that is not there, or a variable it does not export', async () => {
    expect((await run(['--check-config', 'nope:app'])).err.join('\n')).toContain("No module named 'nope'");
    expect((await run(['--check-config', 'app:nope'])).err.join('\n')).toContain("Failed to find attribute 'nope' in 'app'.");
  });

  it('fails --check-config when machine.json prices an endpoint the app does not have', async () => {
    const { code, err } = await run(['--machine', '../machines/misspelt-endpoint.json', '--check-config', 'app:app']);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('GET /wiat');
  });

  it('needs an application module to serve', async () => {
    expect(await run([])).toMatchObject({ code: 1, err: ['Error: No application module specified.'] });
  });

  it('refuses unix socket binds, which the course arbiter does not serve', async () => {
    const { code, err } = await run(['-b', 'unix:/tmp/app.sock', 'app:app']);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/unix:\/tmp\/app\.sock' is valid in Gunicorn but not supported/);
  });
});
