// Every page: the search button and its keyboard shortcuts. The search itself (the dialog's
// behaviour and Pagefind) loads on first use, so a page that is only read pays for this file alone.
import { isSearchShortcut } from './shortcut.ts';

// The dialog opens and takes focus at once, so what the learner types while the search code
// loads lands in the box; the code then searches for whatever is there.
function openSearch(dialog: HTMLDialogElement): void {
  dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]');
  input?.select();
  input?.focus();
  import('./search-dialog.ts').then(
    ({ activateSearch }) => activateSearch(dialog),
    (error: Error) => {
      const status = dialog.querySelector('[data-search-status]');
      if (status) status.textContent = `Search could not load (${error.message}). Reload the page to try again.`;
    },
  );
}

const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
if (dialog) {
  document.querySelector('[data-search-open]')?.addEventListener('click', () => openSearch(dialog));
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
    openSearch(dialog);
  });
}
