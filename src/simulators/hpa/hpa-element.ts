// <hpa-simulator>: reruns the HPA over the chosen traffic whenever an input changes.
import { readForm } from '../shared/form-fields.ts';
import { chartSvg } from './chart.ts';
import { hpaFields } from './fields.ts';
import { defaultHpaSettings } from './model.ts';
import { runHpa } from './run.ts';
import { clock, decisions, summarize } from './summary.ts';
import { trafficShapes, type TrafficShape } from './traffic.ts';

function cell(text: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

class HpaSimulator extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    form?.addEventListener('input', () => this.update());
    form?.addEventListener('change', () => this.update());
    form?.addEventListener('submit', (event) => event.preventDefault());
  }

  update(): void {
    const status = this.querySelector<HTMLElement>('[data-summary]');
    const values = readForm(this, hpaFields);
    const shape = this.querySelector<HTMLSelectElement>('select[name="shape"]')?.value as TrafficShape;
    if (values && values.minReplicas > values.maxReplicas) {
      const max = this.querySelector<HTMLInputElement>('input[name="maxReplicas"]');
      const error = this.querySelector<HTMLElement>('#hpa-maxReplicas-error');
      max?.setAttribute('aria-invalid', 'true');
      if (error) {
        error.textContent = `maxReplicas must be at least minReplicas (${values.minReplicas}); raise it or lower minReplicas.`;
        error.hidden = false;
      }
    }
    if (!values || values.minReplicas > values.maxReplicas || !trafficShapes.includes(shape)) {
      if (status) status.textContent = 'Fix the highlighted input to rerun the autoscaler.';
      return;
    }
    const run = runHpa({ shape, base: values.base, peak: values.peak }, values.capacityPerPod, {
      ...defaultHpaSettings,
      targetUtilization: values.targetUtilization,
      tolerance: values.tolerance,
      minReplicas: values.minReplicas,
      maxReplicas: values.maxReplicas,
      scaleDownWindowSeconds: values.scaleDownWindowSeconds,
      scaleUpWindowSeconds: values.scaleUpWindowSeconds,
    });
    if (status) status.textContent = summarize(run);
    const chart = this.querySelector('[data-chart]');
    if (chart) chart.innerHTML = chartSvg(run);
    this.querySelector('[data-decisions]')?.replaceChildren(
      ...decisions(run).map((step) => {
        const row = document.createElement('tr');
        row.append(cell(clock(step.time)), cell(String(step.load)), cell(`${step.utilization} %`), cell(`${step.before} → ${step.after}`), cell(step.why));
        return row;
      }),
    );
  }
}

customElements.define('hpa-simulator', HpaSimulator);
