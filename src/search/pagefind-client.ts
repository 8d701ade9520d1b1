// Pagefind's browser API, loaded from the index the build writes to <base>pagefind/ (see
// scripts/hosting/search-index.ts). Only the parts the search dialog uses are typed here.
// https://pagefind.app/docs/api/

export interface SearchHit {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: Array<{ title: string; url: string; excerpt: string }>;
}

interface PagefindModule {
  options(options: { baseUrl: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, waitMs?: number): Promise<{ results: Array<{ data(): Promise<SearchHit> }> } | null>;
}

export class SearchIndexMissing extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `The search index did not load from ${url} (${(cause as Error).message}). ` +
        'It is built by `npm run build`, so search works in the built site (`npm start`), not in `npm run dev`.',
    );
  }
}

let loading: Promise<PagefindModule> | undefined;

/** The Pagefind module, imported once; result URLs come back under the site's base path. */
export function pagefind(base: string): Promise<PagefindModule> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    let module: PagefindModule;
    try {
      module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    } catch (error) {
      loading = undefined;
      throw new SearchIndexMissing(url, error);
    }
    await module.options({ baseUrl: base, excerptLength: 24 });
    await module.init();
    return module;
  })();
  return loading;
}

export interface SearchOutcome {
  /** The best `limit` hits, loaded. */
  hits: SearchHit[];
  /** How many pages and drills match in all. */
  total: number;
}

/** The best hits for `query`, or null when a newer query has replaced this one. */
export async function searchCourse(base: string, query: string, limit = 8): Promise<SearchOutcome | null> {
  const module = await pagefind(base);
  const search = await module.debouncedSearch(query, {}, 150);
  if (search === null) return null;
  const hits = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
  return { hits, total: search.results.length };
}
