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

export const variableCases: HttpCase[] = [
  {
    name: 'expands request variables the way nginx does',
    http: 'server { listen 4470; server_name vars.test; location / { return 200 "uri=$uri request_uri=$request_uri args=$args is_args=$is_args arg_a=$arg_a method=$request_method host=$host ua=$http_user_agent cookie=$cookie_session proto=$server_protocol port=$server_port scheme=$scheme\\n"; } }',
    requests: [
      { path: '/p%61th/x?a=1&b=2', headers: [['User-Agent', 'curl/8'], ['Cookie', 'theme=dark; session=abc123']] },
      { path: '/plain', host: 'VARS.test:4470' },
    ],
  },
  {
    name: 'keeps repeated slashes with merge_slashes off',
    http: 'server { listen 4470; merge_slashes off; location / { return 200 "$uri\\n"; } }',
    requests: [{ path: '//a///b' }],
  },
  {
    name: 'captures from a regex location feed alias and try_files',
    http: 'include mime.types; server { listen 4470; location ~ ^/v(\\d+)/(.+)$ { alias www/static/$2; add_header X-Version $1; } location ~ ^/t/(.+)$ { root www; try_files /static/$1 /docs/$1 =404; } }',
    requests: [{ path: '/v2/app.js' }, { path: '/t/notes.txt' }, { path: '/t/start.html' }, { path: '/t/none' }],
  },
];
