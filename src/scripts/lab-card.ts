// <lab-card>: shows the learner's status for the lab from the progress store.
import { progressStore } from '../progress/browser.ts';
import { bestScoreText, labStatusText } from '../progress/lab-progress.ts';

class LabCard extends HTMLElement {
  connectedCallback(): void {
    const id = this.dataset.lab;
    const status = this.querySelector('[data-lab-status]');
    if (!id || !status) return;
    const render = () => {
      const lab = progressStore().read().labs[id];
      status.textContent = labStatusText(lab);
      const best = this.querySelector('[data-lab-best]');
      if (best) best.textContent = lab?.best ? ` · best: ${bestScoreText(lab)}` : '';
    };
    render();
    progressStore().subscribe(render);
  }
}

customElements.define('lab-card', LabCard);
