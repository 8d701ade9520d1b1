// Location matching: exact, ^~, longest prefix, regexes in order, nesting, captures, named
// locations, internal.
import type { HttpCase } from '../harness/case.ts';

const r = (body: string) => `return 200 "${body}\\n";`;

export const locationCases: HttpCase[] = [
  {
    name: 'prefers an exact location, then the longest prefix',
    http: `server { listen 4470; location = / { ${r('exact root')} } location / { ${r('prefix root')} } location /images/ { ${r('images')} } location /images/icons/ { ${r('icons')} } }`,
    requests: [{ path: '/' }, { path: '/index.html' }, { path: '/images/a.png' }, { path: '/images/icons/b.png' }, { path: '/imagesx' }],
  },
  {
    name: 'lets a regex location win over a plain prefix but not over ^~',
    http: `server { listen 4470; location / { ${r('prefix')} } location /static/ { ${r('static prefix')} } location ^~ /assets/ { ${r('assets no regex')} } location ~* \\.(png|css)$ { ${r('regex $1')} } }`,
    requests: [{ path: '/static/a.css' }, { path: '/static/a.js' }, { path: '/assets/a.css' }, { path: '/x/y.PNG' }],
  },
  {
    name: 'tries regex locations in the order they appear',
    http: `server { listen 4470; location ~ ^/api/v1/ { ${r('first regex')} } location ~ ^/api/ { ${r('second regex')} } location / { ${r('fallback')} } }`,
    requests: [{ path: '/api/v1/users' }, { path: '/api/v2/users' }, { path: '/other' }],
  },
  {
    name: 'treats ~ as case-sensitive and ~* as case-insensitive',
    http: `server { listen 4470; location ~ \\.php$ { ${r('php')} } location ~* \\.JPG$ { ${r('jpg')} } location / { ${r('none')} } }`,
    requests: [{ path: '/a.php' }, { path: '/a.PHP' }, { path: '/a.jpg' }, { path: '/a.Jpg' }],
  },
  {
    name: 'searches nested locations inside the longest prefix before outer regexes',
    http: `server { listen 4470; location /app/ { location ~ \\.json$ { ${r('nested json')} } ${r('app')} } location ~ \\.json$ { ${r('outer json')} } }`,
    requests: [{ path: '/app/data.json' }, { path: '/app/page' }, { path: '/other/data.json' }],
  },
  {
    name: 'exposes regex captures and named captures as variables',
    http: `server { listen 4470; location ~ ^/users/(\\d+)/posts/(?<post>\\d+)$ { ${r('user $1 post $post')} } location ~ ^/files/(.+)\\.(\\w+)$ { ${r('name $1 ext $2')} } }`,
    requests: [{ path: '/users/42/posts/7' }, { path: '/files/report.final.pdf' }],
  },
  {
    name: 'matches locations against the decoded, normalised URI',
    http: `server { listen 4470; location = "/a b" { ${r('space')} } location /admin/ { ${r('admin')} } location / { ${r('root')} } }`,
    requests: [{ path: '/a%20b' }, { path: '/public/../admin/panel' }, { path: '//admin//x' }, { path: '/%61dmin/' }],
  },
  {
    name: 'hides internal locations from direct requests',
    http: `server { listen 4470; root www; location /private/ { internal; ${r('secret')} } error_page 404 /private/notfound; }`,
    requests: [{ path: '/private/notfound' }, { path: '/missing' }],
  },
  {
    name: 'answers from the server block when no location matches',
    http: 'server { listen 4470; root www; location /only/ { return 204; } }',
    requests: [{ path: '/index.html' }, { path: '/only/x' }],
  },
];
