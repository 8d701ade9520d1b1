// <mark-read>: a checkbox bound to the chapter's read state in the progress store.
import { progressStore, saveProgress } from '../progress/browser.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

class MarkRead extends HTMLElement {
  connectedCallback(): void {
    const chapter = this.dataset.chapter;
    const checkbox = this.querySelector('input');
    const date = this.querySelector<HTMLElement>('[data-read-date]');
    if (!chapter || !checkbox || !date) return;
    const render = () => {
      const read = progressStore().read().chapters[chapter];
      checkbox.checked = Boolean(read);
      date.hidden = !read;
      date.textContent = read ? `Marked as read on ${dateFormat.format(new Date(read.readAt))}.` : '';
    };
    checkbox.disabled = false;
    checkbox.addEventListener('change', () => {
      if (!saveProgress((store) => store.markChapterRead(chapter, checkbox.checked))) checkbox.checked = !checkbox.checked;
      render();
    });
    progressStore().subscribe(render);
    render();
  }
}

customElements.define('mark-read', MarkRead);
