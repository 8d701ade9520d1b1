// Follows the site's theme (data-theme on <html>, else the system's preference), so the
// editor is light or dark with the page around it.
export function prefersDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'dark' || chosen === 'light') return chosen === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function onThemeChange(listener: (dark: boolean) => void): void {
  new MutationObserver(() => listener(prefersDark())).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => listener(prefersDark()));
}
