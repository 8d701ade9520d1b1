// What the site search covers: the pages worth finding (chapters, lab instructions, the drills
// overview) and one record per drill. Drills are rendered in the browser from JSON the practice
// pages carry (src/components/drills/DrillBankData.astro), so they are indexed from that JSON.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { drillFragment } from '../../src/drills/drill-link.ts';

/** Built pages, relative to dist/, that search results may lead to. */
export function isSearchablePage(relativePath: string): boolean {
  return /^(chapters|labs)\/[^/]+\/index\.html$/.test(relativePath) || relativePath === 'drills/index.html';
}

/**
 * Parts of a searchable page that are not its content: navigation, and on lab pages the
 * workbench (editor, terminal, buttons) and the runtime badge, which say nothing about the lab.
 */
export const excludedSelectors = ['nav', '.lab-workbench-column', '.lab-split-handle', '[data-runtime-badge]', '.lab-fullscreen', 'mark-read'];

export interface DrillRecord {
  url: string;
  content: string;
  language: 'en';
  meta: { title: string };
}

// Fields that locate or classify a drill rather than say something a learner would search for.
const structuralKeys = new Set(['id', 'type', 'chapter', 'section', 'href', 'chapterTitle', 'correct']);

function texts(value: unknown, key = ''): string[] {
  if (structuralKeys.has(key)) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => texts(item));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => texts(item, name));
  return [];
}

interface BankDrill {
  id: string;
  chapter: string;
  chapterTitle?: string;
  prompt?: string;
}

/**
 * One record per drill, leading to the practice page of its chapter. Pagefind keeps one record
 * per URL, so each drill's URL carries its id as the fragment, and the practice page opens
 * the drill the fragment names.
 */
export function drillRecords(dist: string): DrillRecord[] {
  const practiceDir = join(dist, 'drills', 'practice');
  if (!existsSync(practiceDir)) return [];
  const seen = new Set<string>();
  const records: DrillRecord[] = [];
  for (const chapter of readdirSync(practiceDir).sort()) {
    const page = join(practiceDir, chapter, 'index.html');
    if (!existsSync(page)) continue;
    const html = readFileSync(page, 'utf8');
    const bank = /<script type="application\/json" data-drill-bank>([\s\S]*?)<\/script>/.exec(html);
    if (!bank) continue;
    for (const drill of JSON.parse(bank[1]!) as BankDrill[]) {
      if (seen.has(drill.id)) continue;
      seen.add(drill.id);
      records.push({
        url: `/drills/practice/${chapter}/${drillFragment(drill.id)}`,
        content: texts(drill).join('\n'),
        language: 'en',
        meta: { title: `Drill · ${drill.chapterTitle ?? chapter}: ${drill.prompt ?? drill.id}` },
      });
    }
  }
  return records;
}
