// The keys that open search: `/` anywhere but where the learner types, and Ctrl+K (Cmd+K on a
// Mac) anywhere but the code editor and the terminal, where Ctrl+K is theirs (Monaco's chord
// prefix, the shell's kill-line). Monaco types through a <textarea> or, in recent versions, an
// element with an EditContext, which is neither a field nor contenteditable, hence inCodeEditor.
export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element's tag name, upper case as the DOM reports it. */
  targetTag: string;
  /** The focused element is contenteditable or has an EditContext. */
  targetEditable: boolean;
  /** The focus is inside the code editor or the terminal. */
  inCodeEditor: boolean;
}

export function isSearchShortcut(event: ShortcutEvent): boolean {
  const inField = ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.targetTag);
  if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) return !(inField || event.targetEditable || event.inCodeEditor);
  if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey) {
    return !(event.inCodeEditor || event.targetEditable || event.targetTag === 'TEXTAREA');
  }
  return false;
}
