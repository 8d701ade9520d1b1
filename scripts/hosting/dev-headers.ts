// `npm run dev` (and `astro preview`) send the production headers of headers.ts, so an author
// sees a Content-Security-Policy violation in the browser console while writing a chapter, not
// after deploying it. Only the Cache-Control rule for fingerprinted files stays production's:
// the dev server's modules are not fingerprinted, and Vite sets their caching itself.
import type { AstroIntegration } from 'astro';
import { siteHeaders } from './headers.ts';

export function productionHeaders(): AstroIntegration {
  return {
    name: 'port-to-production:production-headers',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Astro's own headers cover the pages it renders; Vite's cover the modules and workers it serves.
        const headers = { ...siteHeaders };
        // Astro's dev toolbar configures itself with an inline <script> whose text changes with
        // the checkout and Astro's latest version, which no policy hash can allow; it goes, so
        // the only violations an author sees are their own.
        updateConfig({ server: { headers }, vite: { server: { headers }, preview: { headers } }, devToolbar: { enabled: false } });
      },
    },
  };
}
