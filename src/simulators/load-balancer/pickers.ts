// How each balancing algorithm picks the next server, following open-source nginx's upstream
// modules where nginx has the algorithm (ngx_http_upstream_round_robin.c,
// ngx_http_upstream_least_conn_module.c, ngx_http_upstream_ip_hash_module.c,
// ngx_http_upstream_random_module.c). Servers out of rotation are skipped, as nginx skips
// peers marked down.

export const algorithms = ['round-robin', 'least-conn', 'ip-hash', 'random', 'random-two', 'least-time'] as const;
export type Algorithm = (typeof algorithms)[number];

export const algorithmLabels: Record<Algorithm, string> = {
  'round-robin': 'Weighted round robin (nginx default)',
  'least-conn': 'Least connections (least_conn)',
  'ip-hash': 'IP hash (ip_hash)',
  random: 'Random (random)',
  'random-two': 'Random, two choices (random two least_conn)',
  'least-time': 'Least response time (like NGINX Plus least_time)',
};

export interface Peer {
  weight: number;
  /** In rotation: the health checks consider it healthy. */
  available: boolean;
  /** Requests in progress. */
  active: number;
  /** nginx's current_weight for smooth weighted round robin; the picker updates it. */
  currentWeight: number;
  /** Moving average of completed response times, ms; 0 before the first response. */
  averageMs: number;
}

/** A random integer in [0, limit), from the simulation's seeded generator. */
export type RandomInt = (limit: number) => number;

/**
 * Smooth weighted round robin (ngx_http_upstream_get_peer): every available peer's current
 * weight grows by its weight, the largest wins (the first on a tie) and gives back the total.
 * Weights 5, 1, 1 give A A B A C A A.
 */
export function smoothRoundRobin(peers: Peer[], among: number[] = indexesOf(peers)): number {
  let best = -1;
  let total = 0;
  for (const index of among) {
    const peer = peers[index]!;
    peer.currentWeight += peer.weight;
    total += peer.weight;
    if (best === -1 || peer.currentWeight > peers[best]!.currentWeight) best = index;
  }
  if (best !== -1) peers[best]!.currentWeight -= total;
  return best;
}

function indexesOf(peers: Peer[]): number[] {
  return peers.flatMap((peer, index) => (peer.available ? [index] : []));
}

/** Fewest active requests per unit of weight; ties share by weighted round robin, as nginx does. */
export function leastConnections(peers: Peer[]): number {
  const available = indexesOf(peers);
  if (available.length === 0) return -1;
  // Compare a/wa < b/wb as a × wb < b × wa, in integers like nginx.
  const fewest = available.reduce((best, index) => (peers[index]!.active * peers[best]!.weight < peers[best]!.active * peers[index]!.weight ? index : best));
  const tied = available.filter((index) => peers[index]!.active * peers[fewest]!.weight === peers[fewest]!.active * peers[index]!.weight);
  return tied.length === 1 ? fewest : smoothRoundRobin(peers, tied);
}

/**
 * nginx ip_hash: hash the first three octets of the IPv4 address (starting from 89,
 * hash = (hash × 113 + octet) mod 6271), map hash mod total weight onto the weights, and
 * rehash from there while the server found is down; after 20 tries, fall back to round robin.
 */
export function ipHash(peers: Peer[], address: string): number {
  const octets = address.split('.').slice(0, 3).map(Number);
  const totalWeight = peers.reduce((sum, peer) => sum + peer.weight, 0);
  let hash = 89;
  for (let tries = 0; tries <= 20; tries += 1) {
    for (const octet of octets) hash = (hash * 113 + octet) % 6271;
    let w = hash % totalWeight;
    let index = 0;
    while (w >= peers[index]!.weight) {
      w -= peers[index]!.weight;
      index += 1;
    }
    if (peers[index]!.available) return index;
  }
  return smoothRoundRobin(peers);
}

/** A server drawn with probability proportional to its weight. */
function weightedDraw(peers: Peer[], random: RandomInt): number {
  const totalWeight = peers.reduce((sum, peer) => sum + peer.weight, 0);
  let x = random(totalWeight);
  let index = 0;
  while (x >= peers[index]!.weight) {
    x -= peers[index]!.weight;
    index += 1;
  }
  return index;
}

/** nginx random: weighted draws, redrawn while the server is down (20 tries, then round robin). */
export function weightedRandom(peers: Peer[], random: RandomInt): number {
  for (let tries = 0; tries < 20; tries += 1) {
    const index = weightedDraw(peers, random);
    if (peers[index]!.available) return index;
  }
  return smoothRoundRobin(peers);
}

/**
 * nginx random two least_conn: two different available servers by weighted draw, then the one
 * with fewer active requests per weight (the first drawn on a tie).
 */
export function randomTwoChoices(peers: Peer[], random: RandomInt): number {
  const first = weightedRandom(peers, random);
  if (first === -1 || indexesOf(peers).length < 2) return first;
  let second = first;
  for (let tries = 0; tries < 20 && (second === first || !peers[second]!.available); tries += 1) second = weightedDraw(peers, random);
  if (second === first || !peers[second]!.available) return first;
  const a = peers[first]!;
  const b = peers[second]!;
  return a.active * b.weight > b.active * a.weight ? second : first;
}

/**
 * Least response time. NGINX Plus does not publish its exact formula; this follows its
 * description (lowest average response time and fewest active connections, with weights):
 * score = average × (active + 1) / weight, untried servers first, ties by round robin.
 */
export function leastTime(peers: Peer[]): number {
  const available = indexesOf(peers);
  if (available.length === 0) return -1;
  const score = (index: number) => (peers[index]!.averageMs * (peers[index]!.active + 1)) / peers[index]!.weight;
  const lowest = Math.min(...available.map(score));
  return smoothRoundRobin(peers, available.filter((index) => score(index) === lowest));
}

export function pickServer(algorithm: Algorithm, peers: Peer[], address: string, random: RandomInt): number {
  if (indexesOf(peers).length === 0) return -1;
  switch (algorithm) {
    case 'round-robin':
      return smoothRoundRobin(peers);
    case 'least-conn':
      return leastConnections(peers);
    case 'ip-hash':
      return ipHash(peers, address);
    case 'random':
      return weightedRandom(peers, random);
    case 'random-two':
      return randomTwoChoices(peers, random);
    case 'least-time':
      return leastTime(peers);
  }
}
