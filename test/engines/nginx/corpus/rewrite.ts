// return and rewrite, and the redirects nginx builds from them.
import type { HttpCase } from '../harness/case.ts';

export const rewriteCases: HttpCase[] = [
  {
    name: 'returns text with the type of the URI extension or default_type',
    http: 'include mime.types; default_type text/plain; server { listen 4470; location / { return 200 "hello $uri\\n"; } }',
    requests: [{ path: '/' }, { path: '/page.html' }, { path: '/data.json?x=1' }],
  },
  {
    name: 'makes relative redirect targets absolute with the Host and port',
    http: 'server { listen 4470; location /old { return 301 /new$is_args$args; } location /temp { return 302 https://example.com/x; } location /see { return 303 /other; } location /keep { return 307 /kept; } location /perm { return 308 /p; } }',
    requests: [{ path: '/old?a=1' }, { path: '/temp' }, { path: '/see' }, { path: '/keep' }, { path: '/perm' }],
  },
  {
    name: 'redirects with a URL as the only argument of return',
    http: 'server { listen 4470; return http://example.com$request_uri; }',
    requests: [{ path: '/a/b?c=d' }],
  },
  {
    name: 'honours port_in_redirect off and absolute_redirect off',
    http: 'server { listen 4470; location /a { port_in_redirect off; return 301 /x; } location /b { absolute_redirect off; return 301 /y; } location /c { server_name_in_redirect on; return 301 /z; } server_name canonical.test; }',
    requests: [{ path: '/a' }, { path: '/b' }, { path: '/c', host: 'alias.test:4470' }],
  },
  {
    name: 'returns error statuses with nginx pages and other codes with no body',
    http: 'server { listen 4470; location /e { return 503; } location /f { return 403; } location /t { return 418; } location /n { return 204; } location /s { return 404 "custom body\\n"; } }',
    requests: [{ path: '/e' }, { path: '/f' }, { path: '/t' }, { path: '/n' }, { path: '/s' }],
  },
  {
    name: 'closes the connection for return 444',
    http: 'server { listen 4470; location / { return 444; } }',
    requests: [{ path: '/' }],
  },
  {
    name: 'applies server-level return before any location',
    http: 'server { listen 4470; return 301 http://new.test$request_uri; location / { return 200 "never\\n"; } }',
    requests: [{ path: '/page?q=1' }],
  },
  {
    name: 'rewrites with last and looks the location up again',
    http: 'server { listen 4470; location /old/ { rewrite ^/old/(.*)$ /new/$1 last; } location /new/ { return 200 "new: $uri args=$args\\n"; } }',
    requests: [{ path: '/old/page' }, { path: '/old/page?x=1' }],
  },
  {
    name: 'redirects with rewrite permanent and redirect flags',
    http: 'server { listen 4470; rewrite ^/blog/(.*)$ /articles/$1 permanent; rewrite ^/tmp/(.*)$ /t/$1?from=tmp redirect; location / { return 200 "$uri\\n"; } }',
    requests: [{ path: '/blog/hello' }, { path: '/tmp/x?y=2' }, { path: '/plain' }],
  },
  {
    name: 'keeps serving the location after rewrite break',
    http: 'include mime.types; server { listen 4470; root www; location /v1/ { rewrite ^/v1/(.*)$ /static/$1 break; } }',
    requests: [{ path: '/v1/app.js' }, { path: '/v1/missing.js' }],
  },
];
