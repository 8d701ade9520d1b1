// The drill bank as pages use it: every drill in chapter order, each with a link back to the
// chapter section it practises. A `section` that is not a heading of its chapter stops the build
// with the file to fix, so "review this" links never point nowhere.
import { getCollection, render } from 'astro:content';
import { getChapters } from '../course/course.ts';
import { chapterPath } from '../course/urls.ts';
import { plannedChapter } from './chapter-tags.ts';
import type { Drill } from './drill.ts';

export interface ChapterDrills {
  id: string;
  title: string;
  order: number;
  published: boolean;
  drills: Drill[];
}

let loaded: Promise<ChapterDrills[]> | undefined;

async function loadBank(): Promise<ChapterDrills[]> {
  const chapters = await getChapters();
  const entries = await getCollection('drills');
  const groups = new Map<string, ChapterDrills>();
  const problems: string[] = [];
  const headings = new Map<string, Set<string>>();
  for (const chapter of chapters) {
    const rendered = await render(chapter.entry);
    headings.set(chapter.id, new Set(rendered.headings.map((heading) => heading.slug)));
    groups.set(chapter.id, { id: chapter.id, title: chapter.title, order: chapter.order, published: true, drills: [] });
  }
  for (const entry of entries.sort((a, b) => a.id.localeCompare(b.id))) {
    const { data } = entry;
    let group = groups.get(data.chapter);
    if (!group) {
      const planned = plannedChapter(data.chapter);
      if (!planned) throw new Error(`content/drills/${entry.id}: chapter "${data.chapter}" is neither published nor planned.`);
      group = { id: planned.id, title: planned.title, order: planned.order, published: false, drills: [] };
      groups.set(planned.id, group);
    }
    const slugs = headings.get(data.chapter);
    if (data.section && slugs && !slugs.has(data.section)) {
      problems.push(`content/drills/${entry.id}: section "${data.section}" is not a heading of chapter ${data.chapter}; use one of: ${[...slugs].join(', ')}.`);
    }
    const href = group.published ? chapterPath(data.chapter) + (data.section ? `#${data.section}` : '') : null;
    group.drills.push({ ...data, id: entry.id, chapterTitle: group.title, href });
  }
  if (problems.length > 0) throw new Error(`The drill bank has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return [...groups.values()].filter((group) => group.drills.length > 0).sort((a, b) => a.order - b.order);
}

/** Chapters that have drills, in course order, each with its drills. */
export function getDrillBank(): Promise<ChapterDrills[]> {
  loaded ??= loadBank();
  return loaded;
}

export async function allDrills(): Promise<Drill[]> {
  return (await getDrillBank()).flatMap((group) => group.drills);
}
