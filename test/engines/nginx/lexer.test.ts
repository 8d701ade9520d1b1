import { describe, expect, it } from 'vitest';
import { ConfError } from '../../../labs/engines/nginx/conf-error.ts';
import { Lexer, type Statement } from '../../../labs/engines/nginx/lexer.ts';

function statements(text: string): Statement[] {
  const lexer = new Lexer(text, '/conf/nginx.conf');
  const out: Statement[] = [];
  for (;;) {
    const st = lexer.next();
    out.push(st);
    if (st.kind === 'eof') return out;
  }
}

function errorOf(text: string): string {
  try {
    statements(text);
  } catch (error) {
    if (error instanceof ConfError) return error.message;
    throw error;
  }
  return 'no error';
}

describe('the configuration lexer', () => {
  it('splits words on spaces and ends statements at ";" with the line of the ";"', () => {
    expect(statements('listen\n  8080\n;')).toEqual([{ kind: 'directive', args: ['listen', '8080'], line: 3 }, { kind: 'eof', line: 3 }]);
  });

  it('keeps "#" inside a word and inside quotes, and starts a comment only at a word start', () => {
    expect(statements('add_header X a#b "c # d"; # the rest is a comment\n')[0]).toEqual({ kind: 'directive', args: ['add_header', 'X', 'a#b', 'c # d'], line: 1 });
  });

  it('unescapes \\" \\\\ \\t \\n inside words and keeps other backslashes', () => {
    expect(statements('return 200 "a\\"b\\\\c\\td\\ne\\.f";')[0]).toMatchObject({ args: ['return', '200', 'a"b\\c\td\ne\\.f'] });
  });

  it('does not open a block at "${" inside a word', () => {
    expect(statements('return 200 ${host}x;')[0]).toMatchObject({ kind: 'directive', args: ['return', '200', '${host}x'] });
  });

  it('reports blocks, block ends and the end of the file', () => {
    expect(statements('http {\n}\n').map((s) => s.kind)).toEqual(['block-start', 'block-end', 'eof']);
  });

  it('reports what nginx reports for malformed text', () => {
    expect(errorOf('return 200 "a"b;')).toBe('unexpected "b" in /conf/nginx.conf:1');
    expect(errorOf('server { ; }')).toBe('unexpected ";" in /conf/nginx.conf:1');
    expect(errorOf('listen 80 }')).toBe('unexpected "}" in /conf/nginx.conf:1');
    expect(errorOf('listen 80\n\n')).toBe('unexpected end of file, expecting ";" or "}" in /conf/nginx.conf:3');
    expect(errorOf('return "abc')).toBe('unexpected end of file, expecting ";" or "}" in /conf/nginx.conf:1');
  });

  it('reports -g text without a line number and with nginx\'s wording', () => {
    try {
      const lexer = new Lexer('daemon off', 'command line', true);
      lexer.next();
    } catch (error) {
      expect((error as Error).message).toBe('unexpected end of parameter, expecting ";" in command line');
      return;
    }
    throw new Error('expected an error');
  });
});
