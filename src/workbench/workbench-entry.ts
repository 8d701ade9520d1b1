// Brings a lab page's workbench to life: toolbar, panels and the runtime start at once. The
// editor arrives through the page's second script (editor-entry.ts); the terminal is loaded
// once the editor is ready, so the two never compete for the main thread.
import { startRuntime } from '../runtime/start-runtime.ts';
import { labPage } from './page-session.ts';
import { bindChecksPanel } from './views/checks-panel-view.ts';
import { bindFileTabs } from './views/file-tabs-view.ts';
import { bindHttpPanel } from './views/http-panel-view.ts';
import { PanelsView } from './views/panels-view.ts';
import { bindRuntimeBadge } from './views/runtime-badge-view.ts';
import { bindSplit } from './views/split-view.ts';
import { bindToolbar } from './views/toolbar-view.ts';

function whenEditorReady(then: () => void): void {
  if (performance.getEntriesByName('lab-editor-ready').length > 0) return then();
  const observer = new PerformanceObserver(() => {
    observer.disconnect();
    then();
  });
  observer.observe({ type: 'mark' });
  // If the editor fails to load, the terminal still comes.
  setTimeout(then, 10_000);
}

if (labPage) {
  const { page, root, session, find } = labPage;
  const panels = new PanelsView(root);
  bindToolbar(root, session, panels);
  bindFileTabs(find('.wb-files'), find('[data-file-tabs]'), session.files);
  bindHttpPanel(find('[data-http-form]'), session);
  bindChecksPanel(find('.wb-checks'), session);
  bindRuntimeBadge(find('[data-runtime-badge]', page), find('[data-runtime-advice]'), session);
  bindSplit(page, find('[data-split-handle]', page), find('[data-fullscreen]', page));
  void session.start(() => startRuntime({ base: session.data.base }));

  let terminalStarted = false;
  whenEditorReady(() => {
    if (terminalStarted) return;
    terminalStarted = true;
    void import('./terminal/terminal-view.ts').then(({ TerminalView }) => new TerminalView(find('[data-terminal]'), session));
  });

  // Leaving the page: keep the last keystrokes. The runner ends the program when the socket closes.
  window.addEventListener('pagehide', () => session.flushSave());
}
