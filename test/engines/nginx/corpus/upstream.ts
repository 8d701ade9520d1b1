// upstream groups: balancing, passive health checks, retries and failures.
import type { HttpCase } from '../harness/case.ts';

const times = (n: number, path = '/') => Array.from({ length: n }, () => ({ path }));

/** Shows which peers nginx tried and what each answered, in response headers. */
const trace = 'add_header X-Upstream-Addr $upstream_addr always; add_header X-Upstream-Status $upstream_status always;';

export const upstreamCases: HttpCase[] = [
  {
    name: 'alternates between servers with round robin',
    http: trace + 'upstream app { server 127.0.0.1:4481; server 127.0.0.1:4482; server 127.0.0.1:4483; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(6),
  },
  {
    name: 'spreads requests by weight with smooth weighted round robin',
    http: trace + 'upstream app { server 127.0.0.1:4481 weight=5; server 127.0.0.1:4482; server 127.0.0.1:4483; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(14),
  },
  {
    name: 'skips servers marked down',
    http: trace + 'upstream app { server 127.0.0.1:4481; server 127.0.0.1:4482 down; server 127.0.0.1:4483; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(4),
  },
  {
    name: 'retries the next server when one refuses connections and then skips it',
    http: trace + 'upstream app { server 127.0.0.1:4489; server 127.0.0.1:4481; server 127.0.0.1:4482; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(6),
  },
  {
    name: 'keeps trying a server that fails when max_fails is 0',
    http: trace + 'upstream app { server 127.0.0.1:4489 max_fails=0; server 127.0.0.1:4481; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(4),
  },
  {
    name: 'answers 502 when the only server refuses connections',
    http: trace + 'server { listen 4470; location / { proxy_pass http://127.0.0.1:4489; } }',
    requests: times(2),
  },
  {
    name: 'answers 502 when every server in the group fails',
    http: trace + 'upstream app { server 127.0.0.1:4489; server 127.0.0.1:4488; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(3),
  },
  {
    name: 'uses backup servers only when the primary ones fail',
    http: trace + 'upstream app { server 127.0.0.1:4489; server 127.0.0.1:4488; server 127.0.0.1:4483 backup; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(3),
  },
  {
    name: 'answers 504 when the upstream does not answer within proxy_read_timeout',
    http: trace + 'server { listen 4470; location / { proxy_read_timeout 300ms; proxy_pass http://127.0.0.1:4481; } }',
    requests: [{ path: '/hang' }, { path: '/slow/50' }],
  },
  {
    name: 'retries a GET on timeout but never a POST that was already sent',
    http: trace + 'upstream app { server 127.0.0.1:4481; server 127.0.0.1:4482; } server { listen 4470; location / { proxy_read_timeout 300ms; proxy_pass http://app; } }',
    requests: [{ path: '/hang' }, { method: 'POST', path: '/hang', body: 'x=1' }],
  },
  {
    name: 'retries on upstream statuses listed in proxy_next_upstream',
    http: trace + 'upstream app { server 127.0.0.1:4481; server 127.0.0.1:4482; } server { listen 4470; location / { proxy_next_upstream error timeout http_503; proxy_pass http://app; } }',
    requests: [{ path: '/status/503' }, { path: '/status/500' }],
  },
  {
    name: 'does not retry with proxy_next_upstream off',
    http: trace + 'upstream app { server 127.0.0.1:4489; server 127.0.0.1:4481; } server { listen 4470; location / { proxy_next_upstream off; proxy_pass http://app; } }',
    requests: times(3),
  },
  {
    name: 'treats a connection closed before the response as an error and retries',
    http: trace + 'upstream app { server 127.0.0.1:4481; server 127.0.0.1:4482; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: [{ path: '/close' }, { path: '/close' }],
  },
  {
    name: 'sends a client to the same server with ip_hash',
    http: trace + 'upstream app { ip_hash; server 127.0.0.1:4481; server 127.0.0.1:4482; server 127.0.0.1:4483; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(4),
  },
  {
    name: 'balances sequential requests with least_conn like round robin',
    http: trace + 'upstream app { least_conn; server 127.0.0.1:4481; server 127.0.0.1:4482 weight=2; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(6),
  },
  {
    name: 'shares one upstream group between locations',
    http: trace + 'upstream app { server 127.0.0.1:4481; server 127.0.0.1:4482; } server { listen 4470; location /a/ { proxy_pass http://app; } location /b/ { proxy_pass http://app/; } }',
    requests: [{ path: '/a/1' }, { path: '/b/2' }, { path: '/a/3' }, { path: '/b/4' }],
  },
  {
    name: 'limits retries with proxy_next_upstream_tries',
    http: trace + 'upstream app { server 127.0.0.1:4489; server 127.0.0.1:4488; server 127.0.0.1:4481; } server { listen 4470; location / { proxy_next_upstream_tries 2; proxy_pass http://app; } }',
    requests: times(2),
  },
];

export const recoveryCases: HttpCase[] = [
  {
    name: 'moves on after proxy_connect_timeout and answers 504 when no server connects',
    http: trace + 'upstream app { server 127.0.0.1:4487; server 127.0.0.1:4481; } server { listen 4470; proxy_connect_timeout 300ms; location / { proxy_pass http://app; } location /only/ { proxy_pass http://127.0.0.1:4487; } }',
    requests: [{ path: '/1' }, { path: '/2' }, { path: '/only/x' }],
  },
  {
    name: 'tries a failed server again once fail_timeout has passed',
    http: trace + 'upstream app { server 127.0.0.1:4489 fail_timeout=1s; server 127.0.0.1:4481; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: [{ path: '/1' }, { path: '/2' }, { path: '/3' }, { path: '/4', delayMs: 2100 }],
  },
  {
    name: 'answers 502 naming the group when no server is live',
    http: trace + 'upstream app { server 127.0.0.1:4489; server 127.0.0.1:4488; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: [{ path: '/1' }, { path: '/2' }],
  },
];

export const keepaliveCases: HttpCase[] = [
  {
    name: 'reuses upstream connections with keepalive, HTTP/1.1 and an empty Connection header',
    http: trace + 'upstream app { server 127.0.0.1:4481; keepalive 4; } server { listen 4470; location / { proxy_http_version 1.1; proxy_set_header Connection ""; proxy_pass http://app; } }',
    requests: times(3),
  },
  {
    name: 'opens a new upstream connection per request without keepalive',
    http: trace + 'upstream app { server 127.0.0.1:4481; } server { listen 4470; location / { proxy_http_version 1.1; proxy_set_header Connection ""; proxy_pass http://app; } }',
    requests: times(2),
  },
  {
    name: 'does not reuse connections while nginx sends Connection close',
    http: trace + 'upstream app { server 127.0.0.1:4481; keepalive 4; } server { listen 4470; location / { proxy_pass http://app; } }',
    requests: times(2),
  },
];
