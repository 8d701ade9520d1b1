import { describe, expect, it } from 'vitest';
import { createChapterSchema } from '../../../src/course/chapter-schema.ts';

const schema = createChapterSchema({
  labExists: (id) => id === 'first-web-server',
  drillExists: (id) => id === 'ports-basics',
  labManifest: (id) => `labs/${id}/manifest.json`,
  drillFile: (id) => `content/drills/${id}.yaml`,
});

const valid = {
  title: 'Addresses, ports and names',
  description: 'What an IP address, a port and a Host header each identify.',
  part: 1,
  order: 1,
  minutes: 25,
  objectives: ['Explain what a port identifies.', 'Predict who can reach a server bound to 127.0.0.1.'],
  labs: ['first-web-server'],
  drills: ['ports-basics'],
  sources: [{ title: 'RFC 9110, §7.2', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-7.2' }],
};

function issuesFor(frontmatter: Record<string, unknown>): string[] {
  const parsed = schema.safeParse(frontmatter);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('chapter frontmatter schema', () => {
  it('accepts the frontmatter of the content contract', () => {
    expect(issuesFor(valid)).toEqual([]);
  });

  it('defaults labs and drills to empty lists', () => {
    const { labs: _labs, drills: _drills, ...rest } = valid;
    expect(schema.parse(rest)).toMatchObject({ labs: [], drills: [] });
  });

  it('names a part outside 1 to 3 with the parts it accepts', () => {
    expect(issuesFor({ ...valid, part: 4 })).toEqual(['part: part must be 1 (Foundations), 2 (Serving) or 3 (Scaling)']);
  });

  it('asks for at least two objectives', () => {
    expect(issuesFor({ ...valid, objectives: ['Only one.'] })).toEqual([
      'objectives: objectives needs at least 2 items, each something the learner will be able to do',
    ]);
  });

  it('rejects a lab that has no manifest and a drill that has no file', () => {
    expect(issuesFor({ ...valid, labs: ['no-such-lab'], drills: ['no-such-drill'] })).toEqual([
      'labs.0: unknown lab "no-such-lab": labs/no-such-lab/manifest.json does not exist. Fix the id or add the lab first.',
      'drills.0: unknown drill "no-such-drill": no file content/drills/no-such-drill.yaml exists. Fix the id or add the drill first.',
    ]);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(issuesFor({ ...valid, minute: 25 })).toEqual([': Unrecognized key: "minute"']);
  });

  it('requires sources to be web links', () => {
    expect(issuesFor({ ...valid, sources: [{ title: 'My notes', url: 'file:///home/me/notes.txt' }] })).toEqual([
      'sources.0.url: a source needs an http(s) URL, e.g. https://www.rfc-editor.org/rfc/rfc9110',
    ]);
  });
});
