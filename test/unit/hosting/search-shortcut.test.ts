import { describe, expect, it } from 'vitest';
import { isSearchShortcut, type ShortcutEvent } from '../../../src/search/shortcut.ts';

const press = (key: string, extra: Partial<ShortcutEvent> = {}): ShortcutEvent => ({
  key, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'BODY', targetEditable: false, inCodeEditor: false, ...extra,
});

describe('the search shortcut', () => {
  it('opens search on / while reading the page', () => {
    expect(isSearchShortcut(press('/'))).toBe(true);
  });

  it('leaves / alone while the learner types in a field', () => {
    for (const targetTag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(isSearchShortcut(press('/', { targetTag }))).toBe(false);
    expect(isSearchShortcut(press('/', { targetTag: 'DIV', targetEditable: true }))).toBe(false);
  });

  it('opens search on Ctrl+K and Cmd+K, even from a text field', () => {
    expect(isSearchShortcut(press('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(press('K', { metaKey: true }))).toBe(true);
    expect(isSearchShortcut(press('k', { ctrlKey: true, targetTag: 'INPUT' }))).toBe(true);
  });

  it('leaves Ctrl+K to the code editor and the terminal, which type into a textarea', () => {
    expect(isSearchShortcut(press('k', { ctrlKey: true, targetTag: 'TEXTAREA' }))).toBe(false);
  });

  it('leaves / and Ctrl+K to a code editor that types through an EditContext on a plain element', () => {
    expect(isSearchShortcut(press('/', { targetTag: 'DIV', inCodeEditor: true }))).toBe(false);
    expect(isSearchShortcut(press('k', { ctrlKey: true, targetTag: 'DIV', inCodeEditor: true }))).toBe(false);
  });

  it('ignores other keys and chords', () => {
    expect(isSearchShortcut(press('k'))).toBe(false);
    expect(isSearchShortcut(press('/', { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(press('k', { ctrlKey: true, altKey: true }))).toBe(false);
  });
});
