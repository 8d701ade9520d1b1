// A configuration shaped like the reverse-proxy lab's solution, requested the way its grader
// will: static files with caching headers, an upstream pair with the forwarding headers, a
// health endpoint, gzip, and a rate-limited login.
import type { HttpCase } from '../harness/case.ts';

const labConfig = `
  include mime.types;
  default_type application/octet-stream;
  gzip on;
  gzip_types text/plain text/css application/json application/javascript;
  gzip_min_length 256;
  gzip_vary on;
  limit_req_zone $binary_remote_addr zone=login:1m rate=1r/m;
  upstream app {
    server 127.0.0.1:4481 max_fails=3 fail_timeout=30s;
    server 127.0.0.1:4482 weight=2;
  }
  server {
    listen 4470;
    server_name localhost;
    root www;
    add_header X-Content-Type-Options nosniff always;
    location /static/ {
      expires 1y;
      add_header Cache-Control "public, immutable";
    }
    location = /health {
      access_log off;
      default_type text/plain;
      return 200 "ok\\n";
    }
    location /api/ {
      proxy_pass http://app;
      proxy_set_header Host $host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_connect_timeout 2s;
      proxy_read_timeout 400ms;
      proxy_next_upstream error timeout http_502;
    }
    location = /api/login {
      limit_req zone=login burst=1 nodelay;
      limit_req_status 429;
      proxy_pass http://app;
      proxy_set_header Host $host;
    }
  }
`;

export const labShapedCases: HttpCase[] = [
  {
    name: 'serves the lab-shaped configuration: static caching, health, balancing and forwarding headers',
    http: labConfig,
    requests: [
      { path: '/static/css/site.css', headers: [['Accept-Encoding', 'gzip']] },
      { path: '/static/big.txt', headers: [['Accept-Encoding', 'gzip']] },
      { path: '/health' },
      { path: '/api/users', host: 'localhost', headers: [['X-Forwarded-For', '198.51.100.7']] },
      { path: '/api/users' },
      { path: '/api/users' },
      { path: '/api/text/400', headers: [['Accept-Encoding', 'gzip']] },
    ],
  },
  {
    name: 'answers the lab-shaped configuration\'s slow upstream with 504 and limits logins with 429',
    http: labConfig,
    requests: [
      { path: '/api/hang' },
      { method: 'POST', path: '/api/login', body: 'user=a&pass=b' },
      { method: 'POST', path: '/api/login', body: 'user=a&pass=b' },
      { method: 'POST', path: '/api/login', body: 'user=a&pass=b' },
    ],
  },
];
