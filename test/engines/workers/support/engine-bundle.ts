// Builds course-gunicorn the way scripts/bundle.ts does (one self-contained .mjs for Node 18+)
// into a temporary folder, so the tests run what labs ship without touching public/bundles,
// which other builds rewrite.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let built: Promise<string> | undefined;

export function engineBundle(): Promise<string> {
  built ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'course-gunicorn-')), 'workers.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('../../../../labs/engines/workers/cli.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'esm',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    return outfile;
  })();
  return built;
}
