// What one run of the tune-the-workers grader shares between checks: the settings the
// learner's gunicorn.conf.py resolves to (read by the first check), the store for measured
// series, and the observations of the leak run, which the restart check reads too.
import type { PrepareContext } from '../kit/define-grader.ts';
import type { WorkerSettings } from './gunicorn-settings.ts';
import type { LeakRun } from './leak-run.ts';
import type { SeriesStore } from './series-store.ts';

export interface LabWorld {
  settings: WorkerSettings | undefined;
  series: SeriesStore;
  leakRun: LeakRun | undefined;
  /** The learner's folder, where the engine runs. */
  dir: string;
}

export function buildLabWorld(setup: PrepareContext, series: SeriesStore): LabWorld {
  return { settings: undefined, series, leakRun: undefined, dir: setup.dir };
}
