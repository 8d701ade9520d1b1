import { describe, expect, it } from 'vitest';
import { parseLongLong } from '../../../labs/engines/redis/integers.ts';

const parse = (text: string) => parseLongLong(Buffer.from(text, 'latin1'));

describe('Redis integer parsing', () => {
  it.each([
    ['0', 0n],
    ['7', 7n],
    ['-42', -42n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
  ])('reads %j as %s', (text, value) => {
    expect(parse(text)).toBe(value);
  });

  it.each(['', '-', '+1', '01', '-0', ' 1', '1 ', '1.5', '1e3', 'abc', '9223372036854775808', '-9223372036854775809', '000000000000000000001'])(
    'refuses %j, as Redis replies "value is not an integer or out of range"',
    (text) => {
      expect(parse(text)).toBeNull();
    },
  );
});
