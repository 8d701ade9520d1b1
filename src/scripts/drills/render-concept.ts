// Concept card: recall first, then the model answer and key points, then the learner's own
// rating (Again, Hard, Good, Easy), as in Anki.
import type { DrillOf } from '../../drills/drill.ts';
import { ratingNames, type RatingValue } from '../../drills/rating.ts';
import { button, el } from './dom.ts';
import type { DrillView, DrillViewOptions } from './drill-result.ts';

const ratingHints: Record<RatingValue, string> = { 1: 'missed it', 2: 'got it with effort', 3: 'got it', 4: 'effortless' };

export function ratingButtons(onRate: (rating: RatingValue) => void): HTMLElement {
  const values: RatingValue[] = [1, 2, 3, 4];
  return el(
    'div',
    { class: 'drill-ratings', role: 'group', 'aria-label': 'How well did you recall it?' },
    ...values.map((value) => {
      const rate = button(`${ratingNames[value]} (${ratingHints[value]})`, () => onRate(value), { 'data-rating': String(value) });
      return rate;
    }),
  );
}

export function renderConcept(drill: DrillOf<'concept'>, options: DrillViewOptions): DrillView {
  const started = options.now();
  const answer = el('div', { class: 'drill-working', hidden: true }, el('p', {}, el('strong', {}, 'Model answer. '), drill.answer), el('p', {}, el('strong', {}, 'Key points')), el('ul', {}, ...drill.keyPoints.map((point) => el('li', {}, point))));
  const ratings = ratingButtons((rating) => {
    for (const rate of ratings.querySelectorAll('button')) rate.disabled = true;
    options.onAnswer({ correct: null, rating, seconds: (options.now() - started) / 1000 });
  });
  ratings.hidden = true;
  const show = button('Show answer', () => {
    show.hidden = true;
    answer.hidden = false;
    ratings.hidden = false;
    ratings.querySelector<HTMLButtonElement>('[data-rating="3"]')?.focus();
  });
  const element = el('div', { class: 'drill-form' }, el('p', { class: 'muted' }, 'Answer out loud or on paper, then compare.'), show, answer, ratings);
  return { element, focusTarget: show };
}
