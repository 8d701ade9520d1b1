// `npm test`: every stage a change must pass, in the order that fails fastest.
// Prints one closing line, "N passed, N failed", counting unit and browser tests.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { findChromium } from './chromium.ts';

interface Tally { passed: number; failed: number; skipped: number }
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const reports = '.work/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) console.error(`✗ ${title} failed (exit ${result.status ?? result.signal})`);
  return ok;
}

function countVitest(file: string): void {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string): void {
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
}

function tryCount(count: (file: string) => void, file: string): void {
  try { count(file); } catch { tally.failed += 1; }
}

function finish(stagesOk: boolean): never {
  const skipped = tally.skipped ? `, ${tally.skipped} skipped` : '';
  console.log(`\n${tally.passed} passed, ${tally.failed} failed${skipped}`);
  process.exit(stagesOk && tally.failed === 0 ? 0 : 1);
}

const bin = 'node_modules/.bin';
if (!run('type check', `${bin}/astro`, ['check'])) finish(false);

const unitOk = run('unit, grader, engine and content tests', `${bin}/vitest`, [
  'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`,
]);
tryCount(countVitest, `${reports}/vitest.json`);
if (!unitOk) finish(false);

if (!run('build', 'node', ['scripts/build.ts'])) finish(false);

const chromium = findChromium();
if (!chromium) {
  const why = 'no Chromium found at $CHROMIUM_PATH or /usr/bin/chromium (install it: apt-get install chromium)';
  if (process.env.CI) {
    console.error(`✗ browser tests cannot run in CI: ${why}`);
    finish(false);
  }
  console.warn(`\n⚠ browser tests SKIPPED: ${why}`);
  finish(true);
}
const e2eOk = run('browser tests', `${bin}/playwright`, ['test'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
});
tryCount(countPlaywright, `${reports}/playwright.json`);
finish(e2eOk);
