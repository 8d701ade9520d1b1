// gunicorn.conf.py files read by course-gunicorn and by Debian's Gunicorn 20.1 must resolve
// to the same settings (--print-config) and be refused alike. multiprocessing.cpu_count()
// answers with the modelled cores, so the course side gets a machine with this host's count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../labs/engines/workers/cli.ts';
import { supportedNames } from '../../../labs/engines/workers/settings.ts';
import { appFolder, gunicornAvailable, gunicornBinary } from './support/targets.ts';

const available = gunicornAvailable();
const configs = new URL('../../fixtures/workers/configs/', import.meta.url);
const machineFile = join(mkdtempSync(join(tmpdir(), 'course-gunicorn-machine-')), 'machine.json');
const machine = JSON.parse(readFileSync(join(appFolder, 'machine.json'), 'utf8')) as Record<string, unknown>;
writeFileSync(machineFile, JSON.stringify({ ...machine, cores: cpus().length }));

function gunicornPrintConfig(config: string): { code: number; settings: string[] } {
  const r = spawnSync(gunicornBinary, ['-c', new URL(config, configs).pathname, '--print-config', 'wsgi_app:application'], { cwd: appFolder, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: r.status ?? -1, settings: courseSettingLines(r.stdout.split('\n')) };
}

async function coursePrintConfig(config: string): Promise<{ code: number; settings: string[] }> {
  const out: string[] = [];
  const code = await runCli(['-c', new URL(config, configs).pathname, '--machine', machineFile, '--print-config'], { io: { out: (l) => out.push(l), err: () => undefined }, cwd: appFolder, env: {} });
  return { code, settings: courseSettingLines(out) };
}

function courseSettingLines(lines: string[]): string[] {
  return lines.filter((l) => supportedNames.has(l.split(' ')[0]!) && l.split(' ')[0] !== 'worker_class');
}

describe.runIf(available)('course-gunicorn reads gunicorn.conf.py as Gunicorn 20.1 does', () => {
  for (const config of ['sized-from-cores.py', 'helper-variable.py']) {
    it(`resolves ${config} to the same settings`, async () => {
      const real = gunicornPrintConfig(config);
      const course = await coursePrintConfig(config);
      expect(real.code).toBe(0);
      expect(course).toEqual(real);
    });
  }

  for (const config of ['float-threads.py', 'negative-timeout.py', 'true-division.py']) {
    it(`refuses ${config} as Gunicorn does`, async () => {
      expect(gunicornPrintConfig(config).code).toBe(1);
      expect((await coursePrintConfig(config)).code).toBe(1);
    });
  }
});
