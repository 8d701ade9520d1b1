// The site-wide notice box of the base layout: how the progress store tells the learner that
// their saved data was set aside or could not be saved, instead of failing silently.
import type { Recovery } from './store.ts';

export function showNotice(message: string): void {
  const box = document.getElementById('site-notice');
  const text = box?.querySelector('[data-notice-text]');
  if (!box || !text) {
    console.warn(message);
    return;
  }
  text.textContent = message;
  box.hidden = false;
}

export function recoveryMessage(recovery: Recovery): string {
  const what = `Your saved progress could not be read: ${recovery.detail}.`;
  if (!recovery.setAsideKey) {
    return `${what} The browser refused to keep a copy, so it will be replaced the next time progress is saved.`;
  }
  return `${what} It was set aside (kept, not deleted) and you continue with empty progress. On the Progress page you can download the old data or discard it.`;
}
