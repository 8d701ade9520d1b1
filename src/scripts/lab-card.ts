// <lab-card>: shows the learner's status for the lab from the progress store, which loads only
// when progress is saved (src/progress/lazy.ts); until then the card's "Not started" stands.
import { whenProgressSaved } from '../progress/lazy.ts';

class LabCard extends HTMLElement {
  connectedCallback(): void {
    const id = this.dataset.lab;
    const status = this.querySelector('[data-lab-status]');
    if (!id || !status) return;
    whenProgressSaved(async ({ progressStore }) => {
      const { bestScoreText, labStatusText } = await import('../progress/lab-progress.ts');
      const render = () => {
        const lab = progressStore().read().labs[id];
        status.textContent = labStatusText(lab);
        const best = this.querySelector('[data-lab-best]');
        if (best) best.textContent = lab?.best ? ` · best: ${bestScoreText(lab)}` : '';
      };
      render();
      progressStore().subscribe(render);
    });
  }
}

customElements.define('lab-card', LabCard);
