import { describe, expect, it } from 'vitest';
import { checkChapterBody, quizIdsIn, type Heading } from '../../../src/course/body-checks.ts';

const h = (depth: number, text: string): Heading => ({ depth, text, slug: text.toLowerCase().replace(/\s+/g, '-') });
const endsWell = [h(2, 'Binding'), h(3, 'Which address'), h(2, 'Summary')];
const noLabs = () => false;

describe('chapter body checks', () => {
  it('finds quiz ids in source order, whatever the quoting', () => {
    const body = `<Quiz id="first" question="…" options={[]} />\n<Quiz\n  id='second'\n/>\n<Quiz id={"third"} />`;
    expect(quizIdsIn(body)).toEqual(['first', 'second', 'third']);
  });

  it('accepts a body that ends with a Summary section', () => {
    expect(checkChapterBody('<Quiz id="a-quiz" />', endsWell, noLabs)).toEqual([]);
  });

  it('rejects two quizzes with the same id, since progress is stored under it', () => {
    expect(checkChapterBody('<Quiz id="dns" />\n<Quiz id="dns" />', endsWell, noLabs)).toEqual([
      '<Quiz id="dns"> appears twice: each quiz needs its own id, because progress is stored under it.',
    ]);
  });

  it('rejects a <Lab> whose manifest does not exist', () => {
    expect(checkChapterBody('<Lab id="no-such-lab" />', endsWell, noLabs)).toEqual([
      '<Lab id="no-such-lab">: no labs/no-such-lab/manifest.json exists. Fix the id or add the lab first.',
    ]);
  });

  it('rejects an h1, a hand-written Sources section and a missing Summary', () => {
    expect(checkChapterBody('', [h(1, 'Title'), h(2, 'Sources')], noLabs)).toEqual([
      'the body has an h1 ("# …"): the layout prints the title, so start sections at "## ".',
      'the body has a "## Sources" section: list sources in the frontmatter `sources` field; the layout renders them.',
      'the last "## " section is "Sources": a chapter ends with "## Summary".',
    ]);
  });
});
