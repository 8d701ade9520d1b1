// Builds the site from a fixture folder under test/fixtures/content/ (chapters/ and, when
// present, labs/) into its own output and cache folders, the way `npm run build` builds it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureBuild {
  status: number | null;
  output: string;
  dist: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** The environment without what Vitest adds: it sets BASE_URL, MODE, DEV, PROD and SSR in
 * process.env, and a child `astro build` would take BASE_URL=/ over the configured base. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key) && !key.startsWith('VITEST'),
  );
  return Object.fromEntries(inherited);
}

export function buildFixture(name: string, options: { basePath?: string } = {}): FixtureBuild {
  const fixture = join('test/fixtures/content', name);
  const work = join('.work/content-tests', `${name}${options.basePath ? '-based' : ''}`);
  const dist = join(work, 'dist');
  rmSync(work, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...cleanEnvironment(),
    NODE_ENV: 'production',
    CONTENT_DIR: fixture,
    LABS_DIR: existsSync(join(fixture, 'labs')) ? join(fixture, 'labs') : join(fixture, 'no-labs'),
    ASTRO_CACHE_DIR: join(work, 'cache'),
    BASE_PATH: options.basePath ?? '/',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const build = run('node_modules/.bin/astro', ['build', '--outDir', dist], env);
  if (build.status !== 0) return { ...build, dist };
  const links = run('node', ['scripts/check-links.ts', '--dist', dist], env);
  return { status: links.status, output: `${build.output}\n${links.output}`, dist };
}
