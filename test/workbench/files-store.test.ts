import { describe, expect, it } from 'vitest';
import { FilesStore } from '../../src/workbench/files-store.ts';

const starter = { 'server.js': 'start', 'package.json': '{}', 'public/index.html': '<p>hi</p>' };

describe('the files store', () => {
  it('opens the first editable file and lists top-level files before folders', () => {
    const files = new FilesStore(starter, ['server.js', 'public/index.html']);
    expect(files.active.get()).toBe('server.js');
    expect(files.list().map((file) => file.path)).toEqual(['package.json', 'server.js', 'public/index.html']);
  });

  it('restores saved edits for editable files only', () => {
    const files = new FilesStore(starter, ['server.js'], { 'server.js': 'mine', 'package.json': '{"hacked":true}' });
    expect(files.get('server.js')?.text).toBe('mine');
    expect(files.get('package.json')?.text).toBe('{}');
  });

  it('ignores typing into a read-only file', () => {
    const files = new FilesStore(starter, ['server.js']);
    files.setText('package.json', '{"changed":true}');
    expect(files.get('package.json')?.text).toBe('{}');
    expect(files.edits()).toEqual({});
  });

  it('keeps as edits only what differs from the starter, and hands unwritten files over once', () => {
    const files = new FilesStore(starter, ['server.js', 'public/index.html']);
    files.setText('server.js', 'changed');
    files.setText('public/index.html', '<p>hi</p>');
    expect(files.edits()).toEqual({ 'server.js': 'changed' });
    expect(files.takeUnwritten().map((file) => file.path)).toEqual(['server.js']);
    expect(files.takeUnwritten()).toEqual([]);
  });

  it('replaces every editable file on Reset and tells the views', () => {
    const files = new FilesStore(starter, ['server.js'], { 'server.js': 'mine' });
    const changes: string[] = [];
    files.onChange((change) => changes.push(`${change.origin} ${change.path}`));
    files.replaceEditable(starter);
    expect(files.get('server.js')?.text).toBe('start');
    expect(changes).toEqual(['replace server.js']);
    expect(files.generation.get()).toBe(1);
  });
});
