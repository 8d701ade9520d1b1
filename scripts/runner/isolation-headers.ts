// Cross-origin isolation for every page of the course, so the WebContainer can boot: it needs
// SharedArrayBuffer, which browsers enable only for pages sent with both headers.
// https://webcontainers.io/guides/configuring-headers
export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

/** Whether a server bound to `host` is reachable only from this computer. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
