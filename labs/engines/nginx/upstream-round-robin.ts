// Smooth weighted round robin (ngx_http_upstream_get_peer in
// src/http/ngx_http_upstream_round_robin.c): every pick adds each available peer's
// effective weight to its current weight, takes the peer with the largest current weight and
// subtracts the total from it. Weights 5,1,1 give a a b a c a a, not a a a a a b c.
import { isUnavailable, nowSec, type Peer, type PeerSet } from './upstream-peers.ts';

export function pickRoundRobin(set: PeerSet, tried: Set<Peer>): Peer | undefined {
  const now = nowSec();
  let best: Peer | undefined;
  let total = 0;
  for (const peer of set.peers) {
    if (tried.has(peer) || isUnavailable(peer, now)) continue;
    peer.currentWeight += peer.effectiveWeight;
    total += peer.effectiveWeight;
    if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
    if (!best || peer.currentWeight > best.currentWeight) best = peer;
  }
  if (!best) return undefined;
  best.currentWeight -= total;
  if (now - best.checked > best.failTimeoutSec) best.checked = now;
  return best;
}
