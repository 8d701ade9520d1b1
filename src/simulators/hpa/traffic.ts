// Traffic curves for the HPA simulator: requests per second as a function of time.

export const trafficShapes = ['spike', 'step', 'wave', 'flicker'] as const;
export type TrafficShape = (typeof trafficShapes)[number];

export interface Traffic {
  shape: TrafficShape;
  /** Requests per second outside the busy period. */
  base: number;
  /** Requests per second at the busiest. */
  peak: number;
}

export const trafficLabels: Record<TrafficShape, string> = {
  spike: 'Spike: peak from minute 2 to minute 6',
  step: 'Step: peak from minute 2 onwards',
  wave: 'Wave: base to peak and back over 20 minutes',
  flicker: 'Flicker: peak and base alternate every minute',
};

export function trafficAt(traffic: Traffic, seconds: number): number {
  const minute = seconds / 60;
  switch (traffic.shape) {
    case 'spike':
      return minute >= 2 && minute < 6 ? traffic.peak : traffic.base;
    case 'step':
      return minute >= 2 ? traffic.peak : traffic.base;
    case 'wave':
      return Math.round(traffic.base + ((traffic.peak - traffic.base) * (1 - Math.cos((2 * Math.PI * minute) / 20))) / 2);
    case 'flicker':
      return minute >= 2 && Math.floor(minute) % 2 === 0 ? traffic.peak : traffic.base;
  }
}
