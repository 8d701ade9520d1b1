import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../../../src/course/inline-markdown.ts';
import { countWords, readingMinutes } from '../../../src/course/reading-time.ts';
import { withBase } from '../../../src/course/urls.ts';

describe('withBase', () => {
  it('puts site paths under the configured base path', () => {
    expect(withBase('/chapters/hit-a-url/', '/course/')).toBe('/course/chapters/hit-a-url/');
    expect(withBase('progress/', '/course')).toBe('/course/progress/');
    expect(withBase('/', '/')).toBe('/');
  });
});

describe('inline Markdown in component props', () => {
  it('renders code, strong and emphasis', () => {
    expect(inlineMarkdown('Bind to `0.0.0.0` for **all** *interfaces*')).toBe(
      'Bind to <code>0.0.0.0</code> for <strong>all</strong> <em>interfaces</em>',
    );
  });

  it('escapes HTML so a prop cannot inject markup', () => {
    expect(inlineMarkdown('<script>alert(1)</script> and `<b>`')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; and <code>&lt;b&gt;</code>');
  });
});

describe('reading time', () => {
  it('counts the words a learner reads, not imports or component names', () => {
    const mdx = `import NatRewrite from '../../src/components/diagrams/NatRewrite.astro';\n\n## Binding\n\nA server binds a port.\n\n<Quiz id="x" question="Who connects?" />`;
    expect(countWords(mdx)).toBe(9);
  });

  it('rounds to whole minutes at 220 words a minute, at least one', () => {
    expect(readingMinutes('word '.repeat(660))).toBe(3);
    expect(readingMinutes('short')).toBe(1);
  });
});
