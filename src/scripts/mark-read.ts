// <mark-read>: a checkbox bound to the chapter's read state in the progress store. The store
// loads when there is saved progress to show or on the first tick (src/progress/lazy.ts).
import { saveChange, whenProgressSaved, type ProgressModule } from '../progress/lazy.ts';

// Made on first use: building a DateTimeFormat loads locale data, work a first visit never needs.
let dateFormat: Intl.DateTimeFormat | undefined;
const formatDate = (iso: string) => (dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'long' })).format(new Date(iso));

class MarkRead extends HTMLElement {
  connectedCallback(): void {
    const chapter = this.dataset.chapter;
    const checkbox = this.querySelector('input');
    const date = this.querySelector<HTMLElement>('[data-read-date]');
    if (!chapter || !checkbox || !date) return;
    let progress: ProgressModule | undefined;
    const render = () => {
      const read = progress?.progressStore().read().chapters[chapter];
      checkbox.checked = Boolean(read);
      date.hidden = !read;
      date.textContent = read ? `Marked as read on ${formatDate(read.readAt)}.` : '';
    };
    const attach = (loaded: ProgressModule) => {
      if (progress) return;
      progress = loaded;
      loaded.progressStore().subscribe(render);
    };
    checkbox.disabled = false;
    checkbox.addEventListener('change', async () => {
      const read = checkbox.checked;
      attach(await saveChange({ kind: 'chapter-read', chapter, read }));
      render();
    });
    whenProgressSaved((loaded) => {
      attach(loaded);
      render();
    });
  }
}

customElements.define('mark-read', MarkRead);
