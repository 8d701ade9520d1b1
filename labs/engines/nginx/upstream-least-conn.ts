// least_conn (src/http/modules/ngx_http_upstream_least_conn_module.c): the available peer
// with the fewest active connections relative to its weight; ties are broken by smooth
// weighted round robin among the tied peers.
import { isUnavailable, nowSec, type Peer, type PeerSet } from './upstream-peers.ts';

export function pickLeastConn(set: PeerSet, tried: Set<Peer>): Peer | undefined {
  const now = nowSec();
  let best: Peer | undefined;
  let many: Peer[] = [];
  for (const peer of set.peers) {
    if (tried.has(peer) || isUnavailable(peer, now)) continue;
    if (!best || peer.conns * best.weight < best.conns * peer.weight) {
      best = peer;
      many = [peer];
    } else if (peer.conns * best.weight === best.conns * peer.weight) {
      many.push(peer);
    }
  }
  if (!best) return undefined;
  if (many.length > 1) {
    let total = 0;
    best = undefined;
    for (const peer of many) {
      peer.currentWeight += peer.effectiveWeight;
      total += peer.effectiveWeight;
      if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
      if (!best || peer.currentWeight > best.currentWeight) best = peer;
    }
    best!.currentWeight -= total;
  }
  if (now - best!.checked > best!.failTimeoutSec) best!.checked = now;
  return best;
}
