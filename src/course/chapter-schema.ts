// The frontmatter of a chapter (content/chapters/<id>.mdx), as the content contract fixes it.
// Astro prints a failing field as "**field**: message", so each message says what was expected
// and gives an example an author can copy.
import { z } from 'astro/zod';

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const parts = [
  { number: 1, title: 'Foundations' },
  { number: 2, title: 'Serving' },
  { number: 3, title: 'Scaling' },
] as const;

export type PartNumber = (typeof parts)[number]['number'];

/** How the schema learns whether a referenced lab or drill exists (the file system, or a fake in tests). */
export interface ReferenceChecker {
  labExists(id: string): boolean;
  drillExists(id: string): boolean;
  /** Where a lab's manifest would be, for the error message, e.g. "labs/<id>/manifest.json". */
  labManifest(id: string): string;
  /** Where a drill file would be, for the error message. */
  drillFile(id: string): string;
}

export const sourceSchema = z.strictObject({
  title: z.string({ error: 'a source needs a title, e.g. "RFC 9110, HTTP Semantics, §7.2"' }).min(1),
  url: z.url({ protocol: /^https?$/, error: 'a source needs an http(s) URL, e.g. https://www.rfc-editor.org/rfc/rfc9110' }),
});

function idList(kind: 'lab' | 'drill', exists: (id: string) => boolean, where: (id: string) => string) {
  return z
    .array(
      z
        .string({ error: `a ${kind} id is text, e.g. "first-web-server"` })
        .regex(kebabCase, `a ${kind} id is kebab-case, e.g. "first-web-server"`)
        .refine(exists, { error: (issue) => `unknown ${kind} "${String(issue.input)}": ${where(String(issue.input))}. Fix the id or add the ${kind} first.` }),
      { error: `${kind}s is a list of ids, e.g. [] or ["first-web-server"]` },
    )
    .default([]);
}

export function createChapterSchema(references: ReferenceChecker) {
  return z.strictObject({
    title: z.string({ error: 'title is required text, e.g. "Addresses, ports and names"' }).min(1).max(90),
    description: z.string({ error: 'description is required: one or two sentences for the home page and <meta>' }).min(20).max(300),
    part: z.union([z.literal(1), z.literal(2), z.literal(3)], {
      error: 'part must be 1 (Foundations), 2 (Serving) or 3 (Scaling)',
    }),
    order: z.int({ error: 'order is the 1-based position in the whole course, a whole number such as 1' }).min(1),
    minutes: z.int({ error: 'minutes is the estimated time in whole minutes, quizzes included, e.g. 25' }).min(1).max(240),
    objectives: z
      .array(z.string().min(1), { error: 'objectives is a list of "you will be able to ..." items' })
      .min(2, 'objectives needs at least 2 items, each something the learner will be able to do'),
    labs: idList('lab', references.labExists, (id) => `${references.labManifest(id)} does not exist`),
    drills: idList('drill', references.drillExists, (id) => `no file ${references.drillFile(id)} exists`),
    sources: z
      .array(sourceSchema, { error: 'sources is a list of { title, url } items' })
      .min(1, 'sources needs at least 1 primary source (RFC, official docs) with a title and a url'),
  });
}

export type ChapterFrontmatter = z.infer<ReturnType<typeof createChapterSchema>>;
