// Active health checks with two thresholds, as HAProxy (inter, fall, rise), AWS target groups
// (interval, unhealthy and healthy threshold counts) and the chapter describe them: a server in
// rotation leaves after `fall` consecutive failed checks; a server out of rotation returns after
// `rise` consecutive passed checks.

export interface HealthSettings {
  intervalSeconds: number;
  /** Consecutive failures that take a server out of rotation. */
  fall: number;
  /** Consecutive passes that bring it back. */
  rise: number;
}

export interface HealthState {
  inRotation: boolean;
  /** Consecutive results counted towards the next change. */
  streak: number;
}

export type HealthChange = 'removed' | 'readmitted' | null;

export function applyCheck(state: HealthState, passed: boolean, settings: HealthSettings): { state: HealthState; change: HealthChange } {
  if (state.inRotation === passed) return { state: { inRotation: state.inRotation, streak: 0 }, change: null };
  const streak = state.streak + 1;
  const threshold = state.inRotation ? settings.fall : settings.rise;
  if (streak < threshold) return { state: { inRotation: state.inRotation, streak }, change: null };
  return { state: { inRotation: !state.inRotation, streak: 0 }, change: state.inRotation ? 'removed' : 'readmitted' };
}
