// Builds the read-only files the cache-aside lab ships next to the learner's server.js, so
// they never drift from their sources (test/graders/cache-aside/lab-files.test.ts compares
// the committed copies with fresh builds):
//   cache-client.mjs  the cache client, from labs/engines/redis/client.ts
//   launch.mjs        the start command, from launch.ts (practice database and cache included)
// Run after changing either source: node labs/cache-aside/services/build-lab-files.ts
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleClient } from '../../engines/redis/bundle-client.ts';

export const labRoot = fileURLToPath(new URL('../', import.meta.url));
/** The program folders that carry the generated files. */
export const programFolders = ['starter', 'solution'] as const;

export const generatedFiles = {
  'cache-client.mjs': (outfile: string) => bundleClient(outfile),
  'launch.mjs': (outfile: string) => bundleLauncher(outfile),
} as const;

export type GeneratedFile = keyof typeof generatedFiles;

async function bundleLauncher(outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL('./launch.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'esm',
    legalComments: 'none',
    banner: { js: '// Start command of the cache-aside lab, bundled from labs/cache-aside/services/launch.ts. Runs server.js; starts a practice database and cache when DATABASE_URL or CACHE_URL is unset.' },
    logLevel: 'warning',
  });
}

/** Builds every generated file into a temporary folder and returns their contents. */
export async function freshBuilds(): Promise<Record<GeneratedFile, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'cache-aside-files-'));
  try {
    const built = {} as Record<GeneratedFile, string>;
    for (const [name, make] of Object.entries(generatedFiles) as Array<[GeneratedFile, (outfile: string) => Promise<void>]>) {
      await make(join(dir, name));
      built[name] = readFileSync(join(dir, name), 'utf8');
    }
    return built;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const folder of programFolders) {
    for (const [name, make] of Object.entries(generatedFiles)) {
      await make(join(labRoot, folder, name));
      console.log(`built labs/cache-aside/${folder}/${name}`);
    }
  }
}
