// The numbers the checks judge by, in one place: the load profile, the latency objective and
// the bounds that keep every check short. The lab's instructions quote them. The machine (cores,
// memory, the app's costs) is the lab's read-only machine.json, embedded here so a learner who
// edits their copy cannot move the goalposts.
import machine from '../../labs/tune-the-workers/solution/machine.json' with { type: 'json' };

export { machine };
export type Machine = typeof machine;

export const labSettings = {
  /** The engine and the app, as the start command runs them. */
  engineFile: 'course-gunicorn.mjs',
  configFile: 'gunicorn.conf.py',
  machineFile: 'machine.json',
  appSpec: 'app:app',
  /** Concurrent clients of each load step; the last one is the profile the objective applies to. */
  loadSteps: [2, 4, 8],
  /** How long each step starts new requests. */
  stepMs: 3000,
  /** A request without an answer after this long counts as an error. */
  requestTimeoutMs: 4000,
  /** Every `reportEvery`-th request of the profile is GET /report (20 %), the rest GET /orders. */
  reportEvery: 5,
  /** The latency objective at the last step: p95 at most this, and no errors. */
  sloP95Ms: 1000,
  /** A hung request must be cut off this soon; the slowest legitimate request takes well under 1 s. */
  hangCutoffMs: 10_000,
  /**
   * GET /export calls of the leak check, sent by this many clients: enough for every worker of a
   * sensible configuration to recycle at least once, and, leaking 1 MiB each, more than the
   * 464 MiB the solution's workers leave free.
   */
  leakRequests: 500,
  leakClients: 8,
  /** Generous, so workers that reboot all at once show up as a pause, not as errors. */
  leakRequestTimeoutMs: 10_000,
} as const;

export const endpointCosts = machine.endpoints;

/** Leaked memory per GET /export, in MiB. */
export const leakPerExportMib = machine.endpoints['GET /export'].leak_kib / 1024;
