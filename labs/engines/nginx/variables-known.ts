// Which variable names exist. nginx resolves every "$name" of the configuration once the http
// block is read and stops with `unknown "name" variable` (ngx_http_variables_init_vars in
// src/http/ngx_http_variables.c); the course proxy keeps the same check for its subset.
import type { Directive } from './directive-spec.ts';
import type { ParseContext } from './parse-context.ts';
import { variablesOf, type Template } from './template.ts';

export const knownVariables = new Set([
  'args', 'binary_remote_addr', 'body_bytes_sent', 'bytes_sent', 'connection', 'connection_requests',
  'content_length', 'content_type', 'document_root', 'document_uri', 'host', 'hostname', 'is_args',
  'msec', 'nginx_version', 'pid', 'proxy_add_x_forwarded_for', 'proxy_host', 'proxy_port',
  'query_string', 'realpath_root', 'remote_addr', 'remote_port', 'remote_user', 'request', 'request_length',
  'request_method', 'request_time', 'request_uri', 'scheme', 'server_addr', 'server_name',
  'server_port', 'server_protocol', 'status', 'time_iso8601', 'time_local', 'upstream_addr',
  'upstream_connect_time', 'upstream_response_time', 'upstream_status', 'uri', 'request_id',
]);

/** Families of variables named by a prefix: $http_user_agent, $arg_page, $cookie_id, ... */
export const variablePrefixes = ['http_', 'arg_', 'cookie_', 'sent_http_', 'upstream_http_'];

export function isKnownVariable(name: string, captureNames: ReadonlySet<string>): boolean {
  return knownVariables.has(name) || captureNames.has(name) || variablePrefixes.some((p) => name.startsWith(p) && name.length > p.length);
}

/** Records the variables of a compiled template for the check after the http block. */
export function useTemplate(ctx: ParseContext, d: Directive, t: Template): Template {
  for (const name of variablesOf(t)) ctx.state.variableUses.push({ name, file: d.file, line: d.line });
  return t;
}
