// The file tree's buttons and the tabs of opened files. Opening a file adds a tab; the active
// file is marked in both. Read-only files keep their lock in the tab too.
import type { FilesStore } from '../files-store.ts';

export function bindFileTabs(tree: HTMLElement, tabList: HTMLElement, files: FilesStore): void {
  const open: string[] = [];
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);

  for (const button of tree.querySelectorAll<HTMLButtonElement>('[data-open-file]')) {
    button.addEventListener('click', () => files.active.set(button.dataset.openFile ?? ''));
  }

  const renderTabs = (active: string) => {
    tabList.replaceChildren(
      ...open.map((path) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(path === active));
        tab.tabIndex = path === active ? 0 : -1;
        tab.title = path;
        tab.textContent = name(path);
        if (files.get(path)?.readonly) {
          const lock = document.createElement('span');
          lock.className = 'wb-lock';
          lock.setAttribute('aria-hidden', 'true');
          tab.append(lock);
          tab.setAttribute('aria-label', `${name(path)} (read-only)`);
        }
        tab.addEventListener('click', () => files.active.set(path));
        return tab;
      }),
    );
  };

  files.active.subscribe((active) => {
    if (active && !open.includes(active)) open.push(active);
    for (const button of tree.querySelectorAll<HTMLElement>('[data-open-file]')) {
      button.setAttribute('aria-current', String(button.dataset.openFile === active));
    }
    renderTabs(active);
  });
}
