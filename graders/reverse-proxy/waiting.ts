// Small helpers the checks share for counting and reporting.

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "app-1: 5, app-2: 5" for a per-instance count. */
export function describeCounts(counts: ReadonlyArray<readonly [string, number]>): string {
  return counts.map(([name, count]) => `${name}: ${count}`).join(', ');
}
