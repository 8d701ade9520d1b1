// <capacity-calculator>: recomputes the capacity plan whenever an input changes.
import { readForm } from '../shared/form-fields.ts';
import { capacityFields } from './fields.ts';
import { headline, planCapacity, summary } from './model.ts';

class CapacityCalculator extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('form')?.addEventListener('input', () => this.update());
    this.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  }

  update(): void {
    const status = this.querySelector<HTMLElement>('[data-summary]');
    const values = readForm(this, capacityFields);
    if (!values) {
      if (status) status.textContent = 'Fix the highlighted input to recompute.';
      return;
    }
    const layers = planCapacity(values);
    for (const layer of layers) {
      const item = this.querySelector(`[data-layer="${layer.id}"]`);
      const title = item?.querySelector('.capacity-title');
      if (title) title.textContent = `${layer.title}:`;
      const count = item?.querySelector('[data-headline]');
      if (count) count.textContent = headline(layer);
      item?.querySelector('[data-working]')?.replaceChildren(
        ...layer.working.map((line) => {
          const li = document.createElement('li');
          li.textContent = line;
          return li;
        }),
      );
    }
    if (status) status.textContent = summary(layers);
  }
}

customElements.define('capacity-calculator', CapacityCalculator);
