import { describe, expect, it } from 'vitest';
import { splitInlineArgs } from '../../../labs/engines/redis/inline-args.ts';

const split = (line: string) => splitInlineArgs(Buffer.from(line, 'latin1'))?.map((arg) => arg.toString('latin1')) ?? null;

describe('inline argument splitting', () => {
  it.each([
    ['GET key', ['GET', 'key']],
    ['  SET   k\tv  ', ['SET', 'k', 'v']],
    ['', []],
    ['   ', []],
    ['SET k "hello world"', ['SET', 'k', 'hello world']],
    ['ECHO "a\\nb\\r\\t\\b\\a"', ['ECHO', 'a\nb\r\t\b\x07']],
    ['ECHO "\\x41\\x6a\\x4G"', ['ECHO', 'Ajx4G']],
    ['ECHO "\\"quoted\\" \\\\ \\q"', ['ECHO', '"quoted" \\ q']],
    ["ECHO 'it\\'s \\n'", ['ECHO', "it's \\n"]],
    ['ECHO ""', ['ECHO', '']],
    ["ECHO ''", ['ECHO', '']],
    ['ECHO ab"c d"', ['ECHO', 'abc d']],
  ])('splits %j into %j', (line, args) => {
    expect(split(line)).toEqual(args);
  });

  it.each(['SET k "open', "SET k 'open", 'ECHO "a"b', "ECHO 'a'b"])('refuses %j as unbalanced quotes', (line) => {
    expect(split(line)).toBeNull();
  });
});
