// Runs a corpus case against real nginx, then against the course proxy, in the same prefix
// and on the same ports, with the same upstream mocks.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigTestCase, HttpCase } from './case.ts';
import type { MockUpstreams } from './mock-upstreams.ts';
import { observe, type Observation } from './observe.ts';
import { courseConfigTest, realConfigTest, startCourseProxy, startRealNginx, wrapConfig, writeFiles } from './targets.ts';

const fixtures = join(import.meta.dirname, '../../../fixtures/nginx');

export interface CaseRun {
  nginx: Observation[];
  course: Observation[];
  /** Access log lines of each, with the time replaced by [TIME]. */
  nginxLog: string[];
  courseLog: string[];
}

/** Reads and removes the access log, hiding the clock. */
function takeAccessLog(prefix: string): string[] {
  const path = join(prefix, 'access.log');
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'latin1').split('\n').filter(Boolean).map((l) => l.replace(/\[[^\]]+\]/, '[TIME]'));
  rmSync(path);
  return lines;
}

function makePrefix(): string {
  const prefix = mkdtempSync(join(tmpdir(), 'course-nginx-diff-'));
  cpSync(join(fixtures, 'www'), join(prefix, 'www'), { recursive: true, preserveTimestamps: true });
  writeFiles(prefix, { 'mime.types': readFileSync(join(fixtures, 'mime.types'), 'utf8') });
  return prefix;
}

export async function runHttpCase(c: HttpCase, mocks: MockUpstreams): Promise<CaseRun> {
  const prefix = makePrefix();
  try {
    writeFiles(prefix, { ...(c.files ?? {}), 'nginx.conf': wrapConfig(prefix, c.http) });
    const ports = c.ports ?? [4470];
    const real = await startRealNginx(prefix, ports);
    let nginx: Observation[];
    try {
      nginx = await observe(c, mocks);
    } finally {
      await real.stop();
    }
    const nginxLog = takeAccessLog(prefix);
    const proxy = await startCourseProxy(prefix);
    let course: Observation[];
    try {
      course = await observe(c, mocks);
    } finally {
      await proxy.stop();
    }
    return { nginx, course, nginxLog, courseLog: takeAccessLog(prefix) };
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

export async function runConfigTestCase(c: ConfigTestCase): Promise<{ nginx: string[]; course: string[] }> {
  const prefix = makePrefix();
  try {
    writeFiles(prefix, Object.fromEntries(Object.entries(c.files).map(([k, v]) => [k, v.replaceAll('$PREFIX', prefix)])));
    const norm = (lines: string[]) => lines.map((l) => l.replaceAll(prefix, '<prefix>'));
    return { nginx: norm(realConfigTest(prefix)), course: norm(await courseConfigTest(prefix)) };
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}
