// The capacity calculator's inputs, with the chapter's worked example as defaults
// (content/chapters/a-million-requests-per-second.mdx, "Capacity arithmetic, layer by layer").
import type { NumberField } from '../shared/number-fields.ts';

export type CapacityField =
  | 'peakRps'
  | 'cdnHitPercent'
  | 'cpuMsPerRequest'
  | 'latencyMs'
  | 'vcpusPerPod'
  | 'targetCpuPercent'
  | 'zones'
  | 'cacheReadsPerRequest'
  | 'cacheHitPercent'
  | 'cacheOpsPerNode'
  | 'replicaReadsPerSecond'
  | 'writePercent'
  | 'primaryWritesPerSecond'
  | 'podHourlyPrice';

export const capacityFields: readonly NumberField<CapacityField>[] = [
  { name: 'peakRps', label: 'Peak traffic', unit: 'req/s', min: 1, max: 100_000_000, step: 1000, value: 1_000_000 },
  { name: 'cdnHitPercent', label: 'CDN hit ratio', unit: '%', min: 0, max: 99.9, step: 1, value: 80 },
  { name: 'cpuMsPerRequest', label: 'CPU time per request', unit: 'ms', min: 0.1, max: 10_000, step: 1, value: 8 },
  { name: 'latencyMs', label: 'Time in the app per request', unit: 'ms', min: 0.1, max: 60_000, step: 1, value: 50 },
  { name: 'vcpusPerPod', label: 'vCPUs per pod', unit: 'vCPU', min: 1, max: 192, step: 1, value: 4 },
  { name: 'targetCpuPercent', label: 'Target CPU utilisation', unit: '%', min: 1, max: 100, step: 1, value: 60 },
  { name: 'zones', label: 'Availability zones (survive losing one)', unit: 'zones', min: 1, max: 6, step: 1, value: 3 },
  { name: 'cacheReadsPerRequest', label: 'Cache reads per request', unit: 'reads', min: 0, max: 100, step: 1, value: 3 },
  { name: 'cacheHitPercent', label: 'Cache hit rate', unit: '%', min: 0, max: 100, step: 1, value: 95 },
  { name: 'cacheOpsPerNode', label: 'Planned commands per cache node', unit: 'ops/s', min: 1, max: 10_000_000, step: 1000, value: 75_000 },
  { name: 'replicaReadsPerSecond', label: 'Reads per database replica', unit: 'reads/s', min: 1, max: 10_000_000, step: 500, value: 7_500 },
  { name: 'writePercent', label: 'Requests that write', unit: '%', min: 0, max: 100, step: 0.5, value: 2 },
  { name: 'primaryWritesPerSecond', label: 'Writes one primary sustains', unit: 'writes/s', min: 1, max: 10_000_000, step: 1000, value: 10_000 },
  { name: 'podHourlyPrice', label: 'Price per pod-sized instance', unit: 'US$/hour', min: 0, max: 100, step: 0.01, value: 0.2 },
];
