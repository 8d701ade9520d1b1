// The bottom panels (Terminal, HTTP request, Checks) as an ARIA tab list: click or arrow keys
// switch panels (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/).
export class PanelsView {
  readonly #tabs: HTMLButtonElement[];
  readonly #root: HTMLElement;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#tabs = [...root.querySelectorAll<HTMLButtonElement>('[data-panel-tab]')];
    for (const [index, tab] of this.#tabs.entries()) {
      tab.addEventListener('click', () => this.select(tab.dataset.panelTab ?? ''));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        event.preventDefault();
        const next = this.#tabs[(index + step + this.#tabs.length) % this.#tabs.length];
        if (next) {
          this.select(next.dataset.panelTab ?? '');
          next.focus();
        }
      });
    }
  }

  select(id: string): void {
    for (const tab of this.#tabs) {
      const selected = tab.dataset.panelTab === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    for (const panel of this.#root.querySelectorAll<HTMLElement>('[data-panel]')) panel.hidden = panel.dataset.panel !== id;
  }
}
