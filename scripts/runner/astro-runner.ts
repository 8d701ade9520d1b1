// `npm run dev` gets what `npm start` has: pages sent with cross-origin isolation headers, the
// lab grader bundles built, and the local runner on the dev server (see local-runner.ts).
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { bundleAll, bundleDir } from '../bundle.ts';
import { crossOriginIsolationHeaders } from './isolation-headers.ts';
import { LocalRunner } from './local-runner.ts';

/**
 * The workbench's browser dependencies, for Vite's dev optimizer to bundle at startup. Found
 * on the first lab page instead, they would make Vite re-bundle mid-load and answer the page's
 * earlier imports with "504 Outdated Optimize Dep". Monaco's entries are read from the one file
 * that imports them, so the two lists cannot drift apart.
 */
export function workbenchDependencies(root: URL): string[] {
  const monaco = readFileSync(new URL('src/workbench/editor/monaco-setup.ts', root), 'utf8');
  const entries = [...monaco.matchAll(/from '(monaco-editor\/[^'?]+)'|import '(monaco-editor\/[^'?]+)'/g)].map((match) => match[1] ?? match[2] ?? '');
  // zod/locales: the workbench checks grader results with zod's English messages.
  return [...entries, '@xterm/xterm', '@xterm/addon-fit', '@webcontainer/api', 'zod/mini', 'zod/locales'];
}

export function localRunner(): AstroIntegration {
  let base = '/';
  return {
    name: 'port-to-production:local-runner',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // Astro's own headers cover the pages it renders; Vite's cover the modules and workers it serves.
        const headers = { ...crossOriginIsolationHeaders };
        updateConfig({
          server: { headers },
          vite: { server: { headers }, preview: { headers }, optimizeDeps: { include: workbenchDependencies(config.root) } },
        });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': async ({ server, logger }) => {
        // Graders run from their bundles; build them once if this checkout has none yet.
        if (!existsSync(`${bundleDir}/graders`)) await bundleAll();
        else logger.info(`lab graders run from ${bundleDir}/; after changing a grader, run \`node scripts/bundle.ts\``);
        const runner = new LocalRunner({ base, labsDir: process.env.LABS_DIR || 'labs', bundlesDir: 'public/bundles', workRoot: '.work/workbench' });
        server.middlewares.use((request, response, next) => {
          if (!runner.handleRequest(request, response)) next();
        });
        server.httpServer?.on('upgrade', (request, socket, head) => {
          runner.handleUpgrade(request, socket, head);
        });
        server.httpServer?.on('close', () => void runner.close());
        logger.info('lab runner ready: labs on this dev server run your code with local Node');
      },
    },
  };
}
