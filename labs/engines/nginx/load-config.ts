// Loads a configuration the way `nginx -t` does (ngx_init_cycle in src/core/ngx_cycle.c):
// directives from -g, then the file; "syntax is ok" once parsing succeeds; then the checks
// nginx runs while initialising modules (the events section, shared memory zones).
import { lookup } from 'node:dns/promises';
import { isAbsolute } from 'node:path';
import { ConfError } from './conf-error.ts';
import type { Config, LocationBlock } from './config.ts';
import type { ParseContext, ParseState } from './parse-context.ts';
import { ConfParser } from './parser.ts';

export interface LoadOptions {
  /** -c: the configuration file, relative to the prefix unless absolute. */
  confFile: string;
  /** -p: the prefix; relative paths in the configuration start here. */
  prefix: string;
  /** -g: directives given on the command line. */
  globalDirectives?: string;
}

export interface LoadOutcome {
  confFile: string;
  warnings: string[];
  /** Set when parsing failed: `nginx -t` prints no "syntax is ok". */
  parseError?: ConfError;
  /** Set when a check after parsing failed: "syntax is ok" was already printed. */
  initError?: ConfError;
  config?: Config;
  /** Resolved addresses of upstream servers by host name. */
  addresses: Map<string, string[]>;
  /** Every configuration file read, with its text. */
  files: Map<string, string>;
}

export function resolvePaths(opts: LoadOptions): { prefix: string; confFile: string; confPrefix: string } {
  const prefix = opts.prefix.endsWith('/') ? opts.prefix : `${opts.prefix}/`;
  const confFile = isAbsolute(opts.confFile) ? opts.confFile : prefix + opts.confFile;
  const confPrefix = confFile.slice(0, confFile.lastIndexOf('/') + 1);
  return { prefix, confFile, confPrefix };
}

async function resolveHostnames(state: ParseState, addresses: Map<string, string[]>): Promise<void> {
  const hosts = [...state.hostnames];
  for (const upstream of state.config.http?.upstreams.values() ?? []) {
    for (const s of upstream.servers) hosts.push({ host: s.host, upstream: upstream.name, file: s.file, line: s.line });
  }
  for (const { host, file, line } of hosts) {
    if (addresses.has(host)) continue;
    if (/^[\d.]+$/.test(host) || host.includes(':')) {
      addresses.set(host, [host]);
      continue;
    }
    try {
      const found = await lookup(host, { all: true });
      addresses.set(host, found.map((a) => a.address));
    } catch {
      throw new ConfError(`host not found in upstream "${host}"`, file, line);
    }
  }
}

function freezeLocations(locations: LocationBlock[]): void {
  for (const l of locations) {
    l.conf.freeze();
    freezeLocations(l.locations);
  }
}

function freezeAll(config: Config): void {
  if (!config.http) return;
  config.http.conf.freeze();
  for (const server of config.http.servers) {
    server.conf.freeze();
    freezeLocations(server.locations);
  }
}

export async function loadConfig(opts: LoadOptions): Promise<LoadOutcome> {
  const { prefix, confFile, confPrefix } = resolvePaths(opts);
  const config: Config = { prefix, confFile, http: undefined, hasEvents: false };
  const state: ParseState = { config, warnings: [], variableUses: [], captureNames: new Set(), proxyPasses: [], hostnames: [] };
  const parser = new ConfParser(state, confPrefix);
  const outcome: LoadOutcome = { confFile, warnings: state.warnings, addresses: new Map(), files: parser.files };
  const root: ParseContext = { kind: 'main', state, parseBlock: () => 0 };
  try {
    if (opts.globalDirectives) parser.parseText(opts.globalDirectives, 'command line', root);
    parser.parseFile(confFile, root);
    await resolveHostnames(state, outcome.addresses);
  } catch (error) {
    if (!(error instanceof ConfError)) throw error;
    outcome.parseError = error;
    return outcome;
  }
  try {
    if (!config.hasEvents) throw new ConfError('no "events" section in configuration');
    for (const zone of config.http?.limitReqZones.values() ?? []) {
      if (zone.sizeBytes === 0) throw new ConfError(`zero size shared memory zone "${zone.name}"`);
    }
  } catch (error) {
    if (!(error instanceof ConfError)) throw error;
    outcome.initError = error;
    return outcome;
  }
  outcome.config = config;
  freezeAll(config);
  return outcome;
}
