import { describe, expect, it } from 'vitest';
import { capacityFields } from '../../../src/simulators/capacity/fields.ts';
import { planCapacity, type CapacityInputs, type Layer } from '../../../src/simulators/capacity/model.ts';
import { readFields } from '../../../src/simulators/shared/number-fields.ts';

// The worked example of content/chapters/a-million-requests-per-second.mdx, by hand:
// 1,000,000 × 0.2 = 200,000 at the origin; 4 × 125 × 0.6 = 300 per pod; 200,000 / 300 ≈ 667
// pods, × 3/2 = 1,000 across three zones; 600,000 cache reads, 30,000 to the database,
// 600,000 / 75,000 = 8 shards; 30,000 / 7,500 = 4 replicas; 200,000 × 0.02 = 4,000 writes.
const chapter = Object.fromEntries(capacityFields.map((field) => [field.name, field.value])) as CapacityInputs;
const layer = (layers: Layer[], id: Layer['id']) => layers.find((candidate) => candidate.id === id)!;

describe('the capacity calculator with the chapter assumptions', () => {
  const layers = planCapacity(chapter);

  it('sends 200,000 of a million requests per second past an 80 % CDN', () => {
    expect(layer(layers, 'origin').count).toBe(200_000);
    expect(layer(layers, 'origin').working[0]).toContain('1,000,000 × (1 − 0.8) = 200,000');
  });

  it('needs 1,000 pods of 300 req/s across three zones, and shows the 667 before zone headroom', () => {
    const pods = layer(layers, 'pods');
    expect(pods.count).toBe(1000);
    expect(pods.working.join('\n')).toContain('one pod: 4 × 125 × 0.6 = 300');
    expect(pods.working.join('\n')).toContain('200,000 / 300 ≈ 667 pods');
    expect(pods.working.join('\n')).toContain('= 15 requests in progress');
  });

  it('needs 667 pods when one zone is planned, as the chapter computes before zone loss', () => {
    expect(layer(planCapacity({ ...chapter, zones: 1 }), 'pods').count).toBe(667);
  });

  it('plans 8 cache shards and sends 30,000 reads per second to 4 replicas', () => {
    expect(layer(layers, 'cache').count).toBe(8);
    expect(layer(layers, 'cache').working.join('\n')).toContain('570,000 are hits');
    expect(layer(layers, 'database').count).toBe(4);
    expect(layer(layers, 'database').working[0]).toContain('30,000 / 7,500 = 4');
  });

  it('puts 4,000 writes per second on one primary', () => {
    expect(layer(layers, 'primary').count).toBe(1);
    expect(layer(layers, 'primary').working[0]).toContain('= 4,000 per second');
  });

  it('prices 1,000 pods at $0.20 an hour at $146,000 a month', () => {
    expect(layer(layers, 'cost').count).toBe(146_000);
  });
});

describe('changing one assumption', () => {
  it('doubles the pods when the CDN hit ratio falls from 80 % to 60 % (the quiz: about 1,333)', () => {
    expect(layer(planCapacity({ ...chapter, cdnHitPercent: 60, zones: 1 }), 'pods').count).toBe(1334);
    expect(layer(planCapacity({ ...chapter, cdnHitPercent: 60, zones: 1 }), 'pods').working[2]).toContain('400,000 / 300 ≈ 1,334');
  });

  it('doubles the database reads to 60,000 when the cache hit rate falls to 90 %', () => {
    const layers = planCapacity({ ...chapter, cacheHitPercent: 90 });
    expect(layer(layers, 'cache').working[1]).toContain('= 60,000 reads per second');
    expect(layer(layers, 'database').count).toBe(8);
  });

  it('shards the writes once they exceed what one primary sustains', () => {
    const primary = layer(planCapacity({ ...chapter, writePercent: 20 }), 'primary');
    expect(primary.count).toBe(4);
    expect(primary.working[1]).toContain('shard the writes');
  });
});

describe('reading the form', () => {
  it('names the field, the range and the value when an input is out of range or empty', () => {
    const raw: Record<string, string> = { ...Object.fromEntries(capacityFields.map((f) => [f.name, String(f.value)])), cdnHitPercent: '120', zones: '' };
    const result = readFields(capacityFields, (name) => raw[name]!);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.cdnHitPercent).toBe('CDN hit ratio must be from 0 to 99.9; you entered 120.');
    expect(result.errors.zones).toContain('enter a number from 1 to 6');
  });
});
