// The HPA simulator's inputs. Defaults: Kubernetes' own (tolerance 0.1, a 300 s scale-down
// window, no scale-up window, 15 s sync) and a spike that the chapter's chart also shows.
import type { NumberField } from '../shared/number-fields.ts';

export type HpaField =
  | 'base'
  | 'peak'
  | 'capacityPerPod'
  | 'targetUtilization'
  | 'tolerance'
  | 'minReplicas'
  | 'maxReplicas'
  | 'scaleDownWindowSeconds'
  | 'scaleUpWindowSeconds';

export const hpaFields: readonly NumberField<HpaField>[] = [
  { name: 'base', label: 'Base traffic', unit: 'req/s', min: 0, max: 1_000_000, step: 10, value: 240 },
  { name: 'peak', label: 'Peak traffic', unit: 'req/s', min: 0, max: 1_000_000, step: 10, value: 960 },
  { name: 'capacityPerPod', label: 'One pod at 100 % of its CPU request', unit: 'req/s', min: 1, max: 100_000, step: 10, value: 100 },
  { name: 'targetUtilization', label: 'Target CPU utilisation', unit: '%', min: 1, max: 200, step: 5, value: 60 },
  { name: 'tolerance', label: 'Tolerance', unit: '(0.1 = 10 %)', min: 0, max: 0.9, step: 0.05, value: 0.1 },
  { name: 'minReplicas', label: 'minReplicas', unit: 'pods', min: 1, max: 100, step: 1, value: 2 },
  { name: 'maxReplicas', label: 'maxReplicas', unit: 'pods', min: 1, max: 100, step: 1, value: 20 },
  { name: 'scaleDownWindowSeconds', label: 'Scale-down stabilization window', unit: 's', min: 0, max: 3600, step: 15, value: 300 },
  { name: 'scaleUpWindowSeconds', label: 'Scale-up stabilization window', unit: 's', min: 0, max: 3600, step: 15, value: 0 },
];
