// The production HTTP headers of the course, in one place. scripts/serve.ts (npm start, the
// e2e suite) sends them, and write-headers.ts turns them into public/_headers (Netlify,
// Cloudflare Pages) and vercel.json, so every host and the local server agree.
import { createHash } from 'node:crypto';
import { themeInitScript } from '../../src/layouts/theme-init.ts';

/** 'sha256-…' source expression allowing one inline script with exactly this text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

// Every directive names what needs it. Sources outside 'self' are the WebContainer's: boot()
// embeds https://stackblitz.com/headless in a hidden iframe (node_modules/@webcontainer/api,
// internal/constants.js), and everything else it loads happens inside that frame, under
// StackBlitz's own policy.
const directives: Array<[string, string[]]> = [
  ['default-src', ["'self'"]],
  // 'wasm-unsafe-eval' lets WebAssembly compile (Pagefind's search, Pyodide) without allowing
  // JavaScript eval; the hash is BaseLayout's theme script, the only inline script.
  ['script-src', ["'self'", "'wasm-unsafe-eval'", scriptHash(themeInitScript)]],
  // Monaco and xterm write <style> elements and style attributes at run time, and Astro inlines
  // small stylesheets; styles cannot run code, so allowing inline ones costs little.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'", 'data:']],
  // 'self' covers ws:/wss: to this host in CSP Level 3: the Local runtime's socket to the runner.
  ['connect-src', ["'self'"]],
  // Monaco's editor worker is a file under /_astro/.
  ['worker-src', ["'self'"]],
  ['frame-src', ['https://stackblitz.com']],
  ['manifest-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'self'"]],
];

export const contentSecurityPolicy = directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/**
 * Sent with every response. COEP is require-corp rather than credentialless: every resource the
 * site loads is its own, credentialless is missing from Safari, and the WebContainer is booted
 * with coep: 'require-corp' (src/runtime/webcontainer/container-booter.ts), which must match.
 * https://webcontainers.io/guides/configuring-headers
 */
export const siteHeaders: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': contentSecurityPolicy,
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  // Features the course never uses, switched off for the page and any frame it embeds. Left out
  // on purpose: cross-origin-isolated, which the WebContainer's iframe is delegated with
  // allow="cross-origin-isolated", and clipboard access, which the editor uses.
  'Permissions-Policy': 'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
};

/** Astro fingerprints everything under _astro/, so a browser may keep those files for a year. */
export const immutableHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'public, max-age=31536000, immutable',
};

export interface HeaderRule {
  /** A path pattern in the _headers form: a literal prefix, then `*`. */
  path: string;
  headers: Readonly<Record<string, string>>;
}

export function headerRules(base = '/'): HeaderRule[] {
  return [
    { path: '/*', headers: siteHeaders },
    { path: `${base}_astro/*`, headers: immutableHeaders },
  ];
}

/** The headers a request for `urlPath` gets: every rule whose pattern matches, later rules winning. */
export function headersFor(urlPath: string, base = '/'): Record<string, string> {
  const matching = headerRules(base).filter((rule) => urlPath.startsWith(rule.path.replace(/\*$/, '')));
  return Object.assign({}, ...matching.map((rule) => rule.headers));
}
