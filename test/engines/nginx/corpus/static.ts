// Static files: root, alias, index, try_files, types, default_type, redirects for directories.
import type { HttpCase } from '../harness/case.ts';

const base = 'include mime.types; default_type application/octet-stream;';

export const staticCases: HttpCase[] = [
  {
    name: 'serves the index file for / and files by extension with their types',
    http: `${base} server { listen 4470; root www; }`,
    requests: [{ path: '/' }, { path: '/static/css/site.css' }, { path: '/static/app.js' }, { path: '/static/data.json' }, { path: '/static/README' }],
  },
  {
    name: 'uses only html, gif and jpg types when the configuration has no types block',
    http: 'server { listen 4470; root www; }',
    requests: [{ path: '/index.html' }, { path: '/static/notes.txt' }, { path: '/static/css/site.css' }],
  },
  {
    name: 'answers 404 with the built-in page for a missing file',
    http: `${base} server { listen 4470; root www; }`,
    requests: [{ path: '/missing.html' }, { path: '/static/nope/' }],
  },
  {
    name: 'redirects a directory without its trailing slash, keeping the query string',
    http: `${base} server { listen 4470; root www; }`,
    requests: [{ path: '/docs' }, { path: '/docs?page=2' }, { path: '/docs/' }],
  },
  {
    name: 'answers 403 for a directory without an index file',
    http: `${base} server { listen 4470; root www; }`,
    requests: [{ path: '/empty-dir/' }, { path: '/static/' }],
  },
  {
    name: 'tries index files in order and redirects internally to the first that exists',
    http: `${base} server { listen 4470; root www; index missing.html start.html index.html; location = /docs/start.html { add_header X-Via-Index yes; } }`,
    requests: [{ path: '/docs/' }, { path: '/' }],
  },
  {
    name: 'maps an alias location to another directory',
    http: `${base} server { listen 4470; root www; location /assets/ { alias www/static/; } }`,
    requests: [{ path: '/assets/app.js' }, { path: '/assets/css/site.css' }, { path: '/assets/missing.js' }],
  },
  {
    name: 'falls back through try_files to an index page for client-side routes',
    http: `${base} server { listen 4470; root www; location / { try_files $uri $uri/ /index.html; } }`,
    requests: [{ path: '/some/app/route' }, { path: '/docs' }, { path: '/static/notes.txt' }],
  },
  {
    name: 'answers try_files with a status code when nothing matches',
    http: `${base} server { listen 4470; root www; location / { try_files $uri =404; } location /x/ { try_files $uri =418; } }`,
    requests: [{ path: '/static/app.js' }, { path: '/nothing' }, { path: '/x/y' }],
  },
  {
    name: 'refuses methods other than GET and HEAD on static files',
    http: `${base} server { listen 4470; root www; }`,
    requests: [{ method: 'POST', path: '/index.html', body: 'a=1' }, { method: 'DELETE', path: '/index.html' }, { method: 'HEAD', path: '/index.html' }, { method: 'POST', path: '/nope.html', body: '' }],
  },
  {
    name: 'normalises the URI before mapping it to a file',
    http: `${base} server { listen 4470; root www; }`,
    requests: [{ path: '//static///app.js' }, { path: '/static/./css/../app.js' }, { path: '/%73tatic/app%2Ejs' }, { path: '/../etc/passwd' }],
  },
  {
    name: 'uses the default_type for files without a known extension',
    http: `include mime.types; server { listen 4470; root www; location /static/ { default_type text/x-course; } }`,
    requests: [{ path: '/static/README' }, { path: '/static/blob.bin' }],
  },
  {
    name: 'serves the custom 404 page with error_page and keeps the 404 status',
    http: `${base} server { listen 4470; root www; error_page 404 /errors/404.html; }`,
    requests: [{ path: '/missing' }, { path: '/errors/404.html' }],
  },
  {
    name: 'changes the status of an error page with error_page =code',
    http: `${base} server { listen 4470; root www; error_page 404 =200 /errors/404.html; location /gone { error_page 404 = /index.html; } }`,
    requests: [{ path: '/missing' }, { path: '/gone/x' }],
  },
  {
    name: 'redirects to an external URL from error_page',
    http: `${base} server { listen 4470; root www; error_page 404 http://example.com/notfound; location /perm/ { error_page 404 =301 http://example.com/moved; } }`,
    requests: [{ path: '/missing' }, { path: '/perm/x' }],
  },
  {
    name: 'serves a named location from try_files',
    http: `${base} server { listen 4470; root www; location / { try_files $uri @fallback; } location @fallback { return 200 "fallback for $uri\\n"; } }`,
    requests: [{ path: '/index.html' }, { path: '/deep/link' }],
  },
  {
    name: 'answers a single byte range with 206 and an unsatisfiable one with 416',
    http: `${base} server { listen 4470; root www; }`,
    requests: [
      { path: '/static/big.txt', headers: [['Range', 'bytes=0-9']] }, { path: '/static/big.txt', headers: [['Range', 'bytes=-5']] },
      { path: '/static/big.txt', headers: [['Range', 'bytes=100-']] }, { path: '/static/notes.txt', headers: [['Range', 'bytes=500-600']] },
    ],
  },
  {
    name: 'answers 304 when If-None-Match or If-Modified-Since match the file',
    http: `${base} server { listen 4470; root www; add_header X-Cond yes; }`,
    requests: [{ path: '/static/notes.txt' }, { path: '/static/notes.txt', headers: [['If-None-Match', '*']] }],
  },
  {
    name: 'serves a HEAD request with headers and no body',
    http: `${base} server { listen 4470; root www; }`,
    requests: [{ method: 'HEAD', path: '/static/big.txt' }, { method: 'HEAD', path: '/missing' }],
  },
];
