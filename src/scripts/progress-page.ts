// The Progress page: fills the tables from the store and runs export, import, clear and the
// set-aside data list.
import { progressStore } from '../progress/browser.ts';
import { bestScoreText, labStatusText } from '../progress/lab-progress.ts';
import type { Progress } from '../progress/schema.ts';
import { chapterStandings, chaptersInPage, courseTotals, quizScoreText } from '../progress/standings.ts';
import { exportFileName, exportProgress, importProgress, summarize } from '../progress/transfer.ts';
import { downloadText } from './download.ts';

const page = document.querySelector('progress-page');
const store = progressStore();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function setText(selector: string, text: string, root: ParentNode = document): void {
  const element = root.querySelector(selector);
  if (element) element.textContent = text;
}

function renderSetAside(): void {
  const section = page?.querySelector<HTMLElement>('[data-set-aside]');
  const list = section?.querySelector('[data-set-aside-list]');
  if (!section || !list) return;
  const records = store.setAsideRecords();
  section.hidden = records.length === 0;
  list.replaceChildren(
    ...records.map((record) => {
      const item = document.createElement('li');
      const download = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Download' });
      const discard = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Discard' });
      download.addEventListener('click', () => downloadText(`port-to-production-set-aside-${record.setAsideAt.replace(/[:.]/g, '-')}.json`, record.text));
      discard.addEventListener('click', () => {
        store.discardSetAside(record.key);
        renderSetAside();
      });
      item.append(`Set aside ${record.setAsideAt} (${record.text.length} characters) `, download, ' ', discard);
      return item;
    }),
  );
}

function render(progress: Progress): void {
  const standings = chapterStandings(progress, chaptersInPage(document));
  for (const standing of standings) {
    const row = document.querySelector(`tr[data-chapter="${standing.id}"]`);
    if (!row) continue;
    setText('[data-read]', standing.readAt ? `Read on ${dateFormat.format(new Date(standing.readAt))}` : 'Not yet', row);
    setText('[data-score]', quizScoreText(standing), row);
  }
  const totals = courseTotals(standings);
  setText('[data-totals]', `${totals.chaptersRead} of ${totals.chapters} chapters read; ${totals.answered} of ${totals.quizzes} quiz questions answered, ${totals.firstCorrect} right first time.`);
  for (const row of document.querySelectorAll<HTMLElement>('tr[data-lab]')) {
    const lab = progress.labs[row.dataset.lab ?? ''];
    setText('[data-lab-status]', labStatusText(lab), row);
    setText('[data-lab-best]', bestScoreText(lab), row);
  }
  for (const row of document.querySelectorAll<HTMLElement>('tr[data-drill-chapter]')) {
    setText('[data-drill-practised]', drillPractiseText(progress, (row.dataset.drillIds ?? '').split(' ').filter(Boolean)), row);
  }
  renderSetAside();
}

/** "3 of 21, 1 in long-term review": drills with a card, and those FSRS has in its review state. */
function drillPractiseText(progress: Progress, ids: string[]): string {
  const cards = ids.map((id) => progress.drills[id]).filter((card) => card !== undefined);
  const reviewing = cards.filter((card) => card.state === 2).length;
  return `${cards.length} of ${ids.length}` + (reviewing ? `, ${reviewing} in long-term review` : '');
}

function report(message: string, failed: boolean): void {
  const result = page?.querySelector<HTMLElement>('[data-transfer-result]');
  if (!result) return;
  result.textContent = message;
  result.classList.toggle('error', failed);
}

page?.querySelector('[data-export]')?.addEventListener('click', () => {
  const now = new Date();
  const progress = store.read();
  downloadText(exportFileName(now), exportProgress(progress, now));
  report(`Exported ${summarize(progress)} to ${exportFileName(now)}.`, false);
});

const fileInput = page?.querySelector<HTMLInputElement>('[data-import]');
fileInput?.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  const text = await file.text();
  try {
    const result = importProgress(store, text);
    report(result.ok ? `Imported ${file.name}: ${summarize(result.progress)}.` : `${file.name}: ${result.message}`, !result.ok);
  } catch (error) {
    report((error as Error).message, true);
  }
  fileInput.value = '';
});

const confirmBox = page?.querySelector<HTMLElement>('[data-clear-confirm]');
page?.querySelector('[data-clear]')?.addEventListener('click', () => {
  if (confirmBox) confirmBox.hidden = false;
  confirmBox?.querySelector<HTMLButtonElement>('[data-clear-no]')?.focus();
});
confirmBox?.querySelector('[data-clear-no]')?.addEventListener('click', () => {
  confirmBox.hidden = true;
});
confirmBox?.querySelector('[data-clear-yes]')?.addEventListener('click', () => {
  store.clear();
  confirmBox.hidden = true;
  report('Your progress in this browser was cleared.', false);
});

render(store.read());
store.subscribe(render);
