// Multiple choice and diagnosis: one radio group, "Check answer", then every option's verdict and
// explanation. A diagnosis option names the layer as well as the cause. Options appear in a new
// random order each time, so the right answer's position teaches nothing.
import { checkChoice, shuffle } from '../../drills/check-answer.ts';
import type { DrillOf } from '../../drills/drill.ts';
import { ratingForAnswer } from '../../drills/rating.ts';
import { el } from './dom.ts';
import type { DrillView, DrillViewOptions } from './drill-result.ts';

type OptionsDrill = DrillOf<'choice'> | DrillOf<'diagnosis'>;

function optionLabel(drill: OptionsDrill, index: number): string {
  const option = drill.options[index];
  if (!option) return '';
  return 'layer' in option ? `${option.layer}: ${option.text}` : option.text;
}

export function renderOptions(drill: OptionsDrill, options: DrillViewOptions): DrillView {
  const started = options.now();
  const name = `drill-${drill.id}`;
  const order = shuffle(drill.options.length);
  const items = order.map((index) =>
    el('li', { 'data-option': String(index) }, el('label', {}, el('input', { type: 'radio', name, value: String(index) }), ' ', optionLabel(drill, index)), el('p', { class: 'drill-explanation', hidden: true }, drill.options[index]?.explanation ?? '')),
  );
  const message = el('p', { class: 'drill-message', role: 'status' });
  const submit = el('button', { type: 'submit', class: 'button' }, 'Check answer');
  const form = el('form', { class: 'drill-form' }, el('fieldset', {}, el('legend', {}, drill.type === 'diagnosis' ? 'Which layer, and what cause?' : 'Choose one answer'), el('ol', { class: 'drill-options' }, ...items)), submit, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
    if (!chosen) {
      message.textContent = 'Choose an answer first, then press Check answer.';
      return;
    }
    const index = Number(chosen.value);
    const correct = checkChoice(drill.options, index);
    const seconds = (options.now() - started) / 1000;
    for (const input of form.querySelectorAll('input')) input.disabled = true;
    submit.hidden = true;
    if (options.feedback) {
      message.textContent = correct ? 'Correct.' : 'Not quite. Each option says why.';
      items.forEach((item, position) => {
        const option = order[position] as number;
        const right = drill.options[option]?.correct === true;
        item.dataset.verdict = right ? 'right' : 'wrong';
        item.toggleAttribute('data-chosen', option === index);
        const explanation = item.querySelector<HTMLElement>('.drill-explanation');
        if (explanation) {
          explanation.hidden = false;
          explanation.prepend(el('strong', {}, right ? 'Right answer. ' : 'Wrong answer. '));
        }
      });
    }
    options.onAnswer({ correct, rating: ratingForAnswer(drill.type, correct, seconds), seconds });
  });
  const first = form.querySelector<HTMLInputElement>('input');
  return { element: form, focusTarget: first ?? submit };
}
