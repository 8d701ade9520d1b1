// The search dialog's behaviour, loaded on first use: query Pagefind as the learner types,
// show the hits, say how many there are (to screen readers too), Enter follows the first hit.
import { searchCourse } from './pagefind-client.ts';
import { resultItem } from './result-view.ts';

const wired = new WeakSet<HTMLDialogElement>();

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
      const hits = await searchCourse(base, query);
      if (hits === null || query !== input.value.trim()) return;
      results.replaceChildren(...hits.map(resultItem));
      status.textContent = hits.length === 0 ? `Nothing matches “${query}”. Try fewer or other words.` : `${hits.length === 1 ? '1 result' : `${hits.length} results`} for “${query}”.`;
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
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog element itself.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}

export function showSearch(dialog: HTMLDialogElement): void {
  if (!wired.has(dialog)) {
    wire(dialog);
    wired.add(dialog);
  }
  dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  input.select();
  input.focus();
}
