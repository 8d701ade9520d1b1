// The course as pages see it: chapters in order, grouped by part, each with what its body
// contains. Rules that span files (unique order) or need the body (body-checks.ts) run here,
// and any failure stops the build with the file to fix.
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { checkChapterBody, quizIdsIn } from './body-checks.ts';
import { parts, type PartNumber } from './chapter-schema.ts';
import { anyLabExists, chapterFile, labExists } from './paths.ts';
import { readingMinutes } from './reading-time.ts';
import { chapterPath } from './urls.ts';

export type ChapterEntry = CollectionEntry<'chapters'>;
export type LabEntry = CollectionEntry<'labs'>;

/** The labs, by title; none until the first labs/<id>/manifest.json exists. */
export async function getLabs(): Promise<LabEntry[]> {
  if (!anyLabExists()) return [];
  const labs = await getCollection('labs');
  return labs.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export interface Chapter {
  id: string;
  entry: ChapterEntry;
  title: string;
  description: string;
  part: PartNumber;
  order: number;
  minutes: number;
  readingMinutes: number;
  quizIds: string[];
  href: string;
}

let loaded: Promise<Chapter[]> | undefined;

async function loadChapters(): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const chapters: Chapter[] = [];
  const problems: string[] = [];
  const byOrder = new Map<number, string>();
  for (const entry of entries.sort((a, b) => a.data.order - b.data.order)) {
    const other = byOrder.get(entry.data.order);
    if (other) problems.push(`${chapterFile(entry.id)}: order ${entry.data.order} is also used by ${chapterFile(other)}; each chapter needs its own position.`);
    byOrder.set(entry.data.order, entry.id);
    const body = entry.body ?? '';
    const { headings } = await render(entry);
    for (const problem of checkChapterBody(body, headings, labExists)) problems.push(`${chapterFile(entry.id)}: ${problem}`);
    chapters.push({
      id: entry.id,
      entry,
      title: entry.data.title,
      description: entry.data.description,
      part: entry.data.part,
      order: entry.data.order,
      minutes: entry.data.minutes,
      readingMinutes: readingMinutes(body),
      quizIds: quizIdsIn(body),
      href: chapterPath(entry.id),
    });
  }
  if (problems.length > 0) {
    throw new Error(`The course content has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  }
  return chapters;
}

/** All chapters in course order; the checks run once per build (and on every request in dev). */
export function getChapters(): Promise<Chapter[]> {
  if (import.meta.env.DEV) return loadChapters();
  loaded ??= loadChapters();
  return loaded;
}

export interface Part {
  number: PartNumber;
  title: string;
  chapters: Chapter[];
}

export function groupByPart(chapters: Chapter[]): Part[] {
  return parts
    .map((part) => ({ ...part, chapters: chapters.filter((chapter) => chapter.part === part.number) }))
    .filter((part) => part.chapters.length > 0);
}

export function partTitle(number: PartNumber): string {
  return parts.find((part) => part.number === number)?.title ?? `Part ${number}`;
}
