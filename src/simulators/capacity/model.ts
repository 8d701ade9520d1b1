// Capacity arithmetic layer by layer, as the chapter "Serving a million requests per second"
// does it: CDN misses reach the origin, pods carry it at a target CPU utilisation, cache misses
// reach the database replicas, and writes reach the primary. Each layer keeps the lines of
// arithmetic that produced it, so the page can show the working, not only the answer.
import { formatNumber as n, type FieldValues } from '../shared/number-fields.ts';
import type { CapacityField } from './fields.ts';

export type CapacityInputs = FieldValues<CapacityField>;

export interface Layer {
  id: 'origin' | 'pods' | 'cache' | 'database' | 'primary' | 'cost';
  title: string;
  /** The headline count, e.g. 1,000 pods. */
  count: number;
  unit: string;
  /** The arithmetic, one line each, in the chapter's notation. */
  working: string[];
}

const hoursPerMonth = 730;

/** Rounds up, ignoring floating-point dust so 600,000 / 75,000 stays 8. */
export function ceil(value: number): number {
  return Math.ceil(value - 1e-9);
}

function approx(value: number): string {
  return Number.isInteger(Math.round(value * 1e6) / 1e6) ? `= ${n(Math.round(value))}` : `≈ ${n(ceil(value), 0)}`;
}

export function originLayer(input: CapacityInputs): Layer & { rps: number } {
  const miss = (100 - input.cdnHitPercent) / 100;
  const rps = input.peakRps * miss;
  return {
    id: 'origin',
    title: 'Requests past the CDN',
    rps,
    count: ceil(rps),
    unit: 'req/s',
    working: [`${n(input.peakRps)} × (1 − ${n(input.cdnHitPercent / 100, 3)}) ${approx(rps)} requests per second reach the load balancers`],
  };
}

export function podLayer(input: CapacityInputs, originRps: number): Layer & { perPod: number } {
  const perCore = 1000 / input.cpuMsPerRequest;
  const perPod = (input.vcpusPerPod * perCore * input.targetCpuPercent) / 100;
  const pods = originRps / perPod;
  const working = [
    `one core: 1 / ${n(input.cpuMsPerRequest / 1000, 4)} s ${approx(perCore)} requests per second at 100 % CPU`,
    `one pod: ${n(input.vcpusPerPod)} × ${n(perCore)} × ${n(input.targetCpuPercent / 100, 2)} ${approx(perPod)} requests per second at the target`,
    `pods: ${n(originRps)} / ${n(perPod)} ${approx(pods)} pods`,
    `each pod holds ${n(perPod)} × ${n(input.latencyMs / 1000, 4)} s ${approx(perPod * input.latencyMs / 1000)} requests in progress`,
  ];
  let count = ceil(pods);
  if (input.zones >= 2) {
    const zoneSafe = (pods * input.zones) / (input.zones - 1);
    count = ceil(zoneSafe);
    working.push(`surviving the loss of one of ${input.zones} zones: ${n(pods)} × ${input.zones}/${input.zones - 1} ${approx(zoneSafe)} pods`);
  } else {
    working.push('one zone: losing it loses the service, so there is no zone headroom to add');
  }
  return { id: 'pods', title: 'Application pods', perPod, count, unit: 'pods', working };
}

export function cacheLayer(input: CapacityInputs, originRps: number): Layer & { dbReads: number } {
  const reads = originRps * input.cacheReadsPerRequest;
  const hits = (reads * input.cacheHitPercent) / 100;
  const dbReads = reads - hits;
  const shards = reads / input.cacheOpsPerNode;
  return {
    id: 'cache',
    title: 'Cache shards',
    dbReads,
    count: ceil(shards),
    unit: 'shards',
    working: [
      `reads: ${n(originRps)} × ${n(input.cacheReadsPerRequest)} ${approx(reads)} per second, of which ${n(hits)} are hits`,
      `to the database: ${n(reads)} × ${n(1 - input.cacheHitPercent / 100, 3)} ${approx(dbReads)} reads per second`,
      `shards: ${n(reads)} / ${n(input.cacheOpsPerNode)} ${approx(shards)}, each with a replica for failover`,
    ],
  };
}

export function databaseLayer(input: CapacityInputs, dbReads: number): Layer {
  const replicas = dbReads / input.replicaReadsPerSecond;
  return {
    id: 'database',
    title: 'Read replicas',
    count: ceil(replicas),
    unit: 'replicas',
    working: [`replicas: ${n(dbReads)} / ${n(input.replicaReadsPerSecond)} ${approx(replicas)}, plus one or two for headroom and failover`],
  };
}

export function primaryLayer(input: CapacityInputs, originRps: number): Layer {
  const writes = (originRps * input.writePercent) / 100;
  const primaries = Math.max(1, ceil(writes / input.primaryWritesPerSecond));
  const working = [`writes: ${n(originRps)} × ${n(input.writePercent / 100, 4)} ${approx(writes)} per second, all on the primary`];
  working.push(
    primaries === 1
      ? `${n(writes)} ≤ ${n(input.primaryWritesPerSecond)}: one primary carries them`
      : `${n(writes)} / ${n(input.primaryWritesPerSecond)} ${approx(writes / input.primaryWritesPerSecond)}: more than one primary can take, so shard the writes`,
  );
  return { id: 'primary', title: primaries === 1 ? 'Primary database' : 'Write shards (primaries)', count: primaries, unit: primaries === 1 ? 'primary' : 'shards', working };
}

export function costLayer(input: CapacityInputs, pods: number): Layer {
  const monthly = pods * input.podHourlyPrice * hoursPerMonth;
  return {
    id: 'cost',
    title: 'Compute per month (pods only)',
    count: Math.round(monthly),
    unit: 'US$',
    working: [`${n(pods)} × $${n(input.podHourlyPrice, 4)} × ${hoursPerMonth} hours ≈ $${n(Math.round(monthly), 0)} a month at list price`],
  };
}

/** "1,000 pods", "US$146,000": the figure a layer's card shows. */
export function headline(layer: Layer): string {
  return layer.unit === 'US$' ? `US$${n(layer.count, 0)}` : `${n(layer.count, 0)} ${layer.unit}`;
}

/** One sentence for the live region: the counts a learner is changing inputs to see. */
export function summary(layers: Layer[]): string {
  return layers.filter((layer) => layer.id !== 'origin').map(headline).join(', ') + '.';
}

export function planCapacity(input: CapacityInputs): Layer[] {
  const origin = originLayer(input);
  const pods = podLayer(input, origin.rps);
  const cache = cacheLayer(input, origin.rps);
  return [origin, pods, cache, databaseLayer(input, cache.dbReads), primaryLayer(input, origin.rps), costLayer(input, pods.count)];
}
