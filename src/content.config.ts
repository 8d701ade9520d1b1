// Content collections: the chapters (MDX) and the labs (their manifests). The chapter file name
// is its id and URL; a lab's folder name is its id. Both are validated at build time, and a
// failure names the file and the field.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { labManifestSchema } from '../graders/kit/manifest-schema.ts';
import { createChapterSchema } from './course/chapter-schema.ts';
import { chaptersDir, drillExists, drillFile, drillsDir, labExists, labManifest, labsDir } from './course/paths.ts';
import { chapterTags } from './drills/chapter-tags.ts';
import { createDrillSchema } from './drills/drill-schema.ts';

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function chapterId({ entry }: { entry: string }): string {
  const id = entry.replace(/\.mdx$/, '');
  if (!kebabCase.test(id)) {
    throw new Error(
      `${chaptersDir}/${entry}: a chapter file name is its URL, so it must be kebab-case ` +
        `(lowercase words joined by "-"), e.g. addresses-ports-and-names.mdx. Rename the file.`,
    );
  }
  return id;
}

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: chaptersDir, generateId: chapterId }),
  schema: createChapterSchema({ labExists, drillExists, labManifest, drillFile }),
});

const labs = defineCollection({
  loader: glob({ pattern: '*/manifest.json', base: labsDir, generateId: ({ entry }) => entry.split('/')[0] ?? entry }),
  schema: labManifestSchema,
});

// One drill per file, content/drills/<id>.yaml; the file name is the drill's id, as chapters'
// `drills` lists and the progress store's cards name it.
const drills = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml,json}', base: drillsDir }),
  schema: createDrillSchema(chapterTags),
});

export const collections = { chapters, labs, drills };
