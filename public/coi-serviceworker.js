// Cross-origin isolation for hosts that cannot send headers (GitHub Pages). The WebContainer
// needs SharedArrayBuffer, which a browser grants only to a page sent with COOP: same-origin and
// COEP: require-corp. This file is both halves of the workaround:
//  - in a page (lab pages load it), it registers itself as a service worker when the page is
//    not isolated, then reloads once so the worker can serve the page;
//  - as the service worker, it answers this site's requests with those two headers added.
// Served as its own unbundled file: a service worker's scope is the folder of its URL, so it
// must sit at the site's base to cover every page. The approach is that of coi-serviceworker
// (https://github.com/gzuidhof/coi-serviceworker); this is our own implementation of it.
/* eslint-env browser, serviceworker */
'use strict';

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function isolated(response) {
  // Opaque and error responses cannot be read or rebuilt; pass them through untouched.
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(isolationHeaders)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function runAsServiceWorker() {
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (new URL(request.url).origin !== self.location.origin) return;
    // Chromium rejects fetch() of a request with cache "only-if-cached" unless its mode is
    // "same-origin" (devtools sends such requests); leave those to the network stack.
    if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
    event.respondWith(fetch(request).then(isolated));
  });
}

function runInPage() {
  if (window.crossOriginIsolated || !window.isSecureContext || !('serviceWorker' in navigator)) return;
  const reloadedKey = 'port-to-production:coi-reloaded';
  // One reload per tab: if the page is still not isolated after it, the browser refuses
  // (private mode, service workers disabled), and the lab page explains the other ways to run.
  if (navigator.serviceWorker.controller && sessionStorage.getItem(reloadedKey)) return;
  const script = document.currentScript;
  navigator.serviceWorker.register(script.src).then(
    () => {
      const reload = () => {
        if (sessionStorage.getItem(reloadedKey)) return;
        sessionStorage.setItem(reloadedKey, '1');
        location.reload();
      };
      if (navigator.serviceWorker.controller) reload();
      else navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
    },
    (error) => console.warn(`Labs need cross-origin isolation, and its service worker did not register (${error.message}).`),
  );
}

if (typeof window === 'undefined') runAsServiceWorker();
else runInPage();
