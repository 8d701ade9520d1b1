// The badge under the lab title: which runtime runs the learner's code and why, and when none
// can, the commands that run the lab another way.
import { noRuntimeAdvice } from '../../runtime/select-runtime.ts';
import type { RuntimeKind } from '../../runtime/lab-runtime.ts';
import type { LabSession } from '../lab-session.ts';

const names: Record<RuntimeKind, string> = { local: 'Local runner', webcontainer: 'In-browser runtime' };

/** Renders `text` with `code` spans between backticks, without innerHTML. */
function withCode(text: string): Node[] {
  return text.split('`').map((part, index) => {
    if (index % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code');
    code.textContent = part;
    return code;
  });
}

export function bindRuntimeBadge(badge: HTMLElement, adviceHost: HTMLElement, session: LabSession): void {
  const name = badge.querySelector('[data-runtime-name]');
  const reason = badge.querySelector('[data-runtime-reason]');
  session.runtime.subscribe((state) => {
    badge.dataset.status = state.status;
    if (name) name.textContent = state.status === 'starting' ? 'Runtime: starting' : state.kind && state.status === 'ready' ? names[state.kind] : 'No runtime';
    if (reason) reason.textContent = state.reason;
    if (state.status !== 'unavailable' && state.status !== 'failed') return;
    const advice = document.createElement('div');
    advice.className = 'wb-advice';
    const intro = document.createElement('p');
    intro.textContent = 'Your code cannot run on this page. You can still read the instructions and edit the files; they are kept in this browser.';
    advice.append(intro);
    for (const line of noRuntimeAdvice(session.data.id)) {
      const paragraph = document.createElement('p');
      paragraph.append(...withCode(line));
      advice.append(paragraph);
    }
    adviceHost.replaceChildren(advice);
    adviceHost.hidden = false;
  });
}
