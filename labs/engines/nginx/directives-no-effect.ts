// Directives the course proxy accepts so that ordinary nginx.conf files (Debian's default one
// included) load unchanged, but which change nothing it can show: process management, file
// paths for temporary files and PIDs, kernel and buffer tuning, TLS settings that only apply to
// `listen ... ssl` (which the course proxy refuses). Their argument counts and on/off values are
// still checked as nginx checks them.
import { parseFlag } from './conf-values.ts';
import { H, HS, type Arity, type ContextKind, type DirectiveSpec } from './directive-spec.ts';

const ALL_HTTP = ['http', 'server', 'location'] as const;

function accept(name: string, contexts: readonly ContextKind[], arity: Arity): DirectiveSpec {
  return {
    name,
    contexts,
    arity,
    noEffect: true,
    handler: arity === 'flag' ? (d) => void parseFlag(d) : () => undefined,
  };
}

export const noEffectDirectives: DirectiveSpec[] = [
  {
    ...accept('user', ['main'], [1, 2]),
    // nginx warns when it is not started by root (ngx_set_user in src/core/nginx.c).
    handler: (d, ctx) => {
      if (typeof process.getuid === 'function' && process.getuid() !== 0) {
        ctx.state.warnings.push(`the "user" directive makes sense only if the master process runs with super-user privileges, ignored in ${d.file}:${d.line}`);
      }
    },
  },
  accept('worker_processes', ['main'], [1]),
  accept('worker_rlimit_nofile', ['main'], [1]),
  accept('pid', ['main'], [1]),
  accept('daemon', ['main'], 'flag'),
  accept('master_process', ['main'], 'flag'),
  accept('pcre_jit', ['main'], 'flag'),
  accept('error_log', ['main', 'http', 'server', 'location'], '1more'),
  accept('worker_connections', ['events'], [1]),
  accept('multi_accept', ['events'], 'flag'),
  accept('accept_mutex', ['events'], 'flag'),
  accept('use', ['events'], [1]),
  accept('sendfile', H, 'flag'),
  accept('tcp_nopush', H, 'flag'),
  accept('tcp_nodelay', H, 'flag'),
  accept('keepalive_timeout', H, [1, 2]),
  accept('keepalive_requests', H, [1]),
  accept('types_hash_max_size', H, [1]),
  accept('types_hash_bucket_size', H, [1]),
  accept('server_names_hash_bucket_size', ['http'], [1]),
  accept('server_names_hash_max_size', ['http'], [1]),
  accept('log_not_found', H, 'flag'),
  accept('client_body_buffer_size', H, [1]),
  accept('client_body_temp_path', ALL_HTTP, [1, 2, 3, 4]),
  accept('proxy_temp_path', ALL_HTTP, [1, 2, 3, 4]),
  accept('fastcgi_temp_path', ALL_HTTP, [1, 2, 3, 4]),
  accept('uwsgi_temp_path', ALL_HTTP, [1, 2, 3, 4]),
  accept('scgi_temp_path', ALL_HTTP, [1, 2, 3, 4]),
  accept('proxy_send_timeout', H, [1]),
  accept('proxy_buffering', H, 'flag'),
  accept('proxy_request_buffering', H, 'flag'),
  accept('proxy_buffer_size', H, [1]),
  accept('proxy_buffers', H, [2]),
  accept('proxy_busy_buffers_size', H, [1]),
  accept('gzip_buffers', H, [2]),
  accept('limit_req_log_level', H, [1]),
  accept('ssl_protocols', HS, '1more'),
  accept('ssl_prefer_server_ciphers', HS, 'flag'),
];
