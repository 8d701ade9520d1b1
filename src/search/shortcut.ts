// The keys that open search: `/` anywhere but a field being typed in, and Ctrl+K (Cmd+K on a
// Mac) anywhere but a code editor or terminal, where Ctrl+K is theirs (Monaco's chord prefix,
// the shell's kill-line). Both editors type into a <textarea>.
export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element's tag name, upper case as the DOM reports it. */
  targetTag: string;
  targetEditable: boolean;
}

export function isSearchShortcut(event: ShortcutEvent): boolean {
  const typing = event.targetEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.targetTag);
  if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey) return !typing;
  if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey) {
    return !(event.targetEditable || event.targetTag === 'TEXTAREA');
  }
  return false;
}
