// Upstream peers and their passive health, as in ngx_http_upstream_round_robin.c:
// a failure (connect error, timeout, ...) counts against max_fails within fail_timeout and
// lowers the peer's effective weight; once fails reach max_fails the peer is skipped until
// fail_timeout has passed; a success after that resets the count. nginx measures these in
// whole seconds (ngx_time()), and so does this file. An upstream with a single server never
// marks it down (peers->single).
import type { Balancer, UpstreamConf } from './config.ts';
import { KeepalivePool } from './upstream-keepalive.ts';

export interface Peer {
  /** "127.0.0.1:4480" or "[::1]:4480", as in $upstream_addr. */
  name: string;
  host: string;
  port: number;
  weight: number;
  effectiveWeight: number;
  currentWeight: number;
  maxFails: number;
  failTimeoutSec: number;
  fails: number;
  accessed: number;
  checked: number;
  down: boolean;
  conns: number;
}

export interface PeerSet {
  peers: Peer[];
  single: boolean;
  totalWeight: number;
}

export interface UpstreamRuntime {
  name: string;
  balancer: Balancer;
  primary: PeerSet;
  backup: PeerSet | undefined;
  pool: KeepalivePool | undefined;
}

export const nowSec = () => Math.floor(Date.now() / 1000);

function makeSet(peers: Peer[], hasBackup = false): PeerSet {
  // A lone server with a backup is not "single": its failures count and the backup takes over.
  return { peers, single: peers.length === 1 && !hasBackup, totalWeight: peers.reduce((n, p) => n + p.weight, 0) };
}

export function buildUpstream(conf: UpstreamConf, addresses: Map<string, string[]>): UpstreamRuntime {
  const primary: Peer[] = [];
  const backup: Peer[] = [];
  for (const s of conf.servers) {
    const addrs = addresses.get(s.host) ?? [s.host === 'localhost' ? '127.0.0.1' : s.host];
    for (const addr of addrs) {
      const peer: Peer = {
        name: addr.includes(':') ? `[${addr}]:${s.port}` : `${addr}:${s.port}`,
        host: addr, port: s.port, weight: s.weight, effectiveWeight: s.weight, currentWeight: 0,
        maxFails: s.maxFails, failTimeoutSec: s.failTimeoutMs / 1000, fails: 0, accessed: 0, checked: 0, down: s.down, conns: 0,
      };
      (s.backup ? backup : primary).push(peer);
    }
  }
  return {
    name: conf.name, balancer: conf.balancer, primary: makeSet(primary, backup.length > 0), backup: backup.length ? makeSet(backup) : undefined,
    pool: conf.keepalive ? new KeepalivePool(conf.keepalive) : undefined,
  };
}

export function isUnavailable(p: Peer, now: number): boolean {
  return p.down || (p.maxFails > 0 && p.fails >= p.maxFails && now - p.checked <= p.failTimeoutSec);
}

/** ngx_http_upstream_free_round_robin_peer: records the outcome of one attempt. */
export function releasePeer(set: PeerSet, peer: Peer, failed: boolean): void {
  peer.conns--;
  if (set.single) return;
  if (failed) {
    const now = nowSec();
    peer.fails++;
    peer.accessed = now;
    peer.checked = now;
    if (peer.maxFails) peer.effectiveWeight -= Math.floor(peer.weight / peer.maxFails);
    if (peer.effectiveWeight < 0) peer.effectiveWeight = 0;
  } else if (peer.accessed < peer.checked) {
    peer.fails = 0;
  }
}
