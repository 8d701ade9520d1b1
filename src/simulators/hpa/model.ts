// The HorizontalPodAutoscaler's replica calculation, step by step as the controller does it
// every sync period. Sources: the Kubernetes documentation "Horizontal Pod Autoscaling"
// (algorithm details, stabilization window, default behavior) and the controller source
// pkg/controller/podautoscaler/horizontal.go (stabilizeRecommendationWithBehaviors,
// convertDesiredReplicasWithBehaviorRate) and pkg/apis/autoscaling/v2/defaults.go.

export interface HpaSettings {
  /** averageUtilization target, in percent of the pods' CPU request. */
  targetUtilization: number;
  /** Skip scaling while |metric / target − 1| ≤ tolerance (controller default 0.1). */
  tolerance: number;
  minReplicas: number;
  maxReplicas: number;
  /** behavior.scaleDown.stabilizationWindowSeconds (default 300). */
  scaleDownWindowSeconds: number;
  /** behavior.scaleUp.stabilizationWindowSeconds (default 0). */
  scaleUpWindowSeconds: number;
  /** --horizontal-pod-autoscaler-sync-period (default 15 s). */
  syncPeriodSeconds: number;
}

export const defaultHpaSettings: HpaSettings = {
  targetUtilization: 60,
  tolerance: 0.1,
  minReplicas: 2,
  maxReplicas: 20,
  scaleDownWindowSeconds: 300,
  scaleUpWindowSeconds: 0,
  syncPeriodSeconds: 15,
};

export interface Recommendation {
  time: number;
  replicas: number;
}

/**
 * desiredReplicas = ceil(currentReplicas × currentMetricValue / desiredMetricValue), or the
 * current count when the ratio is within the tolerance of 1.0.
 */
export function desiredReplicas(current: number, utilization: number, target: number, tolerance: number): number {
  const ratio = utilization / target;
  if (Math.abs(1 - ratio) <= tolerance) return current;
  // The small epsilon keeps 4 × 90 / 60 at exactly 6 despite floating point.
  return Math.ceil(current * ratio - 1e-9);
}

/**
 * The stabilization windows: scale up at most to the lowest recommendation of the scale-up
 * window, scale down at most to the highest recommendation of the scale-down window. The
 * windows hold recommendations made strictly after now − window, plus the current one.
 */
export function stabilize(current: number, desired: number, history: Recommendation[], now: number, settings: HpaSettings): number {
  let up = desired;
  let down = desired;
  for (const recommendation of history) {
    if (recommendation.time > now - settings.scaleUpWindowSeconds) up = Math.min(up, recommendation.replicas);
    if (recommendation.time > now - settings.scaleDownWindowSeconds) down = Math.max(down, recommendation.replicas);
  }
  let replicas = current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;
  return replicas;
}

/**
 * minReplicas, maxReplicas and the default scale-up policies: per 15 s period, the larger of
 * doubling (Percent 100) and adding 4 pods (Pods 4). The sync period equals that period here,
 * so each period starts from the current count. The default scale-down policy (100 % per
 * 15 s) allows any decrease, so only minReplicas limits it.
 */
export function limitReplicas(current: number, stabilized: number, settings: HpaSettings): number {
  if (stabilized > current) {
    const rateLimit = Math.max(current * 2, current + 4);
    return Math.min(stabilized, settings.maxReplicas, rateLimit);
  }
  if (stabilized < current) return Math.max(stabilized, settings.minReplicas);
  return stabilized;
}

/** Average CPU utilisation in whole percent, truncated as the metrics client computes it. */
export function utilizationPercent(loadPerSecond: number, replicas: number, capacityPerPod: number): number {
  return Math.floor((loadPerSecond * 100) / (replicas * capacityPerPod) + 1e-9);
}
