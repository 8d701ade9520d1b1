// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
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
  // localRunner: COOP/COEP headers on dev and preview, and the lab runner on `npm run dev`.
  integrations: [mdx(), localRunner()],
  // Prism marks tokens with classes, which src/styles/code.css colours for both themes; Shiki's
  // default writes a dark theme's colours inline into every token.
  markdown: { syntaxHighlight: 'prism' },
  // Scripts always ship as files, never inlined into the page: the Content-Security-Policy
  // (scripts/hosting/headers.ts) allows scripts from the site itself, not inline ones. Other
  // assets keep Vite's default (undefined falls back to its 4 KB limit).
  vite: { build: { assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? false : undefined) } },
  server: { port: 4321, host: '127.0.0.1' },
});
