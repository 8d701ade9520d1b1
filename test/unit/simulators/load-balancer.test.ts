import { describe, expect, it } from 'vitest';
import { applyCheck } from '../../../src/simulators/load-balancer/health.ts';
import { ipHash, leastConnections, pickServer, smoothRoundRobin, type Peer } from '../../../src/simulators/load-balancer/pickers.ts';
import { LoadBalancerSimulation, type LbSettings } from '../../../src/simulators/load-balancer/simulation.ts';

const peers = (weights: number[], active: number[] = weights.map(() => 0)): Peer[] =>
  weights.map((weight, index) => ({ weight, available: true, active: active[index]!, currentWeight: 0, averageMs: 0 }));
const names = (picks: number[]) => picks.map((index) => 'ABC'[index]).join(' ');

describe('weighted round robin', () => {
  it('interleaves weights 5, 1, 1 as A A B A C A A, the order the chapter shows', () => {
    const pool = peers([5, 1, 1]);
    expect(names(Array.from({ length: 7 }, () => smoothRoundRobin(pool)))).toBe('A A B A C A A');
  });

  it('deals equal weights in turn and skips a server out of rotation', () => {
    const pool = peers([1, 1, 1]);
    expect(names(Array.from({ length: 3 }, () => smoothRoundRobin(pool)))).toBe('A B C');
    pool[1]!.available = false;
    expect(names(Array.from({ length: 4 }, () => smoothRoundRobin(pool)))).toBe('A C A C');
  });
});

describe('least connections', () => {
  it('picks the server with the fewest requests in progress', () => {
    expect(leastConnections(peers([1, 1, 1], [2, 0, 1]))).toBe(1);
  });

  it('divides by weight: 4 requests on weight 5 (0.8) beat 1 request on weight 1', () => {
    expect(leastConnections(peers([5, 1], [4, 1]))).toBe(0);
  });

  it('shares ties by round robin instead of always choosing the first', () => {
    const pool = peers([1, 1, 1]);
    expect(names([leastConnections(pool), leastConnections(pool), leastConnections(pool)])).toBe('A B C');
  });
});

describe('nginx ip_hash', () => {
  // By hand: 89 → (89·113 + 192) mod 6271 = 3978 → (3978·113 + 168) mod 6271 = 4441
  // → (4441·113 + 1) mod 6271 = 154; 154 mod 3 = 1, server B.
  it('sends 192.168.1.10 to server B of three equal servers', () => {
    expect(ipHash(peers([1, 1, 1]), '192.168.1.10')).toBe(1);
  });

  it('sends every address of the same /24 network to the same server', () => {
    expect(ipHash(peers([1, 1, 1]), '192.168.1.250')).toBe(1);
  });

  // Rehashing from 154 over 192, 168, 1 gives 5654, and 5654 mod 3 = 2: server C.
  it('rehashes to server C when server B is out of rotation', () => {
    const pool = peers([1, 1, 1]);
    pool[1]!.available = false;
    expect(ipHash(pool, '192.168.1.10')).toBe(2);
  });
});

describe('when no server is in rotation', () => {
  it('every algorithm reports that there is none to pick', () => {
    const pool = peers([1, 1]);
    pool.forEach((peer) => (peer.available = false));
    for (const algorithm of ['round-robin', 'least-conn', 'ip-hash', 'random', 'random-two', 'least-time'] as const) {
      expect(pickServer(algorithm, pool, '10.0.0.1', () => 0)).toBe(-1);
    }
  });
});

describe('health-check thresholds', () => {
  const settings = { intervalSeconds: 10, fall: 3, rise: 2 };

  it('removes a server only after fall consecutive failures; a pass in between starts over', () => {
    let state = { inRotation: true, streak: 0 };
    for (const passed of [false, false, true, false, false]) state = applyCheck(state, passed, settings).state;
    expect(state).toEqual({ inRotation: true, streak: 2 });
    expect(applyCheck(state, false, settings)).toEqual({ state: { inRotation: false, streak: 0 }, change: 'removed' });
  });

  it('re-admits a server after rise consecutive passes', () => {
    const first = applyCheck({ inRotation: false, streak: 0 }, true, settings);
    expect(first.change).toBeNull();
    expect(applyCheck(first.state, true, settings).change).toBe('readmitted');
  });
});

const settings = (overrides: Partial<LbSettings> = {}): LbSettings => ({
  algorithm: 'round-robin',
  servers: ['A', 'B', 'C'].map((name) => ({ name, weight: 1, slowdown: 1 })),
  workload: { arrivalsPerSecond: 10, fastMs: 100, slowMs: 3000, slowPercent: 0 },
  health: { intervalSeconds: 10, fall: 3, rise: 2 },
  seed: 7,
  ...overrides,
});

describe('a simulated server that stops (checks every 10 s, out after 3 failures, back after 2 passes)', () => {
  it('keeps receiving and failing requests until the third failed check at 30 s, then receives none', () => {
    const sim = new LoadBalancerSimulation(settings());
    sim.advance(500);
    sim.setRunning(1, false);
    const events = sim.advance(29_400);
    expect(events.filter((event) => event.kind === 'removed')).toEqual([]);
    expect(sim.servers[1]!.failed).toBeGreaterThan(80);
    const removed = sim.advance(100).find((event) => event.kind === 'removed');
    expect(removed).toMatchObject({ time: 30_000, server: 1 });
    const failedAtRemoval = sim.servers[1]!.failed;
    sim.advance(10_000);
    expect(sim.servers[1]!.failed).toBe(failedAtRemoval);
    expect(sim.recent.every((assignment) => assignment.server !== 1)).toBe(true);
  });

  it('returns to rotation at the second passing check after it restarts (40.5 s → 60 s)', () => {
    const sim = new LoadBalancerSimulation(settings());
    sim.advance(500);
    sim.setRunning(1, false);
    sim.advance(40_000);
    sim.setRunning(1, true);
    const events = sim.advance(19_400);
    expect(events.filter((event) => event.kind === 'readmitted')).toEqual([]);
    expect(sim.advance(100).find((event) => event.kind === 'readmitted')).toMatchObject({ time: 60_000, server: 1 });
    sim.advance(1000);
    expect(sim.recent.some((assignment) => assignment.server === 1)).toBe(true);
  });

  it('answers 503 itself once every server is out of rotation', () => {
    const sim = new LoadBalancerSimulation(settings());
    [0, 1, 2].forEach((server) => sim.setRunning(server, false));
    sim.advance(29_950);
    expect(sim.noServer).toBe(0);
    sim.advance(1050);
    expect(sim.noServer).toBe(11);
  });
});

describe('algorithms under uneven work', () => {
  const slowA = settings({ servers: [{ name: 'A', weight: 1, slowdown: 5 }, { name: 'B', weight: 1, slowdown: 1 }, { name: 'C', weight: 1, slowdown: 1 }] });
  const run = (algorithm: LbSettings['algorithm']) => {
    const sim = new LoadBalancerSimulation({ ...slowA, algorithm, workload: { ...slowA.workload, arrivalsPerSecond: 20, fastMs: 200 } });
    sim.advance(60_000);
    return sim.servers.map((server) => server.received);
  };

  it('round robin gives a slow server the same number of requests as the others', () => {
    const [a, b] = run('round-robin');
    expect(Math.abs(a! - b!)).toBeLessThanOrEqual(2);
  });

  it('least connections and least response time send a slow server less work', () => {
    for (const algorithm of ['least-conn', 'least-time'] as const) {
      const [a, b] = run(algorithm);
      expect(a!, algorithm).toBeLessThan(b! * 0.7);
    }
  });
});
