// The configuration model the parser builds: what nginx keeps in its http core, upstream,
// limit_req and log module configurations, reduced to the course subset.
import type { LocConf } from './loc-conf.ts';
import type { Template } from './template.ts';

export interface Where {
  file: string;
  line: number;
}

export interface Listen extends Where {
  /** "*" for every address, otherwise an IPv4 or bracketed IPv6 address. */
  host: string;
  port: number;
  defaultServer: boolean;
}

export type ServerNameKind = 'exact' | 'wildcard-head' | 'wildcard-tail' | 'regex';

export interface ServerName {
  kind: ServerNameKind;
  /** Lower-cased name as written (".example.com" becomes exact + wildcard-head). */
  name: string;
  regex?: RegExp;
}

export type LocationModifier = '=' | '^~' | '' | '~' | '~*' | '@';

export interface LocationBlock extends Where {
  modifier: LocationModifier;
  name: string;
  regex?: RegExp;
  conf: LocConf;
  locations: LocationBlock[];
  parent?: LocationBlock;
}

export interface ServerConf extends Where {
  listens: Listen[];
  names: ServerName[];
  /** The first server_name as written, or "" (the value of $server_name). */
  primaryName: string;
  conf: LocConf;
  locations: LocationBlock[];
}

export interface UpstreamServer extends Where {
  /** host:port as written. */
  address: string;
  host: string;
  port: number;
  weight: number;
  maxFails: number;
  failTimeoutMs: number;
  backup: boolean;
  down: boolean;
}

export type Balancer = 'round-robin' | 'least_conn' | 'ip_hash';

export interface UpstreamConf extends Where {
  name: string;
  servers: UpstreamServer[];
  balancer: Balancer;
  /** False for the implicit upstream nginx creates for `proxy_pass http://host:port`. */
  explicit: boolean;
  /** `keepalive N`: idle connections kept for reuse (0: none). */
  keepalive?: number;
}

export interface LimitReqZone extends Where {
  name: string;
  key: Template;
  /** Requests per millisecond times 1000, as nginx stores it (rate=10r/s → 10000). */
  ratePerMs1000: number;
  sizeBytes: number;
  used: boolean;
}

export interface HttpConf {
  conf: LocConf;
  servers: ServerConf[];
  upstreams: Map<string, UpstreamConf>;
  limitReqZones: Map<string, LimitReqZone>;
  logFormats: Map<string, Template>;
}

export interface Config {
  prefix: string;
  confFile: string;
  http: HttpConf | undefined;
  hasEvents: boolean;
}
