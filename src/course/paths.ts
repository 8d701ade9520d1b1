// Where the course text and the labs live, relative to the project root. Tests point
// CONTENT_DIR (and LABS_DIR) at fixture folders to build the site from other content.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const contentDir = process.env.CONTENT_DIR || 'content';
export const chaptersDir = join(contentDir, 'chapters');
export const drillsDir = join(contentDir, 'drills');
export const labsDir = process.env.LABS_DIR || 'labs';

/** The file an author edits for a chapter, as printed in build errors. */
export function chapterFile(id: string): string {
  return join(chaptersDir, `${id}.mdx`);
}

export function labManifest(id: string): string {
  return join(labsDir, id, 'manifest.json');
}

/** A lab exists when its folder holds a manifest (the contract of graders/kit/manifest-schema.ts). */
export function labExists(id: string): boolean {
  return existsSync(labManifest(id));
}

/** Whether any lab exists yet, so pages skip the labs collection (and Astro's empty warning) until one does. */
export function anyLabExists(): boolean {
  return existsSync(labsDir) && readdirSync(labsDir).some((name) => labExists(name));
}

const drillExtensions = ['.yaml', '.yml', '.json', '.md', '.mdx'];

export function drillFile(id: string): string {
  return join(drillsDir, `${id}.(${drillExtensions.map((ext) => ext.slice(1)).join('|')})`);
}

/** Drill ids are the file names (without extension) under content/drills/. */
export function drillExists(id: string): boolean {
  if (!existsSync(drillsDir)) return false;
  return readdirSync(drillsDir).some((name) => drillExtensions.some((ext) => name === id + ext));
}
