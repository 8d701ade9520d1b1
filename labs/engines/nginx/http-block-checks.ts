// What nginx verifies once the http block is read (ngx_http_block in src/http/ngx_http.c):
// duplicate locations, variables that do not exist, proxy_pass targets bound to upstream
// groups, and the "conflicting server name" warning.
import { ConfError } from './conf-error.ts';
import type { HttpConf, LocationBlock } from './config.ts';
import { listenKey } from './directives-server.ts';
import type { ParseState } from './parse-context.ts';
import { isKnownVariable } from './variables-known.ts';
import { compileTemplate } from './template.ts';

function checkDuplicateLocations(locations: LocationBlock[]): void {
  const seen = new Map<string, LocationBlock>();
  for (const loc of locations) {
    if (loc.modifier !== '~' && loc.modifier !== '~*') {
      const key = `${loc.modifier === '=' ? 'exact' : loc.modifier === '@' ? 'named' : 'inclusive'} ${loc.name}`;
      if (seen.has(key)) throw new ConfError(`duplicate location "${loc.name}"`, loc.file, loc.line);
      seen.set(key, loc);
    }
    checkDuplicateLocations(loc.locations);
  }
}

/** Binds each proxy_pass to an explicit upstream or to an implicit one for its host:port. */
function bindProxyPasses(http: HttpConf, state: ParseState): void {
  for (const { value, file, line } of state.proxyPasses) {
    const explicit = http.upstreams.get(value.host);
    if (explicit?.explicit && value.port === undefined) {
      value.upstreamName = explicit.name;
      continue;
    }
    const port = value.port ?? 80;
    const name = `${value.host}:${port}`;
    value.upstreamName = name;
    if (!http.upstreams.has(name)) {
      http.upstreams.set(name, {
        name, explicit: false, balancer: 'round-robin', file, line,
        servers: [{ address: name, host: value.host.replace(/^\[(.*)\]$/, '$1'), port, weight: 1, maxFails: 1, failTimeoutMs: 10000, backup: false, down: false, file, line }],
      });
    }
  }
}

function warnConflictingNames(http: HttpConf, state: ParseState): void {
  const byAddress = new Map<string, Map<string, unknown>>();
  for (const server of http.servers) {
    const names = server.names.length ? server.names.map((n) => n.name) : [''];
    for (const listen of server.listens) {
      const key = listenKey(listen);
      const taken = byAddress.get(key) ?? new Map<string, unknown>();
      byAddress.set(key, taken);
      for (const name of names) {
        if (taken.has(name) && taken.get(name) !== server) {
          state.warnings.push(`conflicting server name "${name}" on ${key}, ignored`);
        } else taken.set(name, server);
      }
    }
  }
}

export function checkHttpBlock(http: HttpConf, state: ParseState): void {
  // The default `root html` (relative to the prefix) lives at the http level.
  if (!http.conf.own('root')) http.conf.values.set('root', { alias: false, template: compileTemplate(`${state.config.prefix}html`) });
  bindProxyPasses(http, state);
  for (const server of http.servers) checkDuplicateLocations(server.locations);
  for (const use of state.variableUses) {
    if (!isKnownVariable(use.name, state.captureNames)) throw new ConfError(`unknown "${use.name}" variable`);
  }
  warnConflictingNames(http, state);
}
