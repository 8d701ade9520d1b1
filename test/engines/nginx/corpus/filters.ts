// gzip and limit_req.
import type { HttpCase } from '../harness/case.ts';

const gz: Array<[string, string]> = [['Accept-Encoding', 'gzip, deflate']];

export const filterCases: HttpCase[] = [
  {
    name: 'compresses text/html only by default and only for clients that accept gzip',
    http: 'include mime.types; gzip on; server { listen 4470; root www; }',
    requests: [{ path: '/static/big.txt', headers: gz }, { path: '/index.html', headers: gz }, { path: '/index.html' }],
  },
  {
    name: 'compresses the types in gzip_types above gzip_min_length',
    http: 'include mime.types; gzip on; gzip_types text/plain text/css application/json; gzip_min_length 100; gzip_vary on; server { listen 4470; root www; }',
    requests: [{ path: '/static/big.txt', headers: gz }, { path: '/static/notes.txt', headers: gz }, { path: '/static/app.js', headers: gz }, { path: '/static/big.txt' }],
  },
  {
    name: 'does not compress for HTTP/1.0 clients or through a Via proxy by default',
    http: 'include mime.types; gzip on; gzip_types text/plain; server { listen 4470; root www; }',
    requests: [{ path: '/static/big.txt', headers: gz, http10: true }, { path: '/static/big.txt', headers: [...gz, ['Via', '1.1 cache']] }],
  },
  {
    name: 'compresses proxied responses by content type',
    http: 'gzip on; gzip_types text/plain; gzip_proxied any; server { listen 4470; location / { proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/text/500', headers: gz }, { path: '/text/5', headers: gz }, { path: '/status/404', headers: gz }],
  },
  {
    name: 'rejects requests beyond the rate with 503 and no burst',
    http: 'limit_req_zone $binary_remote_addr zone=one:1m rate=1r/m; server { listen 4470; location / { limit_req zone=one; return 200 "ok\\n"; } }',
    requests: [{ path: '/' }, { path: '/' }, { path: '/' }],
  },
  {
    name: 'lets a burst through with nodelay and then rejects with limit_req_status',
    http: 'limit_req_zone $binary_remote_addr zone=one:1m rate=1r/m; server { listen 4470; limit_req_status 429; location / { limit_req zone=one burst=2 nodelay; return 200 "ok\\n"; } location /free/ { return 200 "free\\n"; } }',
    requests: [{ path: '/' }, { path: '/' }, { path: '/' }, { path: '/' }, { path: '/free/' }],
  },
  {
    name: 'keys limit_req zones by any variable',
    http: 'limit_req_zone $arg_user zone=users:1m rate=1r/m; server { listen 4470; location / { limit_req zone=users; return 200 "ok $arg_user\\n"; } }',
    requests: [{ path: '/?user=a' }, { path: '/?user=b' }, { path: '/?user=a' }, { path: '/' }, { path: '/' }],
  },
];

export const delayCases: HttpCase[] = [
  {
    name: 'delays requests within the burst instead of rejecting them without nodelay',
    http: 'limit_req_zone $binary_remote_addr zone=slow:1m rate=20r/s; server { listen 4470; location / { limit_req zone=slow burst=3; return 200 "ok\\n"; } }',
    requests: [{ path: '/' }, { path: '/' }, { path: '/' }],
  },
  {
    name: 'weakens the ETag of a compressed file and keeps Last-Modified',
    http: 'include mime.types; gzip on; gzip_types text/plain; server { listen 4470; root www; }',
    requests: [{ path: '/static/big.txt', headers: [['Accept-Encoding', 'gzip']] }],
  },
];
