// `-t` output: the success lines and nginx's error text, file and line.
import type { ConfigTestCase } from '../harness/case.ts';

const conf = (text: string): ConfigTestCase['files'] => ({ 'nginx.conf': text });
const http = (body: string) => conf(`events {}\nhttp {\n${body}\n}\n`);

export const configTestCases: ConfigTestCase[] = [
  { name: 'accepts a complete reverse-proxy configuration', files: conf(`worker_processes 1;\npid $PREFIX/nginx.pid;\nevents { worker_connections 128; }\nhttp {\n  include mime.types;\n  default_type application/octet-stream;\n  sendfile on;\n  keepalive_timeout 65;\n  upstream app { server 127.0.0.1:4481 weight=2 max_fails=3 fail_timeout=5s; server 127.0.0.1:4482 backup; }\n  server {\n    listen 4470 default_server;\n    server_name example.test www.example.test;\n    location / { proxy_pass http://app; proxy_set_header Host $host; }\n    location /static/ { alias www/static/; expires 7d; }\n  }\n}\n`) },
  { name: 'reports an unknown directive with its line', files: http('  server {\n    listen 4470;\n    location / {\n      proxy_pas http://127.0.0.1:4481;\n    }\n  }') },
  { name: 'reports a directive without a semicolon', files: http('  server {\n    listen 4470\n  }') },
  { name: 'reports a directive in the wrong context', files: http('  listen 4470;') },
  { name: 'reports a wrong number of arguments', files: http('  server { listen 4470; root a b; }') },
  { name: 'reports an unexpected closing brace', files: http('  server { listen 4470; }\n}') },
  { name: 'reports a missing closing brace at the end of the file', files: http('  server { listen 4470;') },
  { name: 'reports an unterminated quoted string', files: http('  server { return 200 "abc; }') },
  { name: 'reports a block directive without its opening brace', files: http('  server;') },
  { name: 'reports a duplicate root', files: http('  server { root /a;\n root /b; }') },
  { name: 'reports alias after root in the same location', files: http('  server { location / { root /a; alias /b; } }') },
  { name: 'reports a duplicate location', files: http('  server {\n    location /a {}\n    location /a {}\n  }') },
  { name: 'reports an unknown variable without a position', files: http('  server { return 200 $nosuchvar; }') },
  { name: 'reports an unclosed ${ variable', files: http('  server { return 200 "${host"; }') },
  { name: 'reports a missing events section after syntax is ok', files: conf('http {}\n') },
  { name: 'reports an upstream without servers', files: http('  upstream app {\n  }\n  server { listen 4470; }') },
  { name: 'reports proxy_pass with a URI inside a regex location', files: http('  server { location ~ ^/a { proxy_pass http://127.0.0.1:4481/x; } }') },
  { name: 'reports an invalid proxy_pass URL prefix', files: http('  server { location / { proxy_pass 127.0.0.1:4481; } }') },
  { name: 'reports a proxy_pass host that is neither an upstream nor resolvable', files: http('  server { location / { proxy_pass http://no-such-upstream.invalid; } }') },
  { name: 'reports an invalid upstream server parameter', files: http('  upstream u { server 127.0.0.1:4481 weight=0; }') },
  { name: 'reports an invalid listen port', files: http('  server { listen 99999; }') },
  { name: 'reports two default servers on one port', files: http('  server { listen 4470 default_server; }\n  server { listen 4470 default_server; }') },
  { name: 'warns about conflicting server names and still passes', files: http('  server { listen 4470; server_name a.test; }\n  server { listen 4470; server_name a.test; }') },
  { name: 'reports a missing include file with the errno text', files: http('  include conf.d/missing.conf;') },
  { name: 'includes files matched by a glob in sorted order', files: { ...http('  include conf.d/*.conf;'), 'conf.d/b.conf': 'server { listen 4471; }\n', 'conf.d/a.conf': 'server { listen 4470;\n  bogus_directive on;\n}\n' } },
  { name: 'accepts a glob include that matches nothing', files: http('  include nothing.d/*.conf;\n  server { listen 4470; }') },
  { name: 'reports an invalid on/off value', files: http('  gzip yes;') },
  { name: 'reports an invalid return code', files: http('  server { location / { return abc; } }') },
  { name: 'reports an invalid expires value', files: http('  server { expires soon; }') },
  { name: 'reports an invalid time in proxy_read_timeout', files: http('  proxy_read_timeout 5x;') },
  { name: 'reports a limit_req zone that was never defined after syntax is ok', files: http('  server { listen 4470; limit_req zone=nozone; }') },
  { name: 'reports an invalid burst in limit_req', files: http('  limit_req_zone $binary_remote_addr zone=one:1m rate=5r/s;\n  server { limit_req zone=one burst=many; }') },
  { name: 'reports a nested location outside its parent', files: http('  server { location /a { location /b {} } }') },
  { name: 'keeps # inside a word and inside quotes', files: http('  server { listen 4470; add_header X-A a#b; add_header X-B "c # d"; # comment\n }') },
  { name: 'reports a character glued after a quoted word', files: http('  server { return 200 "a"b; }') },
  { name: 'reports add_header with an invalid last parameter', files: http('  add_header X-A b sometimes;') },
  { name: 'reports an unknown log format', files: http('  access_log logs/x.log fancy;') },
];

export const moreConfigTests: ConfigTestCase[] = [
  { name: 'reports proxy_pass outside a location', files: http('  server { listen 4470; proxy_pass http://127.0.0.1:4481; }') },
  { name: 'reports a location with too many arguments', files: http('  server { location = /a /b {} }') },
  { name: 'reports an invalid location modifier', files: http('  server { location ~~ /a {} }') },
  { name: 'reports an unknown listen parameter', files: http('  server { listen 4470 fast; }') },
  { name: 'reports a named location nested in another location', files: http('  server { location /a { location @b {} } }') },
  { name: 'reports a duplicate upstream block', files: http('  upstream u { server 127.0.0.1:4481; }\n  upstream u { server 127.0.0.1:4482; }') },
  { name: 'reports a server line outside an upstream block as a block directive', files: http('  server 127.0.0.1:4481;') },
  { name: 'reports include without its file', files: http('  include;') },
  { name: 'reports a duplicate default_type', files: http('  default_type text/plain;\n  default_type text/html;') },
  { name: 'reports an invalid error_page code', files: http('  error_page 200 /x.html;') },
  { name: 'reports an invalid rate in limit_req_zone', files: http('  limit_req_zone $binary_remote_addr zone=z:1m rate=fast;') },
  { name: 'reports a try_files with one argument', files: http('  server { location / { try_files $uri; } }') },
  { name: 'reports directives after the http block closes at the right line', files: conf('events {}\nhttp {\n}\n\nlisten 80;\n') },
];

export const debianStyleConfig: ConfigTestCase[] = [
  {
    name: 'accepts a configuration shaped like Debian\'s default nginx.conf',
    files: {
      'nginx.conf': `user www-data;\nworker_processes auto;\npid $PREFIX/nginx.pid;\ninclude $PREFIX/modules-enabled/*.conf;\n\nevents {\n\tworker_connections 768;\n\t# multi_accept on;\n}\n\nhttp {\n\tsendfile on;\n\ttcp_nopush on;\n\ttypes_hash_max_size 2048;\n\t# server_tokens off;\n\n\tinclude $PREFIX/mime.types;\n\tdefault_type application/octet-stream;\n\n\tssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n\tssl_prefer_server_ciphers on;\n\n\taccess_log $PREFIX/access.log;\n\terror_log $PREFIX/error.log;\n\n\tgzip on;\n\n\tinclude $PREFIX/conf.d/*.conf;\n\tinclude $PREFIX/sites-enabled/*;\n}\n`,
      'sites-enabled/default': 'server {\n\tlisten 4470 default_server;\n\troot www;\n\tindex index.html index.htm;\n\tserver_name _;\n\tlocation / {\n\t\ttry_files $uri $uri/ =404;\n\t}\n}\n',
    },
  },
];
