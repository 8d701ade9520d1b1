// Which sockets to open and which servers answer on each (ngx_http_optimize_servers in
// src/http/ngx_http.c): a port with a wildcard listen is opened once on 0.0.0.0 and requests
// are matched to the servers of the exact local address if any listen there, else to the
// wildcard ones; the default server of each address:port is the one marked default_server,
// otherwise the first that listens there.
import type { HttpConf, ServerConf } from './config.ts';

export interface AddressGroup {
  host: string;
  port: number;
  servers: ServerConf[];
  defaultServer: ServerConf;
}

export interface Binding {
  host: string;
  port: number;
}

export function addressGroups(http: HttpConf): Map<string, AddressGroup> {
  const groups = new Map<string, AddressGroup>();
  for (const server of http.servers) {
    for (const l of server.listens) {
      const key = `${l.host}:${l.port}`;
      let group = groups.get(key);
      if (!group) {
        group = { host: l.host, port: l.port, servers: [], defaultServer: server };
        groups.set(key, group);
      }
      if (!group.servers.includes(server)) group.servers.push(server);
      if (l.defaultServer) group.defaultServer = server;
    }
  }
  return groups;
}

export function bindings(groups: Map<string, AddressGroup>): Binding[] {
  const out: Binding[] = [];
  const wildcardPorts = new Set([...groups.values()].filter((g) => g.host === '*').map((g) => g.port));
  for (const g of groups.values()) {
    if (g.host !== '*' && wildcardPorts.has(g.port)) continue;
    out.push({ host: g.host === '*' ? '0.0.0.0' : g.host.replace(/^\[(.*)\]$/, '$1'), port: g.port });
  }
  return out;
}

export function groupFor(groups: Map<string, AddressGroup>, localAddr: string, port: number): AddressGroup | undefined {
  const addr = localAddr.startsWith('::ffff:') ? localAddr.slice(7) : localAddr;
  return groups.get(`${addr}:${port}`) ?? groups.get(`[${addr}]:${port}`) ?? groups.get(`*:${port}`);
}
