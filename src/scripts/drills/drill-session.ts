// <drill-session>: daily review (due drills) or practice (one chapter's drills), one drill at a
// time with feedback; each answer is saved at once as an FSRS review. A drill rated Again comes
// back once at the end of the session, as Anki's learning steps bring a missed card back. A
// link to one drill (`#drill-<id>`, as search results give) starts the session with that drill.
import { progressStore } from '../../progress/browser.ts';
import { ratingNames } from '../../drills/rating.ts';
import { dueCount, dueDrills } from '../../drills/due.ts';
import type { Drill } from '../../drills/drill.ts';
import { drillIdFromFragment, withDrillFirst } from '../../drills/drill-link.ts';
import { drillsInPage } from './bank-data.ts';
import { button, el, rereadLink } from './dom.ts';
import { renderDrill } from './render-drill.ts';
import { saveReview } from './save-review.ts';

class DrillSession extends HTMLElement {
  #queue: Drill[] = [];
  #position = 0;
  #right = 0;
  #graded = 0;
  #repeated = new Set<string>();
  #stage = el('div', { class: 'drill-stage' });

  connectedCallback(): void {
    const drills = drillsInPage(this);
    const progress = progressStore().read();
    if (this.dataset.mode === 'review') {
      const { reviews, fresh } = dueDrills(progress, drills.map((drill) => drill.id), new Date());
      const byId = new Map(drills.map((drill) => [drill.id, drill]));
      this.#queue = [...reviews, ...fresh].flatMap((id) => byId.get(id) ?? []);
    } else {
      // Practice: drills never seen or due first, then the rest, each group in bank order.
      const now = Date.now();
      const waiting = (drill: Drill) => { const card = progress.drills[drill.id]; return !card || Date.parse(card.due) <= now; };
      this.#queue = [...drills.filter(waiting), ...drills.filter((drill) => !waiting(drill))];
    }
    this.#queue = withDrillFirst(this.#queue, drillIdFromFragment(window.location.hash));
    // Following a link to another drill of this page (a search result) changes only the fragment.
    window.addEventListener('hashchange', () => {
      const linked = drills.find((drill) => drill.id === drillIdFromFragment(window.location.hash));
      if (!linked || this.#queue[this.#position] === linked) return;
      this.#queue.splice(this.#position, 0, linked);
      this.#show();
    });
    this.querySelector('[data-loading]')?.remove();
    this.append(this.#stage);
    if (this.#queue.length === 0) this.#finish();
    else this.#show();
  }

  #show(): void {
    const drill = this.#queue[this.#position];
    if (!drill) return this.#finish();
    const after = el('div', { class: 'drill-after' });
    const { element, heading } = renderDrill(
      drill,
      {
        feedback: true,
        now: () => Date.now(),
        onAnswer: (result) => {
          saveReview(drill.id, result.rating);
          if (result.correct !== null) {
            this.#graded += 1;
            if (result.correct) this.#right += 1;
          }
          const next = button(this.#position + 1 < this.#queue.length ? 'Next drill' : 'Finish session', () => {
            this.#position += 1;
            this.#show();
          });
          const again = result.rating === 1 && !this.#repeated.has(drill.id);
          if (again) {
            this.#repeated.add(drill.id);
            this.#queue.push(drill);
          }
          after.replaceChildren(el('p', {}, `Scheduled as ${ratingNames[result.rating]}.${again ? ' It comes back once more at the end of this session.' : ''}`));
          if (result.correct === false) after.append(rereadLink(drill.href, drill.chapterTitle));
          after.append(next);
          next.focus();
        },
      },
      `Drill ${this.#position + 1} of ${this.#queue.length}`,
    );
    element.append(after);
    this.#stage.replaceChildren(element);
    heading.focus();
  }

  #finish(): void {
    const allIds = (this.dataset.allIds ?? '').split(' ').filter(Boolean);
    const due = dueCount(progressStore().read(), allIds, new Date());
    const heading = el('h2', { tabindex: '-1' }, this.#position === 0 ? 'Nothing to drill here right now' : 'Session complete');
    const answered = this.#position === 0 ? 'No drills are waiting in this set.' : `You answered ${this.#position} drill(s); ${this.#right} of ${this.#graded} auto-checked answers were right.`;
    this.#stage.replaceChildren(el('section', { class: 'panel drill-summary' }, heading, el('p', {}, answered), el('p', {}, `${due} due in your daily review now. `, el('a', { href: this.dataset.home ?? '../' }, 'Back to drills'))));
    heading.focus();
  }
}

customElements.define('drill-session', DrillSession);
