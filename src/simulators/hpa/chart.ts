// The HPA run as an SVG chart string, used for the server-rendered page and by the island:
// replicas over time (a step line) against the pods the traffic needs at the target.
import { summarize } from './summary.ts';
import type { HpaRun } from './run.ts';

const left = 44;
const right = 624;
const top = 16;
const bottom = 236;

function niceMax(value: number): number {
  const step = value <= 20 ? 5 : value <= 50 ? 10 : value <= 200 ? 25 : 100;
  return Math.max(step, Math.ceil(value / step) * step);
}

export function chartSvg(run: HpaRun): string {
  const { steps, settings, capacityPerPod, durationSeconds } = run;
  const needed = steps.map((step) => (step.load * 100) / (capacityPerPod * settings.targetUtilization));
  const yMax = niceMax(Math.max(settings.maxReplicas, ...needed, ...steps.map((step) => step.after)));
  const x = (seconds: number) => (left + ((right - left) * seconds) / durationSeconds).toFixed(1);
  const y = (pods: number) => (bottom - ((bottom - top) * pods) / yMax).toFixed(1);
  const stepPath = (values: number[]) =>
    values.map((value, index) => `${index === 0 ? 'M' : 'L'}${x(steps[index]!.time)},${y(value)}H${x(steps[index]!.time + settings.syncPeriodSeconds)}`).join('');
  const ticks = [0, yMax / 2, yMax].map(
    (pods) => `<line class="grid" x1="${left}" x2="${right}" y1="${y(pods)}" y2="${y(pods)}"/><text x="${left - 6}" y="${Number(y(pods)) + 4}" text-anchor="end" class="muted-text">${pods}</text>`,
  );
  const minutes = Array.from({ length: durationSeconds / 300 + 1 }, (_, index) => index * 5).map(
    (minute) => `<text x="${x(minute * 60)}" y="${bottom + 16}" text-anchor="middle" class="muted-text">${minute}</text>`,
  );
  const limits = [settings.minReplicas, settings.maxReplicas].map((pods) => `<line class="limit" x1="${left}" x2="${right}" y1="${y(pods)}" y2="${y(pods)}"/>`);
  const description = summarize(run).replace(/[<&>]/g, '');
  return `<svg viewBox="0 0 640 292" role="img" aria-labelledby="hpa-chart-title hpa-chart-desc">
<title id="hpa-chart-title">Replicas over ${durationSeconds / 60} minutes against the pods the traffic needs at the target</title>
<desc id="hpa-chart-desc">${description}</desc>
${ticks.join('')}${limits.join('')}
<line class="axis" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>
${minutes.join('')}<text x="${right}" y="${bottom + 30}" text-anchor="end" class="muted-text">minutes</text>
<text x="${left - 6}" y="${top - 4}" text-anchor="end" class="muted-text">pods</text>
<path class="needed" d="${stepPath(needed)}"/><path class="replicas" d="${stepPath(steps.map((step) => step.after))}"/>
<line class="replicas" x1="${left}" x2="${left + 28}" y1="276" y2="276"/><text x="${left + 34}" y="281">replicas</text>
<line class="needed" x1="${left + 110}" x2="${left + 138}" y1="276" y2="276"/><text x="${left + 144}" y="281">pods needed at the target</text>
<line class="limit" x1="${left + 380}" x2="${left + 408}" y1="276" y2="276"/><text x="${left + 414}" y="281">min and max</text>
</svg>`;
}
