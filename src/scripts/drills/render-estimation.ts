// Estimation: a number (with k, M or "million" if the learner likes), the unit, a tolerance,
// and the worked arithmetic shown after answering.
import { checkEstimate, parseEstimate } from '../../drills/check-answer.ts';
import type { DrillOf } from '../../drills/drill.ts';
import { ratingForAnswer } from '../../drills/rating.ts';
import { el } from './dom.ts';
import type { DrillView, DrillViewOptions } from './drill-result.ts';

const format = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

export function renderEstimation(drill: DrillOf<'estimation'>, options: DrillViewOptions): DrillView {
  const started = options.now();
  const inputId = `estimate-${drill.id}`;
  const input = el('input', { id: inputId, type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'drill-number' });
  const message = el('p', { class: 'drill-message', role: 'status' });
  const submit = el('button', { type: 'submit', class: 'button' }, 'Check answer');
  const working = el('div', { class: 'drill-working', hidden: true }, el('p', {}, el('strong', {}, 'Worked answer')), el('ol', {}, ...drill.working.map((step) => el('li', {}, step))));
  const form = el(
    'form',
    { class: 'drill-form' },
    el('p', {}, el('label', { for: inputId }, `Your estimate, in ${drill.unit}`), ' ', input, ' ', el('span', { class: 'muted' }, `(within ${drill.tolerancePercent}% counts)`)),
    submit,
    message,
    working,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const guess = parseEstimate(input.value);
    if (guess === null) {
      message.textContent = `"${input.value}" is not a number. Type digits such as 1200, 1,200, 1.2k or 3 million.`;
      return;
    }
    const result = checkEstimate(drill.answer, drill.tolerancePercent, guess);
    const seconds = (options.now() - started) / 1000;
    input.readOnly = true;
    submit.hidden = true;
    if (options.feedback) {
      const expected = `${format.format(drill.answer)} ${drill.unit}`;
      message.textContent = result.correct
        ? `Correct: the answer is ${expected}; you were ${format.format(result.offByPercent)}% off.`
        : `Not within ${drill.tolerancePercent}%: the answer is ${expected}, you were ${format.format(result.offByPercent)}% off.`;
      working.hidden = false;
    }
    options.onAnswer({ correct: result.correct, rating: ratingForAnswer('estimation', result.correct, seconds), seconds });
  });
  return { element: form, focusTarget: input };
}
