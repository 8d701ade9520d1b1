// The load-balancer simulator's inputs. Health-check defaults are the chapter's quiz: a check
// every 10 s, out after 3 failures, back after 2 passes.
import type { NumberField } from '../shared/number-fields.ts';

export const serverNames = ['A', 'B', 'C'] as const;

export type LbField = 'arrivalsPerSecond' | 'fastMs' | 'slowMs' | 'slowPercent' | 'intervalSeconds' | 'fall' | 'rise';

export const workloadFields: readonly NumberField<LbField>[] = [
  { name: 'arrivalsPerSecond', label: 'Requests per second', unit: 'req/s', min: 1, max: 50, step: 1, value: 10 },
  { name: 'fastMs', label: 'Typical request takes', unit: 'ms', min: 10, max: 10_000, step: 10, value: 200 },
  { name: 'slowMs', label: 'Slow request takes', unit: 'ms', min: 10, max: 60_000, step: 100, value: 3000 },
  { name: 'slowPercent', label: 'Share of slow requests', unit: '%', min: 0, max: 100, step: 1, value: 10 },
];

export const healthFields: readonly NumberField<LbField>[] = [
  { name: 'intervalSeconds', label: 'Check interval', unit: 's', min: 1, max: 60, step: 1, value: 10 },
  { name: 'fall', label: 'Out after failures in a row', unit: 'checks', min: 1, max: 10, step: 1, value: 3 },
  { name: 'rise', label: 'Back after passes in a row', unit: 'checks', min: 1, max: 10, step: 1, value: 2 },
];

export type WeightField = `weight${number}`;

export const weightFields: readonly NumberField<WeightField>[] = serverNames.map((_, index) => ({
  name: `weight${index}` as WeightField,
  label: 'Weight',
  unit: '',
  min: 1,
  max: 10,
  step: 1,
  value: 1,
}));
