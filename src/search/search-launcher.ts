// Every page: the search button and its keyboard shortcuts. The search itself (the dialog's
// behaviour and Pagefind) loads on first use, so a page that is only read pays for this file alone.
import { isSearchShortcut } from './shortcut.ts';

async function openSearch(dialog: HTMLDialogElement): Promise<void> {
  const { showSearch } = await import('./search-dialog.ts');
  showSearch(dialog);
}

const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
if (dialog) {
  document.querySelector('[data-search-open]')?.addEventListener('click', () => void openSearch(dialog));
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : document.body;
    const shortcut = {
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      targetTag: target.tagName,
      targetEditable: target.isContentEditable || ('editContext' in target && target.editContext != null),
      inCodeEditor: target.closest('.monaco-editor, .xterm') !== null,
    };
    if (dialog.open || !isSearchShortcut(shortcut)) return;
    event.preventDefault();
    void openSearch(dialog);
  });
}
