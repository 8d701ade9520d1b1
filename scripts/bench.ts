// `npm run bench`: runs every benchmark script in scripts/bench/, in name order, each as its
// own process, and says which ones failed. `npm run bench -- labs redis` runs only those.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, 'bench');
const wanted = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((file) => file.endsWith('.ts'))
  .sort()
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.ts$/, '')));

if (scripts.length === 0) {
  console.error(`bench: no benchmark matches ${wanted.join(', ')}; the benchmarks are the files in scripts/bench/`);
  process.exit(2);
}

const failed: string[] = [];
for (const script of scripts) {
  console.log(`\n▶ bench ${script.replace(/\.ts$/, '')}`);
  const run = spawnSync(process.execPath, [join(dir, script)], { stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${script} (exit ${run.status ?? run.signal})`);
}
console.log(failed.length ? `\nbench: ${failed.length} of ${scripts.length} failed: ${failed.join(', ')}` : `\nbench: all ${scripts.length} ran`);
process.exit(failed.length ? 1 : 0);
