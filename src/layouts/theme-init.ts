// The one script that must run inline: it applies the stored theme before the first paint, so a
// dark-theme reader never sees a light flash. It is a string so that the page (BaseLayout) and
// the Content-Security-Policy (scripts/hosting/headers.ts, which allows exactly this text by its
// SHA-256 hash) read the same bytes; edit it here and the policy follows.
export const themeInitScript =
  "try{const t=localStorage.getItem('port-to-production:theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";
