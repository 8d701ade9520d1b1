// <drill-due data-ids="...">: "N drills due" for the daily review, kept current as progress
// changes (here or in another tab).
import { progressStore } from '../../progress/browser.ts';
import type { Progress } from '../../progress/schema.ts';
import { dueDrills } from '../../drills/due.ts';

class DrillDue extends HTMLElement {
  connectedCallback(): void {
    const ids = (this.dataset.ids ?? '').split(' ').filter(Boolean);
    const render = (progress: Progress) => {
      const { reviews, fresh } = dueDrills(progress, ids, new Date());
      const total = reviews.length + fresh.length;
      const count = this.querySelector('[data-due-count]');
      if (count) count.textContent = String(total);
      const detail = this.querySelector('[data-due-detail]');
      if (detail) detail.textContent = total === 0 ? 'Nothing is due: come back later.' : `${reviews.length} to review and ${fresh.length} new.`;
    };
    const store = progressStore();
    render(store.read());
    store.subscribe(render);
  }
}

customElements.define('drill-due', DrillDue);
