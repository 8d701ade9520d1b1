// The right answer of an auto-graded drill, as the mock interview's review of misses shows it.
import type { Drill } from '../../drills/drill.ts';
import { el } from './dom.ts';

const format = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });

export function correctAnswer(drill: Drill): HTMLElement {
  switch (drill.type) {
    case 'choice':
    case 'diagnosis': {
      const right = drill.options.find((option) => option.correct);
      const label = right && 'layer' in right ? `${right.layer}: ${right.text}` : (right?.text ?? '');
      return el('div', {}, el('p', {}, el('strong', {}, 'Answer: '), label), el('p', {}, right?.explanation ?? ''));
    }
    case 'estimation':
      return el('div', {}, el('p', {}, el('strong', {}, 'Answer: '), `${format.format(drill.answer)} ${drill.unit} (within ${drill.tolerancePercent}%)`), el('ol', {}, ...drill.working.map((step) => el('li', {}, step))));
    case 'ordering':
      return el('div', {}, el('p', {}, el('strong', {}, 'Right order:')), el('ol', {}, ...drill.steps.map((step) => el('li', {}, step))), el('p', {}, drill.explanation));
    case 'concept':
    case 'design':
      return el('p', {}, el('strong', {}, 'Model answer: '), drill.answer);
  }
}
