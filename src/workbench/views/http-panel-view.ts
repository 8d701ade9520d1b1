// The HTTP panel's form: sends the request through the session and shows both directions of
// the exchange as raw text, the way `curl -v` prints them.
import type { LabSession } from '../lab-session.ts';

/** "Name: value" lines into header pairs; lines without a colon are reported back. */
export function parseHeaderLines(text: string): { headers: [string, string][]; problems: string[] } {
  const headers: [string, string][] = [];
  const problems: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const colon = line.indexOf(':');
    if (colon <= 0) problems.push(`"${line}" is not a header: write Name: value`);
    else headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { headers, problems };
}

export function bindHttpPanel(form: HTMLFormElement, session: LabSession): void {
  const note = form.querySelector('[data-http-note]') as HTMLElement;
  const say = (text: string, kind: 'ok' | 'error') => {
    note.textContent = text;
    note.dataset.kind = kind;
  };
  const exchange = form.querySelector('[data-http-exchange]') as HTMLElement;
  const sent = form.querySelector('[data-http-request]') as HTMLElement;
  const received = form.querySelector('[data-http-response]') as HTMLElement;
  const send = form.querySelector('[data-http-send]') as HTMLButtonElement;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = new FormData(form);
    const { headers, problems } = parseHeaderLines(String(values.get('headers') ?? ''));
    if (problems.length) {
      say(problems.join('; '), 'error');
      return;
    }
    let path = String(values.get('path') ?? '/').trim() || '/';
    if (!path.startsWith('/') && path !== '*') path = `/${path}`;
    say('Sending…', 'ok');
    send.disabled = true;
    try {
      const result = await session.sendRequest({ method: String(values.get('method') ?? 'GET'), path, headers, body: String(values.get('body') ?? '') });
      sent.textContent = result.request;
      received.textContent = result.response || '(nothing came back)';
      exchange.hidden = false;
      if (result.error) say(result.error, 'error');
      else say(`Answered in ${result.durationMs} ms by 127.0.0.1:${result.port}.`, 'ok');
    } catch (problem) {
      say((problem as Error).message, 'error');
    } finally {
      send.disabled = false;
    }
  });
}
