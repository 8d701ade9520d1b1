// Builds the cache client into one dependency-free JavaScript file that a lab ships next to the
// learner's code (DESIGN principle 3: no npm install inside a lab).
//   node labs/engines/redis/bundle-client.ts <outfile> [--format esm|cjs]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export type ModuleFormat = 'esm' | 'cjs';

export async function bundleClient(outfile: string, format: ModuleFormat = 'esm'): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./client.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format,
    legalComments: 'none',
    banner: { js: '// Cache client for the course labs, bundled from labs/engines/redis/client.ts. API: node-redis v4 style.' },
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outfile, flag, format] = process.argv.slice(2);
  if (outfile === undefined || (flag !== undefined && (flag !== '--format' || (format !== 'esm' && format !== 'cjs')))) {
    console.error('usage: node labs/engines/redis/bundle-client.ts <outfile> [--format esm|cjs]');
    process.exit(1);
  }
  await bundleClient(outfile, (format ?? 'esm') as ModuleFormat);
  console.log(`bundled labs/engines/redis/client.ts → ${outfile}`);
}
