// The nginx.conf of the proxy in front of the three app instances, in nginx's own syntax so it
// runs unchanged on real nginx (`nginx -p <dir> -c nginx.conf`). The grader and the practice
// launcher both start the course proxy (course-nginx) with it, and the lab's instructions show it.
export interface InstanceAddress {
  /** Name the lab uses for the instance, e.g. "app-2"; also its INSTANCE_NAME. */
  name: string;
  host: string;
  port: number;
}

export interface ProxySettings {
  host: string;
  port: number;
  instances: readonly InstanceAddress[];
  /** Access log lines on standard output, one per request (the launcher's choice); off for the grader. */
  accessLog: boolean;
}

export function proxyConf({ host, port, instances, accessLog }: ProxySettings): string {
  // max_fails=0: a refused connection moves the request on to the next instance
  // (proxy_next_upstream error) without marking the instance down for fail_timeout, so an
  // instance that comes back is in the rotation again at once.
  // https://nginx.org/en/docs/http/ngx_http_upstream_module.html#max_fails
  const servers = instances.map((instance) => `    server ${instance.host}:${instance.port} max_fails=0;  # ${instance.name}`);
  return [
    'events {}',
    '',
    'http {',
    `  access_log ${accessLog ? '/dev/stdout' : 'off'};`,
    '',
    '  # Round robin, the default: each request goes to the next instance in turn.',
    '  upstream app {',
    ...servers,
    '  }',
    '',
    '  server {',
    `    listen ${host}:${port};`,
    '',
    '    location / {',
    '      proxy_pass http://app;',
    '      proxy_set_header Host $host;',
    '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '      proxy_connect_timeout 2s;',
    '      proxy_read_timeout 5s;',
    '      # A refused connection goes to the next instance; a hung one gets 504, not a retry.',
    '      proxy_next_upstream error;',
    '      # Which instance answered, so you (and the checks) can watch the round robin.',
    '      add_header X-Upstream $upstream_addr always;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}
