// Ordering: the steps start shuffled; each has "Move up" and "Move down" buttons, so the list is
// sorted with Tab and Enter as well as with a pointer. Focus follows the moved step.
import { checkOrder, shuffledOrder } from '../../drills/check-answer.ts';
import type { DrillOf } from '../../drills/drill.ts';
import { ratingForAnswer } from '../../drills/rating.ts';
import { el } from './dom.ts';
import type { DrillView, DrillViewOptions } from './drill-result.ts';

export function renderOrdering(drill: DrillOf<'ordering'>, options: DrillViewOptions): DrillView {
  const started = options.now();
  const order = shuffledOrder(drill.steps.length);
  const list = el('ol', { class: 'drill-ordering' });
  const message = el('p', { class: 'drill-message', role: 'status' });
  const submit = el('button', { type: 'submit', class: 'button' }, 'Check order');
  let answered = false;

  function move(position: number, delta: number, focusDirection: 'up' | 'down'): void {
    const target = position + delta;
    if (answered || target < 0 || target >= order.length) return;
    [order[position], order[target]] = [order[target] as number, order[position] as number];
    draw();
    const moved = list.children[target]?.querySelector<HTMLButtonElement>(`[data-move="${focusDirection}"]:not([disabled])`);
    (moved ?? list.children[target]?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])'))?.focus();
    message.textContent = `Moved "${drill.steps[order[target] as number]}" to position ${target + 1} of ${order.length}.`;
  }

  function draw(): void {
    list.replaceChildren(
      ...order.map((step, position) => {
        const text = drill.steps[step] ?? '';
        const up = el('button', { type: 'button', class: 'button button-small', 'data-move': 'up', 'aria-label': `Move up: ${text}`, disabled: answered || position === 0 }, '↑ Up');
        const down = el('button', { type: 'button', class: 'button button-small', 'data-move': 'down', 'aria-label': `Move down: ${text}`, disabled: answered || position === order.length - 1 }, '↓ Down');
        up.addEventListener('click', () => move(position, -1, 'up'));
        down.addEventListener('click', () => move(position, 1, 'down'));
        const item = el('li', {}, el('span', { class: 'drill-step' }, text), ' ', el('span', { class: 'drill-move' }, up, down));
        if (answered && options.feedback) {
          item.dataset.verdict = step === position ? 'right' : 'wrong';
          item.append(el('span', { class: 'drill-place' }, step === position ? '✓ in place' : `✗ belongs at ${step + 1}`));
        }
        return item;
      }),
    );
  }

  const form = el('form', { class: 'drill-form' }, el('p', { class: 'muted' }, 'Put the steps in order, first at the top.'), list, submit, message);
  const explanation = el('div', { class: 'drill-working', hidden: true });
  form.append(explanation);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = checkOrder(drill.steps.length, order);
    const seconds = (options.now() - started) / 1000;
    answered = true;
    submit.hidden = true;
    draw();
    if (options.feedback) {
      message.textContent = result.correct ? 'Correct order.' : `${result.inPlace} of ${order.length} steps are in the right place. The right order:`;
      explanation.replaceChildren(el('ol', {}, ...drill.steps.map((step) => el('li', {}, step))), el('p', {}, drill.explanation));
      explanation.hidden = false;
    }
    options.onAnswer({ correct: result.correct, rating: ratingForAnswer('ordering', result.correct, seconds), seconds });
  });
  draw();
  return { element: form, focusTarget: list.querySelector<HTMLButtonElement>('[data-move]:not([disabled])') ?? submit };
}
