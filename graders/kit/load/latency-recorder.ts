// Exact latency percentiles for bounded load runs. A load run in a lab sends at most
// `maxSamples` requests, so every latency can be kept and sorted: no approximation, and no
// dependency. (hdr-histogram-js 3.0.1 was considered: bundled it adds about 310 KB, 81 KB
// gzipped, because it embeds a WebAssembly build and pako; too heavy for a lab bundle that
// an exact 60-line recorder replaces.)
export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export class LatencyRecorder {
  readonly maxSamples: number;
  private values: Float64Array;
  private size = 0;
  private sorted = true;

  constructor(maxSamples = 200_000) {
    this.maxSamples = maxSamples;
    this.values = new Float64Array(Math.min(1024, maxSamples));
  }

  get count(): number {
    return this.size;
  }

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a latency is a finite number of milliseconds ≥ 0; received ${ms}`);
    if (this.size === this.maxSamples) throw new RangeError(`the recorder holds at most ${this.maxSamples} samples; bound the load run`);
    if (this.size === this.values.length) {
      const grown = new Float64Array(Math.min(this.values.length * 2, this.maxSamples));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size] = ms;
    this.size += 1;
    this.sorted = false;
  }

  /** Nearest-rank percentile: the smallest recorded value with at least p% of values at or below it. */
  percentile(p: number): number {
    if (p < 0 || p > 100) throw new RangeError(`a percentile is from 0 to 100; received ${p}`);
    if (this.size === 0) return 0;
    const view = this.sortedView();
    const rank = Math.max(1, Math.ceil((p / 100) * this.size));
    return view[rank - 1] as number;
  }

  summary(): LatencySummary {
    const view = this.sortedView();
    let total = 0;
    for (const value of view) total += value;
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      count: this.size,
      min: round(view[0] ?? 0),
      mean: round(this.size ? total / this.size : 0),
      p50: round(this.percentile(50)),
      p90: round(this.percentile(90)),
      p95: round(this.percentile(95)),
      p99: round(this.percentile(99)),
      max: round(view[this.size - 1] ?? 0),
    };
  }

  private sortedView(): Float64Array {
    const view = this.values.subarray(0, this.size);
    if (!this.sorted) {
      view.sort();
      this.sorted = true;
    }
    return view;
  }
}
