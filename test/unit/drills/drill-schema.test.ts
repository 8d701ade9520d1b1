import { describe, expect, it } from 'vitest';
import { createDrillSchema } from '../../../src/drills/drill-schema.ts';

const schema = createDrillSchema({
  chapterTagAllowed: (id) => id === 'caching' || id === 'load-balancing',
  allowedChapterTags: () => ['caching', 'load-balancing'],
});

function issues(value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const choice = {
  type: 'choice',
  chapter: 'caching',
  prompt: 'Which write strategy risks losing writes?',
  options: [
    { text: 'Write-behind', correct: true, explanation: 'The cache acknowledges before the database has the write.' },
    { text: 'Write-through', explanation: 'The write reaches the database before it is acknowledged.' },
  ],
};

describe('the drill schema', () => {
  it('accepts a well-formed multiple-choice item', () => {
    expect(issues(choice)).toEqual([]);
  });

  it('names the allowed chapters when the tag is unknown', () => {
    expect(issues({ ...choice, chapter: 'cachin' })).toEqual(['chapter: unknown chapter "cachin"; use one of: caching, load-balancing']);
  });

  it('requires exactly one correct option', () => {
    const options = choice.options.map((option) => ({ ...option, correct: true }));
    expect(issues({ ...choice, options })).toEqual(['options: exactly one option must have correct: true']);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(issues({ ...choice, promt: 'typo' }).join()).toContain('promt');
  });

  it('rejects an unknown type with the list of types', () => {
    expect(issues({ ...choice, type: 'flashcard' }).join()).toContain('concept, choice, estimation, ordering, diagnosis, design');
  });

  it('requires an estimation to show its working and a tolerance', () => {
    const estimation = { type: 'estimation', chapter: 'caching', prompt: 'How many?', answer: 40, unit: 'servers', working: ['only one step'] };
    expect(issues(estimation)).toEqual(['tolerancePercent: tolerancePercent is how far off (in %) still counts, e.g. 10', 'working: working needs at least 2 steps of arithmetic']);
  });

  it('requires a design walkthrough to have timed stages and a self-check list', () => {
    const design = { type: 'design', chapter: 'caching', prompt: 'Design a cache', stages: [], answer: 'Model', checklist: ['a', 'b', 'c'] };
    expect(issues(design)).toEqual(['stages: stages needs at least 3 timed parts (requirements, estimates, high-level design, deep dive)']);
  });
});
