// Builds the Pagefind search index into <dist>/pagefind/ after `astro build` (scripts/build.ts).
//   node scripts/hosting/search-index.ts [--dist dist]
// https://pagefind.app/docs/node-api/
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { drillRecords, excludedSelectors, isSearchablePage } from './search-records.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

export interface IndexSummary {
  pages: number;
  drills: number;
}

function failOn(errors: string[], step: string): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

export async function buildSearchIndex(dist: string): Promise<IndexSummary> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: excludedSelectors, forceLanguage: 'en' });
  failOn(errors, 'start');
  try {
    const pages = htmlFiles(dist).filter((file) => isSearchablePage(relative(dist, file).split(sep).join('/')));
    for (const file of pages) {
      const added = await index!.addHTMLFile({ sourcePath: relative(dist, file).split(sep).join('/'), content: readFileSync(file, 'utf8') });
      failOn(added.errors, `index ${file}`);
    }
    const drills = drillRecords(dist);
    for (const record of drills) failOn((await index!.addCustomRecord(record)).errors, `index the drill "${record.meta.title}"`);
    failOn((await index!.writeFiles({ outputPath: join(dist, 'pagefind') })).errors, `write ${join(dist, 'pagefind')}`);
    return { pages: pages.length, drills: drills.length };
  } finally {
    await pagefind.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
  try {
    const { pages, drills } = await buildSearchIndex(values.dist);
    if (pages === 0) throw new Error(`no chapter or lab pages in ${values.dist}; run \`astro build\` first`);
    console.log(`search: indexed ${pages} pages and ${drills} drills into ${join(values.dist, 'pagefind')}/`);
  } catch (error) {
    console.error(`search index failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
