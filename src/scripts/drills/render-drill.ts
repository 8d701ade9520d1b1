// One drill on the page: its chapter and type, the prompt as a heading, and the type's form.
import type { Drill } from '../../drills/drill.ts';
import { el } from './dom.ts';
import type { DrillView, DrillViewOptions } from './drill-result.ts';
import { renderConcept } from './render-concept.ts';
import { renderDesign } from './render-design.ts';
import { renderEstimation } from './render-estimation.ts';
import { renderOptions } from './render-options.ts';
import { renderOrdering } from './render-ordering.ts';

export const typeLabels: Record<Drill['type'], string> = {
  concept: 'Concept',
  choice: 'Multiple choice',
  estimation: 'Estimation',
  ordering: 'Ordering',
  diagnosis: 'Diagnosis',
  design: 'Design walkthrough',
};

function body(drill: Drill, options: DrillViewOptions): DrillView {
  switch (drill.type) {
    case 'concept':
      return renderConcept(drill, options);
    case 'choice':
    case 'diagnosis':
      return renderOptions(drill, options);
    case 'estimation':
      return renderEstimation(drill, options);
    case 'ordering':
      return renderOrdering(drill, options);
    case 'design':
      return renderDesign(drill, options);
  }
}

export function renderDrill(drill: Drill, options: DrillViewOptions, position: string): { element: HTMLElement; heading: HTMLElement; view: DrillView } {
  const heading = el('h2', { class: 'drill-prompt', tabindex: '-1' }, drill.prompt);
  const view = body(drill, options);
  const element = el('article', { class: 'drill', 'data-drill': drill.id, 'data-type': drill.type }, el('p', { class: 'eyebrow' }, `${position} · ${typeLabels[drill.type]} · ${drill.chapterTitle}`), heading, view.element);
  return { element, heading, view };
}
