// The differential corpus: every case runs against Debian's nginx and the course proxy with
// the same configuration, requests and upstream mocks, and must agree except where
// known-differences.ts says why not. Without nginx the suite is skipped with a message
// locally and fails in CI (CI=true), where .ci/run installs nginx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configTestCases, httpCases } from './corpus/index.ts';
import { knownDifferences } from './known-differences.ts';
import { differences, type Field } from './harness/compare.ts';
import { startMockUpstreams, type MockUpstreams } from './harness/mock-upstreams.ts';
import { runConfigTestCase, runHttpCase } from './harness/run-case.ts';
import { skippedFields } from './harness/run-corpus.ts';
import { nginxAvailable, nginxBinary } from './harness/targets.ts';

const available = nginxAvailable();
const inCi = process.env.CI === 'true';
if (!available && !inCi) {
  console.warn(`Skipping the nginx differential suite: ${nginxBinary} is not installed (apt-get install nginx, or set NGINX_BINARY).`);
}

describe('the differential corpus', () => {
  it('has at least 60 cases and every known difference names one of them with a reason', () => {
    expect(httpCases.length + configTestCases.length).toBeGreaterThanOrEqual(60);
    const names = new Set([...httpCases, ...configTestCases].map((c) => c.name));
    expect(names.size).toBe(httpCases.length + configTestCases.length);
    for (const k of knownDifferences) {
      expect(names.has(k.case), k.case).toBe(true);
      expect(k.reason.length).toBeGreaterThan(20);
    }
  });

  it.runIf(inCi)('finds real nginx in CI, where .ci/run installs it', () => {
    expect(available, `nginx is required in CI but ${nginxBinary} does not exist; install the Debian package "nginx"`).toBe(true);
  });
});

describe.runIf(available)('course proxy and nginx 1.22 answer HTTP requests alike', () => {
  let mocks: MockUpstreams;
  beforeAll(async () => {
    mocks = await startMockUpstreams();
  });
  afterAll(async () => {
    await mocks?.close();
  });
  for (const c of httpCases) {
    it(c.name, async () => {
      const run = await runHttpCase(c, mocks);
      expect(differences(run.nginx, run.course, skippedFields(c.name) as Set<Field>, { nginx: run.nginxLog, course: run.courseLog })).toEqual([]);
    });
  }
});

describe.runIf(available)('course-nginx -t prints what nginx -t prints', () => {
  for (const c of configTestCases) {
    it(c.name, async () => {
      const run = await runConfigTestCase(c);
      if (skippedFields(c.name).has('config-test')) return;
      expect(run.course).toEqual(run.nginx);
    });
  }
});
