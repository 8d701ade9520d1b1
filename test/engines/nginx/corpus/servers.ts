// Virtual servers: listen addresses, server_name forms, default_server, Host handling.
import type { HttpCase } from '../harness/case.ts';

const s = (extra: string, body: string) => `server { ${extra} return 200 "${body} host=$host server_name=$server_name\\n"; }`;

export const serverCases: HttpCase[] = [
  {
    name: 'picks the first server on the port as default when no name matches',
    http: [s('listen 4470; server_name one.test;', 'one'), s('listen 4470; server_name two.test;', 'two')].join('\n'),
    requests: [{ path: '/', host: 'two.test' }, { path: '/', host: 'one.test:4470' }, { path: '/', host: 'unknown.test' }, { path: '/', host: 'TWO.Test.' }],
  },
  {
    name: 'uses the server marked default_server for unknown names',
    http: [s('listen 4470; server_name one.test;', 'one'), s('listen 4470 default_server; server_name two.test;', 'two')].join('\n'),
    requests: [{ path: '/', host: 'other.test' }, { path: '/', host: 'one.test' }],
  },
  {
    name: 'prefers exact names, then leading wildcards, then trailing wildcards, then regexes',
    http: [
      s('listen 4470; server_name _;', 'catchall'),
      s('listen 4470; server_name www.example.test;', 'exact'),
      s('listen 4470; server_name *.example.test;', 'head wildcard'),
      s('listen 4470; server_name *.api.example.test;', 'longer head wildcard'),
      s('listen 4470; server_name www.example.*;', 'tail wildcard'),
      s('listen 4470; server_name ~^(?<sub>[a-z]+)\\.regex\\.test$;', 'regex $sub'),
    ].join('\n'),
    requests: [
      { path: '/', host: 'www.example.test' }, { path: '/', host: 'shop.example.test' }, { path: '/', host: 'v1.api.example.test' },
      { path: '/', host: 'www.example.org' }, { path: '/', host: 'blog.regex.test' }, { path: '/', host: 'nothing.test' },
    ],
  },
  {
    name: 'matches a dot-prefixed name for the domain and all subdomains',
    http: [s('listen 4470; server_name default.test;', 'default'), s('listen 4470; server_name .dot.test;', 'dot')].join('\n'),
    requests: [{ path: '/', host: 'dot.test' }, { path: '/', host: 'a.b.dot.test' }, { path: '/', host: 'xdot.test' }],
  },
  {
    name: 'answers HTTP/1.0 requests without Host from the default server',
    http: [s('listen 4470; server_name first.test;', 'first'), s('listen 4470; server_name "";', 'empty name')].join('\n'),
    requests: [{ path: '/', host: null, http10: true }, { path: '/', host: 'first.test', http10: true }],
  },
  {
    name: 'keeps servers on different ports apart',
    ports: [4470, 4471],
    http: [s('listen 4470; server_name same.test;', 'port 4470'), s('listen 4471; server_name same.test;', 'port 4471')].join('\n'),
    requests: [{ path: '/', host: 'same.test' }, { path: '/', host: 'same.test', port: 4471 }],
  },
  {
    name: 'serves a server bound to 127.0.0.1 before a wildcard server on the same port',
    http: [s('listen 4470; server_name wild.test;', 'wildcard'), s('listen 127.0.0.1:4470; server_name local.test;', 'loopback')].join('\n'),
    requests: [{ path: '/', host: 'wild.test' }, { path: '/', host: 'local.test' }],
  },
  {
    name: 'rejects a request with an invalid Host',
    http: s('listen 4470;', 'ok'),
    requests: [{ path: '/', host: 'bad..host' }, { path: '/', host: 'a/b' }],
  },
];
