// The simulated traffic: evenly spaced arrivals, a share of slow requests, and clients spread
// over a few /24 networks, so that IP hashing (which reads three octets) groups them.
import type { RandomInt } from './pickers.ts';

export interface Workload {
  arrivalsPerSecond: number;
  fastMs: number;
  slowMs: number;
  /** Percent of requests that take slowMs instead of fastMs. */
  slowPercent: number;
}

export const clientAddresses = ['203.0.113.10', '203.0.113.77', '198.51.100.4', '198.51.100.90', '10.1.2.33', '10.1.2.150', '192.168.1.12', '192.168.1.200', '100.64.7.5', '100.64.7.6'];

/** mulberry32: a small seeded generator, so a run can be replayed exactly. */
export function seededRandom(seed: number): RandomInt {
  let state = seed >>> 0;
  return (limit: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * limit);
  };
}
