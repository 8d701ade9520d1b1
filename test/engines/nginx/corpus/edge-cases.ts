// Less common paths: rewrite chains, explicit proxy_redirect, recursive error pages, absolute
// index files, several limit_req zones, Expect: 100-continue.
import type { HttpCase } from '../harness/case.ts';

export const edgeCases: HttpCase[] = [
  {
    name: 'applies rewrites without a flag one after another, then looks the location up again',
    http: 'server { listen 4470; location / { rewrite ^/a/(.*)$ /b/$1; rewrite ^/b/(.*)$ /c/$1; return 200 "not reached\\n"; } location /c/ { return 200 "c: $uri\\n"; } }',
    requests: [{ path: '/a/x' }, { path: '/z' }],
  },
  {
    name: 'rewrites upstream Location headers with explicit proxy_redirect rules',
    http: 'server { listen 4470; location / { proxy_redirect http://127.0.0.1:4481/moved/ /elsewhere/; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/redirect' }],
  },
  {
    name: 'follows error_page inside an error page only with recursive_error_pages',
    http: 'server { listen 4470; root www; error_page 404 /missing-page.html; location /r/ { recursive_error_pages on; error_page 404 /also-missing.html; } location = /also-missing.html { error_page 404 =200 /errors/404.html; return 404; } }',
    requests: [{ path: '/nope' }, { path: '/r/nope' }],
  },
  {
    name: 'redirects internally to an absolute index file',
    http: 'include mime.types; server { listen 4470; root www; index /docs/start.html; }',
    requests: [{ path: '/' }, { path: '/static/' }],
  },
  {
    name: 'checks every limit_req zone of a location',
    http: 'limit_req_zone $binary_remote_addr zone=perip:1m rate=1r/m; limit_req_zone $arg_k zone=perkey:1m rate=1r/m; server { listen 4470; location / { limit_req zone=perip burst=5 nodelay; limit_req zone=perkey nodelay; return 200 "ok\\n"; } }',
    requests: [{ path: '/?k=1' }, { path: '/?k=2' }, { path: '/?k=1' }, { path: '/' }, { path: '/' }],
  },
  {
    name: 'answers 100 Continue and proxies the body of a request that expects it',
    http: 'server { listen 4470; location / { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ method: 'POST', path: '/upload', headers: [['Expect', '100-continue']], body: 'payload' }],
  },
  {
    name: 'adds Vary for compressible types even when the client does not accept gzip',
    http: 'include mime.types; gzip on; gzip_vary on; gzip_types text/css; server { listen 4470; root www; }',
    requests: [{ path: '/static/css/site.css' }, { path: '/static/app.js', headers: [['Accept-Encoding', 'gzip']] }, { path: '/static/css/site.css', headers: [['Accept-Encoding', 'gzip;q=0']] }],
  },
  {
    name: 'passes a proxied request with an encoded slash unchanged but routes by the decoded path',
    http: 'server { listen 4470; location /a/b { proxy_pass http://127.0.0.1:4481; } location / { return 200 "root: $uri\\n"; } }',
    requests: [{ path: '/a%2Fb/c' }, { path: '/a/%62/c' }],
  },
  {
    name: 'weights ip_hash buckets by server weight',
    http: 'upstream app { ip_hash; server 127.0.0.1:4481 weight=3; server 127.0.0.1:4482; server 127.0.0.1:4483 down; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: [{ path: '/1' }, { path: '/2' }],
  },
];
