// <quiz-question>: checks an answer, shows every option's explanation, records the answer in
// the progress store and restores it on the next visit. The store loads when progress is saved
// or on the first answer (src/progress/lazy.ts), so a first visit reads without it.
import { saveChange, whenProgressSaved } from '../progress/lazy.ts';

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

function verdictLabel(correct: boolean, chosen: boolean): string {
  if (chosen) return correct ? 'Your choice: right.' : 'Your choice: wrong.';
  return correct ? 'Right answer.' : 'Wrong answer.';
}

class QuizQuestion extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const key = this.dataset.key;
    if (!form || !key) return;
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) submit.disabled = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.answer(key);
    });
    this.querySelector('[data-retry]')?.addEventListener('click', () => this.reset());
    whenProgressSaved(({ progressStore }) => {
      const saved = progressStore().read().quizzes[key];
      if (saved) this.show(saved.selected.filter((index) => index < this.items().length));
    });
  }

  items(): HTMLLIElement[] {
    return [...this.querySelectorAll<HTMLLIElement>('.quiz-options > li')];
  }

  inputs(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('.quiz-options input')];
  }

  correctIndexes(): number[] {
    return this.items().flatMap((item, index) => (item.dataset.correct === 'true' ? [index] : []));
  }

  async answer(key: string): Promise<void> {
    const selected = this.inputs().flatMap((input, index) => (input.checked ? [index] : []));
    if (selected.length === 0) {
      this.result('Choose an answer first.');
      return;
    }
    await saveChange({ kind: 'quiz-answer', key, selected, correct: sameSet(selected, this.correctIndexes()) });
    this.show(selected);
    // The check button disappears with the answer; keep keyboard focus in the quiz.
    this.querySelector<HTMLButtonElement>('[data-retry]')?.focus();
  }

  show(selected: number[]): void {
    const correct = this.correctIndexes();
    this.inputs().forEach((input, index) => {
      input.checked = selected.includes(index);
      input.disabled = true;
    });
    this.items().forEach((item, index) => {
      const chosen = selected.includes(index);
      item.dataset.verdict = correct.includes(index) ? 'right' : 'wrong';
      item.toggleAttribute('data-chosen', chosen);
      const explanation = item.querySelector<HTMLElement>('.quiz-explanation');
      const label = explanation?.querySelector('strong');
      if (label) label.textContent = verdictLabel(correct.includes(index), chosen);
      if (explanation) explanation.hidden = false;
    });
    const right = selected.filter((index) => correct.includes(index)).length;
    const wrong = selected.length - right;
    if (sameSet(selected, correct)) this.result(correct.length > 1 ? `Correct: you found all ${correct.length}.` : 'Correct.');
    else if (correct.length > 1) this.result(`Not quite: you chose ${right} of ${correct.length} right options and ${wrong} wrong. The explanations say why.`);
    else this.result('Not quite. The explanations below say why.');
    this.toggleButtons(true);
  }

  reset(): void {
    this.inputs().forEach((input) => {
      input.checked = false;
      input.disabled = false;
    });
    this.items().forEach((item) => {
      delete item.dataset.verdict;
      item.removeAttribute('data-chosen');
      const explanation = item.querySelector<HTMLElement>('.quiz-explanation');
      if (explanation) explanation.hidden = true;
    });
    this.result('');
    this.toggleButtons(false);
    this.inputs()[0]?.focus();
  }

  toggleButtons(answered: boolean): void {
    const submit = this.querySelector<HTMLButtonElement>('button[type="submit"]');
    const retry = this.querySelector<HTMLButtonElement>('[data-retry]');
    if (submit) submit.hidden = answered;
    if (retry) retry.hidden = !answered;
  }

  result(text: string): void {
    const result = this.querySelector('.quiz-result');
    if (result) result.textContent = text;
  }
}

customElements.define('quiz-question', QuizQuestion);
