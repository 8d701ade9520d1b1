// Which chapter a drill may be tagged with: any chapter file in content/chapters/, or one of the
// chapters the syllabus plans and that is not written yet (/work/shared/SYLLABUS.md, Part 3).
// This list is the one place planned ids live; when a chapter is published under one of these
// ids its drills link to it with no change to the bank. Remove an entry once its file exists.
import { existsSync, readdirSync } from 'node:fs';
import { chapterFile, chaptersDir } from '../course/paths.ts';
import type { ChapterTagChecker } from './drill-schema.ts';

export interface PlannedChapter {
  id: string;
  title: string;
  order: number;
}

// Empty while every chapter of the syllabus is published; add { id, title, order } for a new one.
export const plannedChapters: readonly PlannedChapter[] = [];

export function plannedChapter(id: string): PlannedChapter | undefined {
  return plannedChapters.find((chapter) => chapter.id === id);
}

function publishedChapterIds(): string[] {
  if (!existsSync(chaptersDir)) return [];
  return readdirSync(chaptersDir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => name.replace(/\.mdx$/, ''));
}

/** The content/chapters/ files and the planned ids: what a drill's `chapter` may name. */
export const chapterTags: ChapterTagChecker = {
  chapterTagAllowed: (id) => plannedChapter(id) !== undefined || existsSync(chapterFile(id)),
  allowedChapterTags: () => [...publishedChapterIds(), ...plannedChapters.map((chapter) => chapter.id)],
};
