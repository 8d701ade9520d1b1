// The proof that the lab teaches real nginx: the grader, unchanged, passes the solution's
// nginx.conf on Debian's nginx (started in a throwaway prefix by the fixture's course-nginx.mjs)
// and fails a mutant at the same check as on the course proxy. Skipped with a message where
// nginx is not installed; required in CI.
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { explain, gradeReverseProxy, notPassing } from './grade-reverse-proxy.ts';

const nginxBinary = process.env.NGINX_BINARY ?? '/usr/sbin/nginx';
const haveNginx = existsSync(nginxBinary);
const inCi = process.env.CI === 'true';

describe('the reverse-proxy grader on real nginx', () => {
  if (!haveNginx) {
    test(`needs ${nginxBinary}${inCi ? ' (required in CI)' : ''}`, ({ skip }) => {
      if (inCi) throw new Error(`${nginxBinary} is missing, but CI must run the lab against real nginx: install the nginx package (apt-get install nginx) or set NGINX_BINARY`);
      console.warn(`real nginx not found at ${nginxBinary}: skipping the reverse-proxy lab on real nginx (install the nginx package or set NGINX_BINARY)`);
      skip();
    });
    return;
  }

  test('passes the solution config on every check and leaves no process behind', { timeout: 60_000 }, async () => {
    const run = await gradeReverseProxy({ kind: 'solution' }, { realNginx: true });
    const statics = run.result.checks.find((check) => check.slug === 'serves-static-files');
    expect(statics?.transcript).toContain('Server: nginx/1.22.1');
    expect(notPassing(run.result), explain(run)).toEqual([]);
    expect(run.leftovers).toEqual([]);
  });

  test('fails a config without proxy_read_timeout at the gateway-timeout check, as the course proxy does', { timeout: 60_000 }, async () => {
    const run = await gradeReverseProxy({ kind: 'mutant', name: 'default-read-timeout' }, { realNginx: true, all: true });
    expect(notPassing(run.result), explain(run)).toEqual([['times-out-slow-upstream', 'fail']]);
    expect(run.leftovers).toEqual([]);
  });
});
