// Gzipped JavaScript of each simulator island (goal: ≤ 20 KB each, issue 9). Two figures per
// island: the island's entry bundled and minified on its own with esbuild (everything it
// imports, nothing shared), and, when a built site exists, the chunk Astro shipped plus its
// static imports. A script, not a test: it prints the figures and flags an island over the goal.
//   node scripts/bench/simulators.ts                 esbuild figures, plus dist/ if built
//   node scripts/bench/simulators.ts --dist D        read the built site from D instead
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const goal = 20 * 1024;

const islands = [
  { name: 'load balancer', component: 'LoadBalancerSimulator', entry: 'src/simulators/load-balancer/lb-element.ts' },
  { name: 'capacity calculator', component: 'CapacityCalculator', entry: 'src/simulators/capacity/calculator-element.ts' },
  { name: 'HPA', component: 'HpaSimulator', entry: 'src/simulators/hpa/hpa-element.ts' },
];

const gzipped = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 6 }).length;

async function bundled(entry: string): Promise<number> {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false });
  return gzipped(result.outputFiles[0]!.contents);
}

/** The island's chunk in the built site and every module it imports statically. */
function shipped(dist: string, component: string): number | undefined {
  const assets = join(dist, '_astro');
  const chunk = readdirSync(assets).find((file) => file.startsWith(`${component}.astro_astro_type_script_`));
  if (!chunk) return undefined;
  const files = new Set([join(assets, chunk)]);
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const imported = join(dirname(file), match[1]!);
      if (existsSync(imported)) files.add(imported);
    }
  }
  return [...files].reduce((total, file) => total + gzipped(readFileSync(file)), 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
  const dist = values.dist!;
  const built = existsSync(join(dist, '_astro'));
  const kb = (bytes: number | undefined) => (bytes === undefined ? '     –' : (bytes / 1024).toFixed(1).padStart(6));
  console.log(`Simulator islands, gzipped JS (level 6), KB = 1024 bytes; goal ≤ ${goal / 1024} KB each`);
  console.log(`${'island'.padEnd(22)}  ${'esbuild'.padStart(7)}  ${built ? `shipped in ${dist}` : '(no built site: run npm run build for shipped sizes)'}`);
  for (const island of islands) {
    const alone = await bundled(island.entry);
    const inSite = built ? shipped(dist, island.component) : undefined;
    const over = Math.max(alone, inSite ?? 0) > goal ? '  OVER GOAL' : '';
    console.log(`${island.name.padEnd(22)}  ${kb(alone)} ${built ? ` ${kb(inSite)}` : ''}${over}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
