// <lab-card>: shows the learner's status for the lab from the progress store.
import { progressStore } from '../progress/browser.ts';

const statusText = { 'in-progress': 'In progress', passed: 'Passed' } as const;

class LabCard extends HTMLElement {
  connectedCallback(): void {
    const id = this.dataset.lab;
    const status = this.querySelector('[data-lab-status]');
    if (!id || !status) return;
    const render = () => {
      const lab = progressStore().read().labs[id];
      status.textContent = lab ? statusText[lab.status] : 'Not started';
    };
    render();
    progressStore().subscribe(render);
  }
}

customElements.define('lab-card', LabCard);
