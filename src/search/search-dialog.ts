// The search dialog's behaviour, loaded on first use: query Pagefind as the learner types,
// show the hits, say how many there are (to screen readers too), Enter follows the first hit.
import { searchCourse } from './pagefind-client.ts';
import { resultItem } from './result-view.ts';

const wired = new WeakSet<HTMLDialogElement>();

/** What the status line says (and screen readers announce) after a search. */
export function resultCountText(query: string, shown: number, total: number): string {
  if (total === 0) return `Nothing matches “${query}”. Try fewer or other words.`;
  if (shown < total) return `The best ${shown} of ${total} results for “${query}”.`;
  return `${total === 1 ? '1 result' : `${total} results`} for “${query}”.`;
}

function wire(dialog: HTMLDialogElement): void {
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const results = dialog.querySelector<HTMLElement>('[data-search-results]')!;
  const base = dialog.dataset.base ?? '/';

  async function update(): Promise<void> {
    const query = input.value.trim();
    if (query === '') {
      results.replaceChildren();
      status.textContent = 'Type to search the chapters, labs and drills.';
      return;
    }
    try {
      const outcome = await searchCourse(base, query);
      if (outcome === null || query !== input.value.trim()) return;
      results.replaceChildren(...outcome.hits.map(resultItem));
      status.textContent = resultCountText(query, outcome.hits.length, outcome.total);
    } catch (error) {
      results.replaceChildren();
      status.textContent = (error as Error).message;
    }
  }

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    results.querySelector<HTMLAnchorElement>('a')?.click();
  });
  // A hit on the page already open (a drill of this practice page) only changes the fragment.
  results.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a')) dialog.close();
  });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog element itself.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}

/** Makes the open dialog search as the learner types, starting with what they typed already. */
export function activateSearch(dialog: HTMLDialogElement): void {
  if (wired.has(dialog)) return;
  wire(dialog);
  wired.add(dialog);
  dialog.querySelector<HTMLInputElement>('[data-search-input]')!.dispatchEvent(new Event('input'));
}
