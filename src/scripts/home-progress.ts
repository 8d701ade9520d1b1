// The home page's progress: a sentence with the totals and the next chapter to read, and a
// "Read" mark on each chapter of the outline.
import { progressStore } from '../progress/browser.ts';
import { labStatusText } from '../progress/lab-progress.ts';
import { chapterStandings, chaptersInPage, courseTotals } from '../progress/standings.ts';
import type { Progress } from '../progress/schema.ts';

function chapterLink(id: string): HTMLAnchorElement | null {
  const item = document.querySelector<HTMLElement>(`[data-chapter="${id}"]`);
  if (!item?.dataset.href) return null;
  const link = document.createElement('a');
  link.href = item.dataset.href;
  link.textContent = item.dataset.title ?? id;
  return link;
}

function render(progress: Progress): void {
  const summary = document.querySelector('home-progress [data-summary]');
  const standings = chapterStandings(progress, chaptersInPage(document));
  const totals = courseTotals(standings);
  for (const standing of standings) {
    const mark = document.querySelector(`[data-chapter="${standing.id}"] [data-read-status]`);
    if (mark) mark.textContent = standing.readAt ? '✓ Read' : '';
  }
  for (const item of document.querySelectorAll<HTMLElement>('li[data-lab]')) {
    const mark = item.querySelector('[data-lab-status]');
    if (mark) mark.textContent = labStatusText(progress.labs[item.dataset.lab ?? '']);
  }
  if (!summary || totals.chapters === 0) return;
  if (totals.chaptersRead === 0 && totals.answered === 0) return;
  summary.textContent =
    `You have read ${totals.chaptersRead} of ${totals.chapters} chapters and answered ${totals.answered} of ` +
    `${totals.quizzes} quiz questions (${totals.firstCorrect} right first time). `;
  const next = totals.nextUnread ? chapterLink(totals.nextUnread) : null;
  if (next) summary.append('Next: ', next, '.');
  else summary.append('You have read every chapter.');
}

const store = progressStore();
render(store.read());
store.subscribe(render);
