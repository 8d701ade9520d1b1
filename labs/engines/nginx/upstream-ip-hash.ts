// ip_hash (src/http/modules/ngx_http_upstream_ip_hash_module.c): a hash of the first three
// bytes of the client's IPv4 address (all 16 of IPv6) picks a peer by weight; if that peer
// is unavailable the hash is stirred again, and after 20 tries nginx falls back to round robin.
import { isIP } from 'node:net';
import { pickRoundRobin } from './upstream-round-robin.ts';
import { isUnavailable, nowSec, type Peer, type PeerSet } from './upstream-peers.ts';

function addressBytes(addr: string): number[] {
  const v4 = addr.startsWith('::ffff:') && isIP(addr.slice(7)) === 4 ? addr.slice(7) : addr;
  if (isIP(v4) === 4) return v4.split('.').slice(0, 3).map(Number);
  const halves = v4.split('::');
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves[1] ? halves[1].split(':') : [];
  const groups = [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail];
  return groups.flatMap((g) => {
    const n = parseInt(g || '0', 16);
    return [n >> 8, n & 255];
  });
}

export function pickIpHash(set: PeerSet, tried: Set<Peer>, clientAddr: string): Peer | undefined {
  if (set.single) return pickRoundRobin(set, tried);
  const bytes = addressBytes(clientAddr);
  const now = nowSec();
  let hash = 89;
  for (let tries = 0; tries <= 20; tries++) {
    for (const b of bytes) hash = (hash * 113 + b) % 6271;
    let w = hash % set.totalWeight;
    let i = 0;
    while (w >= set.peers[i]!.weight) {
      w -= set.peers[i]!.weight;
      i++;
    }
    const peer = set.peers[i]!;
    if (!tried.has(peer) && !isUnavailable(peer, now)) {
      if (now - peer.checked > peer.failTimeoutSec) peer.checked = now;
      return peer;
    }
  }
  return pickRoundRobin(set, tried);
}
