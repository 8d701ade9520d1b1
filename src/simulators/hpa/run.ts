// Runs the HPA over a traffic curve, one controller sync at a time.
import { desiredReplicas, limitReplicas, stabilize, utilizationPercent, type HpaSettings, type Recommendation } from './model.ts';
import { trafficAt, type Traffic } from './traffic.ts';

export interface HpaStep {
  /** Seconds since the start. */
  time: number;
  load: number;
  /** Replicas serving during this sync, before the decision. */
  before: number;
  utilization: number;
  /** The formula's answer, before windows and limits. */
  desired: number;
  /** The count the HPA sets at this sync. */
  after: number;
  why: string;
}

export interface HpaRun {
  steps: HpaStep[];
  settings: HpaSettings;
  capacityPerPod: number;
  durationSeconds: number;
}

/** Replicas that carry a load at the target utilisation, within min and max. */
export function replicasForLoad(load: number, capacityPerPod: number, settings: HpaSettings): number {
  const needed = Math.ceil((load * 100) / (capacityPerPod * settings.targetUtilization) - 1e-9);
  return Math.min(settings.maxReplicas, Math.max(settings.minReplicas, needed));
}

function explain(step: Omit<HpaStep, 'why'>, settings: HpaSettings, stabilized: number): string {
  const ratio = step.utilization / settings.targetUtilization;
  const formula = `ceil(${step.before} × ${step.utilization} / ${settings.targetUtilization})`;
  if (Math.abs(1 - ratio) <= settings.tolerance) return `ratio ${ratio.toFixed(2)} is within the ${settings.tolerance} tolerance: no change`;
  const base = `${formula} = ${step.desired}`;
  if (step.after === step.desired) return base;
  if (stabilized !== step.desired && stabilized === step.after) {
    return step.desired < step.before
      ? `${base}; the scale-down window keeps ${stabilized}, its highest recommendation`
      : `${base}; the scale-up window allows only ${stabilized}, its lowest recommendation`;
  }
  if (step.after === settings.maxReplicas && stabilized > settings.maxReplicas) return `${base}; capped at maxReplicas ${settings.maxReplicas}`;
  if (step.after === settings.minReplicas && stabilized < settings.minReplicas) return `${base}; raised to minReplicas ${settings.minReplicas}`;
  if (step.after > step.before) return `${base}; the scale-up policy allows at most ${step.after} (double, or add 4)`;
  return `${base}; kept at ${step.after}`;
}

export function runHpa(traffic: Traffic, capacityPerPod: number, settings: HpaSettings, durationSeconds = 1200): HpaRun {
  let replicas = replicasForLoad(traffic.base, capacityPerPod, settings);
  // The controller seeds an empty history with the current count, so a new HPA does not
  // scale down before one window has passed (maybeInitScaleDownStabilizationWindow).
  const history: Recommendation[] = [{ time: 0, replicas }];
  const steps: HpaStep[] = [];
  for (let time = 0; time < durationSeconds; time += settings.syncPeriodSeconds) {
    const load = trafficAt(traffic, time);
    const utilization = utilizationPercent(load, replicas, capacityPerPod);
    const desired = desiredReplicas(replicas, utilization, settings.targetUtilization, settings.tolerance);
    const stabilized = stabilize(replicas, desired, history, time, settings);
    history.push({ time, replicas: desired });
    const after = limitReplicas(replicas, stabilized, settings);
    const step = { time, load, before: replicas, utilization, desired, after };
    steps.push({ ...step, why: explain(step, settings, stabilized) });
    replicas = after;
  }
  return { steps, settings, capacityPerPod, durationSeconds };
}
