// The Monaco editor over the FilesStore: one model per file, the active file shown, typing
// written back to the store, read-only files locked with a message, Ctrl/Cmd+S and
// Ctrl/Cmd+Enter bound, and `window.__labEditor` for tests to read and set the text.
import type { FilesStore } from '../files-store.ts';
import { prefersDark, onThemeChange } from './editor-theme.ts';
import { languageFor } from './languages.ts';
import { monaco } from './monaco-setup.ts';

export interface EditorActions {
  save(): void;
  check(): void;
}

export interface LabEditorHandle {
  readonly path: string;
  getValue(): string;
  setValue(text: string): void;
  open(path: string): void;
  focus(): void;
}

declare global {
  interface Window {
    __labEditor?: LabEditorHandle;
  }
}

export class EditorView {
  readonly #files: FilesStore;
  readonly #editor: monaco.editor.IStandaloneCodeEditor;
  readonly #models = new Map<string, monaco.editor.ITextModel>();
  #applying = false;

  constructor(host: HTMLElement, files: FilesStore, actions: EditorActions) {
    this.#files = files;
    host.replaceChildren();
    this.#editor = monaco.editor.create(host, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      theme: prefersDark() ? 'vs-dark' : 'vs',
      ariaLabel: 'Code editor',
    });
    onThemeChange((dark) => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'));
    this.#editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => actions.save());
    this.#editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => actions.check());
    files.active.subscribe((path) => this.#show(path));
    files.onChange((change) => {
      if (change.origin !== 'replace') return;
      const model = this.#models.get(change.path);
      if (model && model.getValue() !== change.text) this.#apply(() => model.setValue(change.text));
    });
    window.__labEditor = this.#handle();
    host.dataset.ready = '';
    // For scripts/bench/workbench.ts: navigation to a usable editor.
    performance.mark('lab-editor-ready');
  }

  #model(path: string): monaco.editor.ITextModel {
    const existing = this.#models.get(path);
    if (existing) return existing;
    const file = this.#files.get(path);
    const model = monaco.editor.createModel(file?.text ?? '', languageFor(path), monaco.Uri.file(`/lab/${path}`));
    model.onDidChangeContent(() => {
      if (!this.#applying) this.#files.setText(path, model.getValue());
    });
    this.#models.set(path, model);
    return model;
  }

  #show(path: string): void {
    if (!path) return;
    const file = this.#files.get(path);
    this.#editor.setModel(this.#model(path));
    this.#editor.updateOptions({
      readOnly: file?.readonly ?? true,
      readOnlyMessage: { value: `${path} is provided by the lab and cannot be edited.` },
    });
  }

  #apply(change: () => void): void {
    this.#applying = true;
    try {
      change();
    } finally {
      this.#applying = false;
    }
  }

  #handle(): LabEditorHandle {
    const view = this;
    return {
      get path() {
        return view.#files.active.get();
      },
      getValue: () => this.#editor.getValue(),
      setValue: (text: string) => {
        const model = this.#editor.getModel();
        if (!model || this.#editor.getOption(monaco.editor.EditorOption.readOnly)) return;
        // An edit, not a model reset, so Ctrl+Z can take it back.
        this.#editor.executeEdits('lab-editor', [{ range: model.getFullModelRange(), text }]);
      },
      open: (path: string) => this.#files.active.set(path),
      focus: () => this.#editor.focus(),
    };
  }
}
