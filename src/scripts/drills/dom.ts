// A tiny element builder for the drill islands (no UI framework on these pages).
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export function button(label: string, onClick: () => void, attributes: Record<string, string | undefined> = {}): HTMLButtonElement {
  const element = el('button', { type: 'button', class: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** Where a drill sends the learner after a miss: "Reread: <chapter>", or the planned chapter's name. */
export function rereadLink(href: string | null, chapterTitle: string): HTMLElement {
  if (!href) return el('p', { class: 'muted' }, `Chapter "${chapterTitle}" is coming; this drill is ready before it.`);
  return el('p', {}, 'Reread: ', el('a', { href }, chapterTitle));
}
