import { describe, expect, test } from 'vitest';
import { OutputCapture } from '../../../graders/kit/process/output-capture.ts';

describe('OutputCapture', () => {
  test('joins lines split across chunks and keeps the streams apart', () => {
    const capture = new OutputCapture();
    capture.write('hel', 'stdout');
    capture.write('oops\n', 'stderr');
    capture.write('lo\nwor', 'stdout');
    capture.flush();
    expect(capture.lines()).toEqual(['oops', 'hello', 'wor']);
  });

  test('keeps the first lines and the latest lines within its budget, and counts the rest', () => {
    const capture = new OutputCapture({ headLines: 2, maxChars: 30 });
    for (let i = 1; i <= 50; i += 1) capture.write(`line ${i}\n`, 'stdout');
    const lines = capture.lines();
    expect(lines.slice(0, 2)).toEqual(['line 1', 'line 2']);
    expect(lines.at(-1)).toBe('line 50');
    expect(lines[2]).toMatch(/^… \d+ lines not kept …$/);
    expect(lines.join('\n').length).toBeLessThan(80);
  });

  test('forwards live lines up to its limit, then says once that more were hidden', () => {
    const live: string[] = [];
    const capture = new OutputCapture({ maxLiveLines: 3, onLine: (line) => live.push(line) });
    for (let i = 1; i <= 10; i += 1) capture.write(`${i}\n`, 'stdout');
    expect(live).toEqual(['1', '2', '3', '… more output not shown (the result keeps the end of it)']);
  });

  test('cuts a very long line instead of keeping it whole', () => {
    const capture = new OutputCapture();
    capture.write(`${'x'.repeat(5000)}\n`, 'stdout');
    expect(capture.lines()[0]).toMatch(/^x{2000}… \(line cut\)$/);
  });
});
