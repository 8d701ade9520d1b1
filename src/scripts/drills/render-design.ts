// Design walkthrough: the timed structure (each stage with its minutes), room for notes, then the
// model answer and a self-check list whose share of ticks becomes the rating.
import type { DrillOf } from '../../drills/drill.ts';
import { ratingForChecklist, ratingNames } from '../../drills/rating.ts';
import { button, el } from './dom.ts';
import type { DrillView, DrillViewOptions } from './drill-result.ts';

export function renderDesign(drill: DrillOf<'design'>, options: DrillViewOptions): DrillView {
  const started = options.now();
  const total = drill.stages.reduce((sum, stage) => sum + stage.minutes, 0);
  const notesId = `notes-${drill.id}`;
  const stages = el('ol', { class: 'drill-stages' }, ...drill.stages.map((stage) => el('li', {}, el('strong', {}, `${stage.name} (${stage.minutes} min). `), stage.guidance)));
  const checks = drill.checklist.map((item, index) => el('li', {}, el('label', {}, el('input', { type: 'checkbox', value: String(index) }), ' ', item)));
  const message = el('p', { class: 'drill-message', role: 'status' });
  const rate = el('button', { type: 'submit', class: 'button' }, 'Rate my answer');
  const review = el(
    'form',
    { class: 'drill-working', hidden: true },
    el('p', {}, el('strong', {}, 'Model answer. '), drill.answer),
    el('fieldset', {}, el('legend', {}, 'Tick what your answer covered'), el('ul', { class: 'drill-checklist' }, ...checks)),
    rate,
    message,
  );
  review.addEventListener('submit', (event) => {
    event.preventDefault();
    const ticked = checks.filter((item) => item.querySelector('input')?.checked).length;
    const rating = ratingForChecklist(ticked, checks.length);
    for (const input of review.querySelectorAll('input')) input.disabled = true;
    rate.hidden = true;
    message.textContent = `You covered ${ticked} of ${checks.length}: rated ${ratingNames[rating]}.`;
    options.onAnswer({ correct: null, rating, seconds: (options.now() - started) / 1000 });
  });
  const show = button('Show model answer', () => {
    show.hidden = true;
    review.hidden = false;
    review.querySelector('input')?.focus();
  });
  const element = el(
    'div',
    { class: 'drill-form' },
    el('p', {}, `Work through it in ${total} minutes, stage by stage:`),
    stages,
    el('p', {}, el('label', { for: notesId }, 'Your notes (kept on this page only)')),
    el('textarea', { id: notesId, rows: '6', class: 'drill-notes' }),
    show,
    review,
  );
  return { element, focusTarget: element.querySelector('textarea') ?? show };
}
