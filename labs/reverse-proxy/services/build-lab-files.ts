// Builds the read-only course-nginx.mjs that the reverse-proxy lab ships next to the learner's
// nginx.conf: the course proxy (labs/engines/nginx/cli.ts) as one file for Node 18+, so the
// start command `node course-nginx.mjs -p ./ -c nginx.conf` runs inside the browser sandbox
// too. test/graders/reverse-proxy/lab-files.test.ts compares the committed copies with a
// fresh build. Run after changing the engine: node labs/reverse-proxy/services/build-lab-files.ts
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const labRoot = fileURLToPath(new URL('../', import.meta.url));
/** The program folders that carry the generated file. */
export const programFolders = ['starter', 'solution'] as const;
export const engineFile = 'course-nginx.mjs';

export async function bundleEngine(outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('../../engines/nginx/cli.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'esm',
    legalComments: 'none',
    banner: { js: '// The course proxy (course-nginx), bundled from labs/engines/nginx/cli.ts for the reverse-proxy lab. Start it like nginx: node course-nginx.mjs -p ./ -c nginx.conf' },
    logLevel: 'warning',
  });
}

/** Builds the engine into a temporary folder and returns its text. */
export async function freshEngine(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'reverse-proxy-files-'));
  try {
    await bundleEngine(join(dir, engineFile));
    return readFileSync(join(dir, engineFile), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const folder of programFolders) {
    await bundleEngine(join(labRoot, folder, engineFile));
    console.log(`built labs/reverse-proxy/${folder}/${engineFile}`);
  }
}
