// Carries the series a load check measured into its check result. Checks return a one-line
// summary or throw a failure, so a check records its series here during its run, and the
// grader adds each series to its check's result afterwards: passed or failed, the learner
// sees the measurements as a chart. One store per run.
import type { Grader, RunOptions } from '../kit/define-grader.ts';
import { graderResultSchema, type CheckSeries, type GraderResult } from '../kit/result-schema.ts';

export class SeriesStore {
  private readonly bySlug = new Map<string, CheckSeries>();

  record(slug: string, series: CheckSeries): void {
    this.bySlug.set(slug, series);
  }

  /** The result with each recorded series on its check; unchanged if that would break the schema. */
  attachTo(result: GraderResult): GraderResult {
    if (this.bySlug.size === 0) return result;
    const checks = result.checks.map((check) => {
      const series = this.bySlug.get(check.slug);
      return series && (check.status === 'pass' || check.status === 'fail') ? { ...check, series } : check;
    });
    const parsed = graderResultSchema.safeParse({ ...result, checks });
    return parsed.success ? parsed.data : result;
  }
}

/** A grader whose every run gets a fresh SeriesStore, attached to the result at the end. */
export function withSeries(build: (store: SeriesStore) => Grader): Grader {
  const shape = build(new SeriesStore());
  return {
    manifestFile: shape.manifestFile,
    checks: shape.checks,
    manifest: () => shape.manifest(),
    run: async (options: RunOptions) => {
      const store = new SeriesStore();
      return store.attachTo(await build(store).run(options));
    },
  };
}
