// Everything a running proxy shares between requests: the configuration, upstream peer state,
// limit_req buckets and the logs.
import type { Config } from './config.ts';
import type { AccessLogWriter } from './access-log.ts';
import { LimitReqState } from './limit-req.ts';
import type { HttpRequest } from './request.ts';
import { buildUpstream, type UpstreamRuntime } from './upstream-peers.ts';
import { timeLocal } from './variables.ts';

export interface Runtime {
  config: Config;
  upstreams: Map<string, UpstreamRuntime>;
  limitReq: LimitReqState;
  accessLog: AccessLogWriter;
  /** An [error] line as nginx writes it to its error log (stderr here). */
  errorLog(r: HttpRequest, message: string, upstream?: string): void;
}

function errorTime(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function createRuntime(config: Config, addresses: Map<string, string[]>, accessLog: AccessLogWriter, writeError: (line: string) => void): Runtime {
  const upstreams = new Map<string, UpstreamRuntime>();
  for (const [name, conf] of config.http?.upstreams ?? []) upstreams.set(name, buildUpstream(conf, addresses));
  return {
    config,
    upstreams,
    limitReq: new LimitReqState(config.http?.limitReqZones ?? new Map()),
    accessLog,
    errorLog(r, message, upstream) {
      const parts = [`client: ${r.client.remoteAddr}`, `server: ${r.server?.primaryName ?? ''}`, `request: "${r.requestLine}"`];
      if (upstream) parts.push(`upstream: "${upstream}"`);
      const host = r.header('host');
      if (host) parts.push(`host: "${host}"`);
      writeError(`${errorTime()} [error] ${process.pid}#0: *${r.client.connectionId} ${message}, ${parts.join(', ')}`);
    },
  };
}

export { timeLocal };
