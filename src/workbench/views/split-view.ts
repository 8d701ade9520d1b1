// The handle between instructions and workbench (drag it, or focus it and use the arrow keys,
// as the ARIA window splitter pattern describes: https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/)
// and the Full screen toggle, which Escape also leaves.
const min = 20;
const max = 70;

export function bindSplit(page: HTMLElement, handle: HTMLElement, fullscreen: HTMLButtonElement): void {
  const split = page.querySelector<HTMLElement>('[data-split]') as HTMLElement;
  const set = (percent: number) => {
    const value = Math.round(Math.min(max, Math.max(min, percent)));
    page.style.setProperty('--lab-split', `${value}%`);
    handle.setAttribute('aria-valuenow', String(value));
  };
  handle.addEventListener('pointerdown', (event) => {
    handle.setPointerCapture(event.pointerId);
    const move = (moved: PointerEvent) => {
      const box = split.getBoundingClientRect();
      set(((moved.clientX - box.left) / box.width) * 100);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', () => handle.removeEventListener('pointermove', move), { once: true });
  });
  handle.addEventListener('keydown', (event) => {
    const now = Number(handle.getAttribute('aria-valuenow'));
    const steps: Record<string, number> = { ArrowLeft: now - 5, ArrowRight: now + 5, Home: min, End: max };
    const next = steps[event.key];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  });

  const toggle = (on: boolean) => {
    page.toggleAttribute('data-full', on);
    fullscreen.setAttribute('aria-pressed', String(on));
  };
  fullscreen.addEventListener('click', () => toggle(!page.hasAttribute('data-full')));
  document.addEventListener('keydown', (event) => {
    const inEditor = (event.target as Element | null)?.closest?.('.wb-editor, dialog');
    if (event.key === 'Escape' && !inEditor && page.hasAttribute('data-full')) toggle(false);
  });
}
