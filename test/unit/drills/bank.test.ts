import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chapterTags } from '../../../src/drills/chapter-tags.ts';
import { createDrillSchema, drillTypes } from '../../../src/drills/drill-schema.ts';

const schema = createDrillSchema(chapterTags);
const dir = 'content/drills';
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
const drills = files.map((file) => ({ file, data: parse(readFileSync(join(dir, file), 'utf8')) as unknown }));

describe('the drill bank in content/drills', () => {
  it('holds only kebab-case .yaml files, as drill ids are their names', () => {
    expect(readdirSync(dir).filter((name) => !/^[a-z0-9]+(-[a-z0-9]+)*\.yaml$/.test(name))).toEqual([]);
  });

  it('passes the schema in every file', () => {
    const failures = drills.flatMap(({ file, data }) => {
      const result = schema.safeParse(data);
      return result.success ? [] : [`${file}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('has every item type, each more than once', () => {
    const types = drills.map(({ data }) => (data as { type: string }).type);
    for (const type of drillTypes) expect(types.filter((candidate) => candidate === type).length, type).toBeGreaterThan(1);
  });

  it('covers every published chapter', () => {
    const chapters = readdirSync('content/chapters').filter((name) => name.endsWith('.mdx')).map((name) => name.replace(/\.mdx$/, ''));
    const tagged = new Set(drills.map(({ data }) => (data as { chapter: string }).chapter));
    expect(chapters.filter((chapter) => !tagged.has(chapter))).toEqual([]);
  });

  it('names the section to reread for every drill of a published chapter', () => {
    const published = new Set(readdirSync('content/chapters').map((name) => name.replace(/\.mdx$/, '')));
    const missing = drills.filter(({ data }) => {
      const { chapter, section } = data as { chapter: string; section?: string };
      return published.has(chapter) && !section;
    });
    expect(missing.map(({ file }) => file)).toEqual([]);
  });

  it('asks each prompt only once', () => {
    const prompts = drills.map(({ data }) => (data as { prompt: string }).prompt);
    expect(prompts.filter((prompt, index) => prompts.indexOf(prompt) !== index)).toEqual([]);
  });
});
