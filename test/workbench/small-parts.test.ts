import { describe, expect, it } from 'vitest';
import { lastJsonDocument } from '../../src/runtime/grader-output.ts';
import { languageFor } from '../../src/workbench/editor/languages.ts';
import { LineDiscipline } from '../../src/workbench/terminal/line-discipline.ts';
import { parseHeaderLines } from '../../src/workbench/views/http-panel-view.ts';

describe('choosing a highlighter', () => {
  it('knows the languages labs use by file name', () => {
    expect(languageFor('server.js')).toBe('javascript');
    expect(languageFor('app/main.py')).toBe('python');
    expect(languageFor('compose.yml')).toBe('yaml');
    expect(languageFor('package.json')).toBe('json');
    expect(languageFor('conf/nginx.conf')).toBe('nginx');
    expect(languageFor('sites/api.conf')).toBe('nginx');
    expect(languageFor('README')).toBe('plaintext');
  });
});

describe('the terminal line discipline', () => {
  function discipline() {
    const echoed: string[] = [];
    const sent: string[] = [];
    let interrupted = 0;
    const lines = new LineDiscipline({ echo: (text) => echoed.push(text), send: (line) => sent.push(line), interrupt: () => (interrupted += 1) });
    return { lines, echoed, sent, interrupts: () => interrupted };
  }

  it('echoes typing, erases with Backspace and sends the line on Enter', () => {
    const { lines, echoed, sent } = discipline();
    lines.feed('helo');
    lines.feed('\x7f');
    lines.feed('lo\r');
    expect(sent).toEqual(['hello\n']);
    expect(echoed.join('')).toBe('helo\b \blo\r\n');
  });

  it('turns Ctrl+C into an interrupt and drops the half-typed line', () => {
    const { lines, sent, interrupts } = discipline();
    lines.feed('abc\x03');
    lines.feed('\r');
    expect(interrupts()).toBe(1);
    expect(sent).toEqual(['\n']);
  });

  it('ignores arrow keys', () => {
    const { lines, sent } = discipline();
    lines.feed('a\x1b[Db\r');
    expect(sent).toEqual(['ab\n']);
  });
});

describe('the HTTP panel headers', () => {
  it('reads Name: value lines and reports lines that are not headers', () => {
    expect(parseHeaderLines('Accept: text/html\n\nX-Empty:\nnot a header')).toEqual({
      headers: [['Accept', 'text/html'], ['X-Empty', '']],
      problems: ['"not a header" is not a header: write Name: value'],
    });
  });
});

describe('reading a grader result out of process output', () => {
  it('finds the JSON document among warnings and terminal line endings', () => {
    const output = '(node:12) ExperimentalWarning: something\r\n{\r\n  "lab": "x",\r\n  "status": "pass"\r\n}\r\n';
    expect(lastJsonDocument(output)).toEqual({ lab: 'x', status: 'pass' });
  });

  it('says what the output ended with when there is no JSON', () => {
    expect(() => lastJsonDocument('Error: Cannot find module\n    at foo\n')).toThrow(/expected a JSON result, but the output ended with:\nError: Cannot find module/);
  });
});
