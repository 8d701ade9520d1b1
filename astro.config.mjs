// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { productionHeaders } from './scripts/hosting/dev-headers.ts';
import { localRunner } from './scripts/runner/astro-runner.ts';

// BASE_PATH lets a teacher host the course under a sub-path (GitHub Pages: /<repo>/);
// SITE_URL is the public origin used for canonical links. CONTENT_DIR and LABS_DIR (read in
// src/course/paths.ts) and ASTRO_CACHE_DIR let tests build the site from fixture content
// without touching the real build's content cache.
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'ignore',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  // localRunner: COOP/COEP headers on dev and preview, and the lab runner on `npm run dev`;
  // productionHeaders: the rest of production's headers (the CSP above all) on dev and preview.
  integrations: [mdx(), localRunner(), productionHeaders()],
  // Prism marks tokens with classes, which src/styles/code.css colours for both themes; Shiki's
  // default writes a dark theme's colours inline into every token.
  markdown: { syntaxHighlight: 'prism' },
  // Scripts always ship as files, never inlined into the page: the Content-Security-Policy
  // (scripts/hosting/headers.ts) allows scripts from the site itself, not inline ones. Other
  // assets keep Vite's default (undefined falls back to its 4 KB limit).
  //
  // The site script every page loads (BaseLayout's) also holds Vite's preload helper, which every
  // script with a lazy import() needs: shared, it would be a file of its own, one more request.
  vite: {
    build: {
      assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined),
      rolldownOptions: { output: { manualChunks: (id) => (/vite\/preload-helper|\/layouts\/BaseLayout\.astro\?astro&type=script/.test(id) ? 'site' : undefined) } },
    },
  },
  server: { port: 4321, host: '127.0.0.1' },
});
