// What one run of the tune-the-workers grader shares between checks: the settings the
// learner's gunicorn.conf.py resolves to (read by the first check) and the observations of the
// leak run, which the restart check reads too.
import type { PrepareContext } from '../kit/define-grader.ts';
import type { WorkerSettings } from './gunicorn-settings.ts';
import type { LeakRun } from './leak-run.ts';

export interface LabWorld {
  settings: WorkerSettings | undefined;
  leakRun: LeakRun | undefined;
  /** The learner's folder, where the engine runs. */
  dir: string;
}

export function buildLabWorld(setup: PrepareContext): LabWorld {
  return { settings: undefined, leakRun: undefined, dir: setup.dir };
}
