// <theme-select>: light, dark, or whatever the system prefers. The choice is a preference, not
// progress, so it lives under its own storage key; BaseLayout's inline script applies it before
// the first paint (src/layouts/theme-init.ts).
const themeKey = 'port-to-production:theme';

class ThemeSelect extends HTMLElement {
  connectedCallback(): void {
    const select = this.querySelector('select');
    if (!select) return;
    select.value = document.documentElement.dataset.theme ?? 'system';
    select.addEventListener('change', () => {
      const theme = select.value;
      if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
      else delete document.documentElement.dataset.theme;
      try {
        if (theme === 'system') localStorage.removeItem(themeKey);
        else localStorage.setItem(themeKey, theme);
      } catch {
        // Storage blocked: the theme still applies to this page.
      }
    });
  }
}

customElements.define('theme-select', ThemeSelect);
