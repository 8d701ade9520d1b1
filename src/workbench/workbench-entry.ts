// Brings a lab page's workbench to life. The light parts (toolbar, panels, runtime) start at
// once; Monaco and xterm are imported straight away too, in parallel, so the editor is ready
// as early as the network allows while the instructions are already readable.
import { startRuntime } from '../runtime/start-runtime.ts';
import { readLabPageData } from './lab-data.ts';
import { progressLabMemory } from './lab-memory.ts';
import { LabSession } from './lab-session.ts';
import { bindChecksPanel } from './views/checks-panel-view.ts';
import { bindFileTabs } from './views/file-tabs-view.ts';
import { bindHttpPanel } from './views/http-panel-view.ts';
import { PanelsView } from './views/panels-view.ts';
import { bindRuntimeBadge } from './views/runtime-badge-view.ts';
import { bindSplit } from './views/split-view.ts';
import { bindToolbar } from './views/toolbar-view.ts';

const page = document.querySelector<HTMLElement>('[data-lab-page]');
const root = document.querySelector<HTMLElement>('lab-workbench');
if (page && root) {
  const data = readLabPageData(document.getElementById('lab-data'));
  const session = new LabSession(data, progressLabMemory(data.id));
  const find = <T extends Element>(selector: string, within: ParentNode = root) => within.querySelector<T>(selector) as T;

  const editorLoading = import('./editor/editor-view.ts');
  const terminalLoading = import('./terminal/terminal-view.ts');

  const panels = new PanelsView(root);
  bindToolbar(root, session, panels);
  bindFileTabs(find('.wb-files'), find('[data-file-tabs]'), session.files);
  bindHttpPanel(find('[data-http-form]'), session);
  bindChecksPanel(find('.wb-checks'), session);
  bindRuntimeBadge(find('[data-runtime-badge]', page), find('[data-runtime-advice]'), session);
  bindSplit(page, find('[data-split-handle]', page), find('[data-fullscreen]', page));

  void session.start(() => startRuntime({ base: data.base }));
  void editorLoading.then(({ EditorView }) => {
    new EditorView(find('[data-editor]'), session.files, { save: () => void session.save(), check: () => find<HTMLButtonElement>('[data-action="check"]').click() });
  });
  void terminalLoading.then(({ TerminalView }) => new TerminalView(find('[data-terminal]'), session));

  // Leaving the page: keep the last keystrokes. The runner ends the program when the socket closes.
  window.addEventListener('pagehide', () => session.flushSave());
}
