// The proxy configuration the lab shows and runs is real nginx configuration: Debian's nginx
// accepts it with `nginx -t`. Skipped with a message where nginx is not installed; required in CI.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { proxyConf } from '../../../labs/make-it-stateless/services/proxy-conf.ts';

const nginxBinary = process.env.NGINX_BINARY ?? '/usr/sbin/nginx';
const haveNginx = existsSync(nginxBinary);
const inCi = process.env.CI === 'true';

const instances = [1, 2, 3].map((n) => ({ name: `app-${n}`, host: '127.0.0.1', port: 8080 + n }));

describe("the make-it-stateless proxy's nginx.conf", () => {
  test('lists the three instances in one round-robin upstream and reports which one answered', () => {
    const conf = proxyConf({ host: '127.0.0.1', port: 8080, instances, accessLog: false });
    expect(conf).toContain('server 127.0.0.1:8081 max_fails=0;  # app-1');
    expect(conf).toContain('server 127.0.0.1:8083 max_fails=0;  # app-3');
    expect(conf).not.toMatch(/ip_hash|least_conn|hash /);
    expect(conf).toContain('add_header X-Upstream $upstream_addr always;');
  });

  if (!haveNginx) {
    test(`needs ${nginxBinary} to be tested on real nginx${inCi ? ' (required in CI)' : ''}`, ({ skip }) => {
      if (inCi) throw new Error(`${nginxBinary} is missing, but CI must test the lab's proxy configuration on real nginx: install the nginx package (apt-get install nginx) or set NGINX_BINARY`);
      console.warn(`real nginx not found at ${nginxBinary}: skipping nginx -t of the make-it-stateless proxy configuration`);
      skip();
    });
    return;
  }

  test('passes nginx -t on real nginx, with and without the access log', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'stateless-nginx-'));
    try {
      for (const accessLog of [true, false]) {
        writeFileSync(join(prefix, 'nginx.conf'), proxyConf({ host: '127.0.0.1', port: 8080, instances, accessLog }));
        // nginx opens /dev/stdout for the access log, which fails on the socket Node gives a
        // child as its stdout; a file stands in for the terminal the launcher would have.
        const stdout = openSync(join(prefix, 'stdout.log'), 'w');
        const result = spawnSync(nginxBinary, ['-t', '-p', `${prefix}/`, '-c', 'nginx.conf', '-g', `pid ${prefix}/nginx.pid; error_log stderr;`], { encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'] });
        closeSync(stdout);
        expect(result.stderr).toContain('test is successful');
        expect(result.status).toBe(0);
      }
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
