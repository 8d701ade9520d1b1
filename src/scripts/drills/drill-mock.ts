// <drill-mock>: a timed mock interview. N auto-graded drills drawn across chapters, no feedback
// until the end; at the last answer or the time limit, a score and a review of every miss with
// the chapter section to reread. Answered drills also count as FSRS reviews.
import type { Drill } from '../../drills/drill.ts';
import { isAutoGraded } from '../../drills/rating.ts';
import { drillsInPage } from './bank-data.ts';
import { button, el, rereadLink } from './dom.ts';
import { correctAnswer } from './correct-answer.ts';
import { MockClock } from './mock-clock.ts';
import { renderDrill } from './render-drill.ts';
import { saveReview } from './save-review.ts';

type Outcome = 'right' | 'wrong' | 'unanswered';

function pick(drills: Drill[], count: number): Drill[] {
  const pool = drills.filter((drill) => isAutoGraded(drill.type));
  for (let index = pool.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(Math.random() * (index + 1));
    [pool[index], pool[swap]] = [pool[swap] as Drill, pool[index] as Drill];
  }
  return pool.slice(0, count);
}

class DrillMock extends HTMLElement {
  #stage = el('div', { class: 'drill-stage' });
  #clock: MockClock | undefined;
  #drills: Drill[] = [];
  #outcomes: Outcome[] = [];
  #done = false;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form[data-mock-setup]');
    if (!form) return;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')?.removeAttribute('disabled');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      form.hidden = true;
      this.#start(Number(data.get('count')), Number(data.get('minutes')));
    });
    this.append(this.#stage);
  }

  #start(count: number, minutes: number): void {
    this.#drills = pick(drillsInPage(this), count);
    this.#outcomes = this.#drills.map(() => 'unanswered');
    const display = el('span', { class: 'drill-clock', 'data-clock': true });
    this.#stage.before(el('p', { 'data-clock-line': true }, 'Time left: ', display, ` of ${minutes}:00`));
    this.#clock = new MockClock(minutes, display, () => this.#finish('Time is up.'));
    this.#show(0);
  }

  #show(index: number): void {
    const drill = this.#drills[index];
    if (!drill || this.#done) return this.#finish('You answered every question.');
    const { element, heading } = renderDrill(
      drill,
      {
        feedback: false,
        now: () => Date.now(),
        onAnswer: (result) => {
          this.#outcomes[index] = result.correct ? 'right' : 'wrong';
          saveReview(drill.id, result.rating);
          const next = button(index + 1 < this.#drills.length ? 'Next question' : 'Finish interview', () => this.#show(index + 1));
          element.append(next);
          next.focus();
        },
      },
      `Question ${index + 1} of ${this.#drills.length}`,
    );
    this.#stage.replaceChildren(element);
    heading.focus();
  }

  #finish(reason: string): void {
    if (this.#done) return;
    this.#done = true;
    this.#clock?.stop();
    const right = this.#outcomes.filter((outcome) => outcome === 'right').length;
    const misses = this.#drills.flatMap((drill, index) => (this.#outcomes[index] === 'right' ? [] : [{ drill, outcome: this.#outcomes[index] as Outcome }]));
    const heading = el('h2', { tabindex: '-1' }, `Score: ${right} of ${this.#drills.length}`);
    const review = misses.length === 0
      ? el('p', {}, 'No misses. Try a harder setting: more questions in fewer minutes.')
      : el('ol', { class: 'drill-review' }, ...misses.map(({ drill, outcome }) =>
          el('li', {}, el('p', {}, el('strong', {}, drill.prompt), ' ', el('span', { class: 'muted' }, outcome === 'wrong' ? '(answered wrongly)' : '(not answered in time)')), correctAnswer(drill), rereadLink(drill.href, drill.chapterTitle))));
    this.#stage.replaceChildren(
      el('section', { class: 'panel drill-summary', 'data-mock-result': true }, el('p', {}, reason), heading, misses.length > 0 ? el('h3', {}, `Review of ${misses.length} miss(es)`) : null, review, el('p', {}, el('a', { href: location.pathname }, 'Start another mock interview'))),
    );
    heading.focus();
  }
}

customElements.define('drill-mock', DrillMock);
