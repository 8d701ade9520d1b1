import { describe, expect, it } from 'vitest';
import { defaultHpaSettings, desiredReplicas, utilizationPercent } from '../../../src/simulators/hpa/model.ts';
import { runHpa } from '../../../src/simulators/hpa/run.ts';
import { chartSvg } from '../../../src/simulators/hpa/chart.ts';
import { summarize } from '../../../src/simulators/hpa/summary.ts';
import type { Traffic } from '../../../src/simulators/hpa/traffic.ts';

// Worked examples from content/chapters/a-million-requests-per-second.mdx, computed by hand.
describe('the HPA formula', () => {
  it('scales 4 replicas at 90 % against a 60 % target to ceil(6) = 6', () => {
    expect(desiredReplicas(4, 90, 60, 0.1)).toBe(6);
  });

  it('scales 6 replicas at 30 % against a 60 % target down to 3', () => {
    expect(desiredReplicas(6, 30, 60, 0.1)).toBe(3);
  });

  it('rounds 4 × 95 / 50 = 7.6 up to 8, as the quiz says', () => {
    expect(desiredReplicas(4, 95, 50, 0.1)).toBe(8);
  });

  it('changes nothing at 47 % against 50 % (ratio 0.94) or 64 % against 60 % (ratio 1.067)', () => {
    expect(desiredReplicas(10, 47, 50, 0.1)).toBe(10);
    expect(desiredReplicas(4, 64, 60, 0.1)).toBe(4);
  });

  it('asks for ceil(8.8) = 9 at 44 % against 50 %, just outside the tolerance', () => {
    expect(desiredReplicas(10, 44, 50, 0.1)).toBe(9);
  });

  it('answers the Try it line 3 replicas at 250 % against 60 % with ceil(12.5) = 13', () => {
    expect(desiredReplicas(3, 250, 60, 0.1)).toBe(13);
  });

  it('scales on a small deviation once the tolerance is zero', () => {
    expect(desiredReplicas(10, 47, 50, 0)).toBe(10);
    expect(desiredReplicas(10, 52, 50, 0)).toBe(11);
  });

  it('measures utilisation against the CPU request: 960 req/s on 4 pods of 100 req/s is 240 %', () => {
    expect(utilizationPercent(960, 4, 100)).toBe(240);
    expect(utilizationPercent(240, 16, 100)).toBe(15);
  });
});

const spike: Traffic = { shape: 'spike', base: 240, peak: 960 };
const at = (run: ReturnType<typeof runHpa>, seconds: number) => run.steps.find((step) => step.time === seconds)!;

describe('an HPA run over a spike (100 req/s per pod at 100 %, target 60 %, min 2, max 20)', () => {
  const run = runHpa(spike, 100, defaultHpaSettings);

  it('starts with the 4 pods the base load needs and leaves them while utilisation sits at the target', () => {
    expect(at(run, 0).before).toBe(4);
    expect(at(run, 105).after).toBe(4);
  });

  it('scales up at the first sync of the spike, limited by the default policy to double: 4 → 8 → 16', () => {
    expect(at(run, 120)).toMatchObject({ utilization: 240, desired: 16, after: 8 });
    expect(at(run, 135)).toMatchObject({ utilization: 120, desired: 16, after: 16 });
    expect(at(run, 150)).toMatchObject({ utilization: 60, after: 16 });
  });

  it('keeps 16 pods after the spike until the last high recommendation (5:45) leaves the 300 s window at 10:45', () => {
    expect(at(run, 360)).toMatchObject({ utilization: 15, desired: 4, after: 16 });
    expect(at(run, 630).after).toBe(16);
    expect(at(run, 645).after).toBe(4);
  });

  it('scales down after one sync once the scale-down window is 0 s', () => {
    const fast = runHpa(spike, 100, { ...defaultHpaSettings, scaleDownWindowSeconds: 0 });
    expect(at(fast, 360).after).toBe(4);
  });

  it('with a 60 s scale-up window, scales up at 2:45, once every recommendation after 1:45 asks for 16', () => {
    const slow = runHpa(spike, 100, { ...defaultHpaSettings, scaleUpWindowSeconds: 60 });
    expect(at(slow, 150).after).toBe(4);
    expect(at(slow, 165).after).toBe(8);
    expect(at(slow, 180).after).toBe(16);
  });
});

describe('minReplicas and maxReplicas', () => {
  it('caps a step to 2,000 req/s at maxReplicas 20 after 4 → 8 → 16', () => {
    const run = runHpa({ shape: 'step', base: 240, peak: 2000 }, 100, defaultHpaSettings);
    expect([120, 135, 150, 165].map((time) => at(run, time).after)).toEqual([8, 16, 20, 20]);
    expect(at(run, 165).utilization).toBe(100);
  });

  it('never goes below minReplicas when traffic falls to almost nothing', () => {
    const run = runHpa({ shape: 'step', base: 240, peak: 10 }, 100, { ...defaultHpaSettings, minReplicas: 3, scaleDownWindowSeconds: 0 });
    expect(at(run, 120)).toMatchObject({ desired: 1, after: 3 });
  });
});

describe('the words the simulator shows for a run', () => {
  const run = runHpa(spike, 100, defaultHpaSettings);

  it('explains a held scale-down by the window and a capped scale-up by the policy', () => {
    expect(at(run, 360).why).toBe('ceil(16 × 15 / 60) = 4; the scale-down window keeps 16, its highest recommendation');
    expect(at(run, 120).why).toBe('ceil(4 × 240 / 60) = 16; the scale-up policy allows at most 8 (double, or add 4)');
    expect(at(run, 150).why).toBe('ratio 1.00 is within the 0.1 tolerance: no change');
  });

  it('lists the replica changes with their times for the live region', () => {
    expect(summarize(run)).toBe('Starts at 4 replicas, peaks at 16. Changes: 2:00 4 → 8, 2:15 8 → 16, 10:45 16 → 4.');
  });

  it('describes the chart with the same words, so a screen reader hears the run', () => {
    expect(chartSvg(run)).toContain('<desc id="hpa-chart-desc">Starts at 4 replicas, peaks at 16.');
  });
});
