// add_header (inheritance, always, status list) and expires.
import type { HttpCase } from '../harness/case.ts';

export const headerCases: HttpCase[] = [
  {
    name: 'inherits add_header only into levels that define none',
    http: 'include mime.types; add_header X-Http http-level; server { listen 4470; root www; add_header X-Server server-level; location /static/ { } location /docs/ { add_header X-Docs docs-only; } }',
    requests: [{ path: '/' }, { path: '/static/app.js' }, { path: '/docs/' }],
  },
  {
    name: 'adds headers to error responses only with always',
    http: 'server { listen 4470; root www; add_header X-Plain plain; add_header X-Always always-value always; location /err { return 500; } location /redir { return 302 /x; } }',
    requests: [{ path: '/' }, { path: '/missing' }, { path: '/err' }, { path: '/redir' }],
  },
  {
    name: 'expands variables in add_header and skips empty values',
    http: 'server { listen 4470; location / { add_header X-Uri $uri; add_header X-Empty $http_x_missing; add_header X-Args "[$args]"; return 200 "ok\\n"; } }',
    requests: [{ path: '/p?a=1' }],
  },
  {
    name: 'sets Expires and Cache-Control from expires',
    http: 'include mime.types; server { listen 4470; root www; location /static/ { expires 30d; } location /docs/ { expires -1; } location = /index.html { expires epoch; } location /e/ { expires max; return 200 "max\\n"; } location /z/ { expires 0; return 200 "zero\\n"; } }',
    requests: [{ path: '/static/app.js' }, { path: '/docs/start.html' }, { path: '/index.html' }, { path: '/e/' }, { path: '/z/' }],
  },
  {
    name: 'leaves error responses without expires headers',
    http: 'server { listen 4470; root www; expires 1h; location /bad { return 502; } }',
    requests: [{ path: '/missing' }, { path: '/bad' }, { path: '/index.html' }],
  },
  {
    name: 'bases expires modified on the file modification time',
    http: 'server { listen 4470; root www; expires modified 3650d; }',
    requests: [{ path: '/index.html' }],
  },
  {
    name: 'turns server_tokens off in error pages',
    http: 'server { listen 4470; server_tokens off; location / { return 404; } }',
    requests: [{ path: '/' }],
  },
];
