// course-nginx as a command: the repository launcher under Node 24, and the esbuild bundle the
// labs use under the machine's older Node (the bundle must not need Node 24).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
const site = join(repo, 'test/fixtures/nginx/site');
const launcher = join(repo, 'labs/engines/nginx/course-nginx.mjs');

function run(node: string, script: string, args: string[]) {
  const r = spawnSync(node, [script, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('course-nginx from the repository', () => {
  it('prints nginx\'s two success lines for -t and exits 0', () => {
    const r = run(process.execPath, launcher, ['-t', '-p', site, '-c', 'nginx.conf']);
    expect(r.stderr).toBe(`nginx: the configuration file ${site}/nginx.conf syntax is ok\nnginx: configuration file ${site}/nginx.conf test is successful\n`);
    expect(r.status).toBe(0);
  });

  it('prints the error with file and line and "test failed" for a typo, exiting 1', () => {
    const r = run(process.execPath, launcher, ['-t', '-p', site, '-c', 'broken.conf']);
    expect(r.stderr).toBe(`nginx: [emerg] unknown directive "proxy_pas" in ${site}/broken.conf:6\nnginx: configuration file ${site}/broken.conf test failed\n`);
    expect(r.status).toBe(1);
  });

  it('says honestly when a directive is valid nginx outside the course subset', () => {
    const r = run(process.execPath, launcher, ['-t', '-p', site, '-c', 'unsupported.conf']);
    expect(r.stderr).toContain(`nginx: [emerg] valid in nginx, not supported by the course proxy: "ssl_certificate" in ${site}/unsupported.conf:5`);
    expect(r.status).toBe(1);
  });

  it('rejects an unknown option the way nginx does', () => {
    const r = run(process.execPath, launcher, ['-x']);
    expect(r.stderr).toBe('nginx: invalid option: "x"\n');
    expect(r.status).toBe(1);
  });

  it('explains which server and location answer a URL and which headers are inherited', () => {
    const r = run(process.execPath, launcher, ['-p', site, '-c', 'nginx.conf', '--explain', 'http://www.example.test:4472/api/users']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('server_name "www.example.test" matches exactly');
    expect(r.stdout).toContain('location: /api/ at');
    expect(r.stdout).toContain('the longest matching prefix is "location /api/"');
    expect(r.stdout).toContain('X-Frame-Options: DENY  [from http]');
    expect(r.stdout).toContain('X-Real-IP: $remote_addr  [location /api/]');
    expect(r.stdout).toContain('Connection: close  [nginx default]');
  });

  it('explains a server answered by a wildcard name and its return directive', () => {
    const r = run(process.execPath, launcher, ['-p', site, '-c', 'nginx.conf', '--explain', 'http://shop.example.test:4472/cart']);
    expect(r.stdout).toContain('server_name "*.example.test" is the longest matching leading wildcard');
    expect(r.stdout).toContain('handler:  return 301 "http://www.example.test$request_uri"');
  });

  it('explains that an add_header in a location replaces the inherited ones', () => {
    const r = run(process.execPath, launcher, ['-p', site, '-c', 'nginx.conf', '--explain', 'http://www.example.test:4472/static/app.js']);
    expect(r.stdout).toContain('Cache-Tag: static  [from location /static/]');
    expect(r.stdout).not.toContain('X-Frame-Options');
  });
});

const systemNode = '/usr/bin/node';
const systemNodeMajor = existsSync(systemNode) ? Number(spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) : 0;

describe.runIf(systemNodeMajor > 0 && systemNodeMajor < 22)(`the bundled course-nginx under Node ${systemNodeMajor}`, () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'course-nginx-bundle-'));
    bundle = join(dir, 'nginx.mjs');
    await build({ entryPoints: [join(repo, 'labs/engines/nginx/cli.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node18', format: 'esm', logLevel: 'silent' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tests a configuration without TypeScript support in Node', () => {
    const r = run(systemNode, bundle, ['-t', '-p', site, '-c', 'nginx.conf']);
    expect(r.stderr).toContain('test is successful');
    expect(r.status).toBe(0);
  });
});
