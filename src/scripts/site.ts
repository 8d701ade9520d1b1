// The one script every page loads (BaseLayout): the header's search launcher and theme choice,
// and the custom elements of the chapter islands (quiz, "mark as read", lab card). One small
// file that a browser caches once for the whole site costs fewer requests than one file per
// component; each part waits for its element, and the heavy parts (the search dialog with
// Pagefind, the progress store) load on first use (src/search/search-launcher.ts,
// src/progress/lazy.ts).
import '../search/search-launcher.ts';
import './theme-select.ts';
import './quiz-question.ts';
import './mark-read.ts';
import './lab-card.ts';
