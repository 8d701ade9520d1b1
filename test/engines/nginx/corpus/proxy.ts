// proxy_pass: the URI and headers the upstream receives, and what comes back.
import type { HttpCase } from '../harness/case.ts';

const ua: Array<[string, string]> = [['User-Agent', 'diff-client/1.0'], ['Accept', '*/*']];

export const proxyCases: HttpCase[] = [
  {
    name: 'passes the request URI unchanged when proxy_pass has no URI part',
    http: 'server { listen 4470; location / { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/api/users?id=7', headers: ua }, { path: '//double//slash/%41?x=%20' }],
  },
  {
    name: 'replaces the location prefix with the URI part of proxy_pass',
    http: 'server { listen 4470; location /api/ { proxy_pass http://127.0.0.1:4481/v2/; } location /raw { proxy_pass http://127.0.0.1:4481/; } location = /exact { proxy_pass http://127.0.0.1:4481/target; } }',
    requests: [{ path: '/api/users?page=2' }, { path: '/api/a%20b' }, { path: '/rawdata' }, { path: '/exact?q' }],
  },
  {
    name: 'redirects a proxied prefix without its trailing slash',
    http: 'server { listen 4470; location /app/ { proxy_pass http://127.0.0.1:4481; } location = /app2/ { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/app' }, { path: '/app?x=1' }, { path: '/app/' }, { path: '/app2' }],
  },
  {
    name: 'sends Host $proxy_host and Connection close over HTTP/1.0 by default',
    http: 'upstream backend { server 127.0.0.1:4481; } server { listen 4470; location /g/ { proxy_pass http://backend; } location /p/ { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/g/x', headers: [['X-Custom', 'kept'], ['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=5']] }, { path: '/p/x' }],
  },
  {
    name: 'sets the usual reverse-proxy headers with proxy_set_header',
    http: 'server { listen 4470; location / { proxy_pass http://127.0.0.1:4481; proxy_set_header Host $host; proxy_set_header X-Real-IP $remote_addr; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto $scheme; } }',
    requests: [{ path: '/', host: 'site.test' }, { path: '/', host: 'site.test:4470', headers: [['X-Forwarded-For', '203.0.113.9']] }],
  },
  {
    name: 'inherits proxy_set_header only into levels that define none',
    http: 'proxy_set_header X-From http; server { listen 4470; location /a/ { proxy_pass http://127.0.0.1:4481; } location /b/ { proxy_set_header X-From location-b; proxy_pass http://127.0.0.1:4481; } location /c/ { proxy_set_header X-Other c; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/a/' }, { path: '/b/' }, { path: '/c/' }],
  },
  {
    name: 'drops headers set to an empty value and client headers with underscores',
    http: 'server { listen 4470; location / { proxy_set_header Accept-Encoding ""; proxy_set_header X-Empty $http_x_nothing; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/', headers: [['Accept-Encoding', 'gzip'], ['X_Under', 'dropped'], ['X-Dash', 'kept']] }],
  },
  {
    name: 'forwards a request body with its length',
    http: 'server { listen 4470; location / { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ method: 'POST', path: '/form', headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: 'name=course&proxy=nginx' }, { method: 'PUT', path: '/empty', body: '' }],
  },
  {
    name: 'uses HTTP/1.1 upstream with proxy_http_version 1.1',
    http: 'server { listen 4470; location / { proxy_http_version 1.1; proxy_set_header Connection ""; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/keepalive' }, { path: '/chunked' }],
  },
  {
    name: 'passes upstream statuses and headers but not Server, Date or X-Accel-*',
    http: 'server { listen 4470; location / { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/headers' }, { path: '/status/404' }, { path: '/status/500' }, { path: '/status/201' }],
  },
  {
    name: 'hides and passes upstream headers as configured',
    http: 'server { listen 4470; location / { proxy_hide_header X-Powered-By; proxy_pass http://127.0.0.1:4481; } location /p/ { proxy_pass_header Server; proxy_pass_header X-Accel-Expires; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/headers' }, { path: '/p/headers' }],
  },
  {
    name: 'rewrites upstream redirects with the default proxy_redirect',
    http: 'server { listen 4470; location /one/ { proxy_pass http://127.0.0.1:4481/two/; } location / { proxy_pass http://127.0.0.1:4481; } location /off/ { proxy_redirect off; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/one/redirect' }, { path: '/redirect' }, { path: '/off/redirect' }],
  },
  {
    name: 'intercepts upstream errors with error_page when proxy_intercept_errors is on',
    http: 'server { listen 4470; root www; error_page 500 502 503 504 /errors/50x.html; location /i/ { proxy_intercept_errors on; proxy_pass http://127.0.0.1:4481; } location /p/ { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/i/status/503' }, { path: '/p/status/503' }, { path: '/i/status/200' }],
  },
  {
    name: 'forwards the rewritten URI after rewrite and try_files',
    http: 'server { listen 4470; root www; location /old/ { rewrite ^/old/(.*)$ /new/$1 last; } location /new/ { proxy_pass http://127.0.0.1:4481; } location / { try_files $uri @app; } location @app { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/old/x%20y?z=1' }, { path: '/dynamic/page?a=b' }, { path: '/index.html' }],
  },
  {
    name: 'proxies an error_page to an upstream with the GET method',
    http: 'server { listen 4470; root www; error_page 404 = /fallback; location /fallback { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/missing?x=1' }, { method: 'POST', path: '/missing', body: 'b=1' }],
  },
];

export const moreProxyCases: HttpCase[] = [
  {
    name: 'leaves out the client headers and body when told to',
    http: 'server { listen 4470; location /h/ { proxy_pass_request_headers off; proxy_pass http://127.0.0.1:4481; } location /b/ { proxy_pass_request_body off; proxy_set_header Content-Length ""; proxy_pass http://127.0.0.1:4481; } location /stuck/ { proxy_pass_request_body off; proxy_read_timeout 300ms; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/h/x', headers: ua }, { method: 'POST', path: '/b/x', body: 'secret=1' }, { method: 'POST', path: '/stuck/x', body: 'secret=1' }],
  },
  {
    name: 'sends HEAD upstream and returns the headers without a body',
    http: 'server { listen 4470; location / { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ method: 'HEAD', path: '/text/40' }, { method: 'OPTIONS', path: '/x' }, { method: 'PATCH', path: '/x', body: '{"a":1}' }],
  },
  {
    name: 'resolves localhost in proxy_pass like nginx does',
    http: 'server { listen 4470; location / { proxy_pass http://localhost:4481; } }',
    requests: [{ path: '/first' }, { path: '/second' }],
  },
  {
    name: 'serves a maintenance page from a named location when the upstream is down',
    http: 'server { listen 4470; root www; error_page 502 503 @maintenance; location / { proxy_pass http://127.0.0.1:4489; } location @maintenance { rewrite ^ /errors/50x.html break; } }',
    requests: [{ path: '/app' }],
  },
  {
    name: 'answers 413 when the body is larger than client_max_body_size',
    http: 'server { listen 4470; client_max_body_size 10; location / { proxy_pass http://127.0.0.1:4481; } location /big/ { client_max_body_size 1k; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ method: 'POST', path: '/x', body: 'this body is longer than ten bytes' }, { method: 'POST', path: '/big/x', body: 'this body is longer than ten bytes' }],
  },
  {
    name: 'uses the backup server when the single primary server refuses connections',
    http: 'upstream app { server 127.0.0.1:4489; server 127.0.0.1:4482 backup; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: [{ path: '/one' }, { path: '/two' }],
  },
];
