// Redis's rules for reading a 64-bit signed integer out of a string, used for command
// arguments (EX, EXPIRE seconds) and for INCR on a stored value. Strict on purpose, as Redis is:
// no "+", no leading zeros, no spaces, no "-0", at most 20 characters.
// Source: string2ll() in redis/src/util.c (Redis 7.0).

export const LLONG_MAX = 9223372036854775807n;
export const LLONG_MIN = -9223372036854775808n;

// LONG_STR_SIZE in util.h: the longest accepted text is 20 characters ("-9223372036854775808").
const LONG_STR_SIZE = 21;

/** The value of a Redis integer argument, or null when Redis would reply "not an integer". */
export function parseLongLong(text: Uint8Array): bigint | null {
  const length = text.length;
  if (length === 0 || length >= LONG_STR_SIZE) return null;
  if (length === 1 && text[0] === 0x30) return 0n;
  let position = 0;
  const negative = text[0] === 0x2d;
  if (negative) {
    position = 1;
    if (length === 1) return null;
  }
  // The first digit must be 1-9: "0" alone was handled above, so "01" and "-0" are refused.
  if (text[position] < 0x31 || text[position] > 0x39) return null;
  let digits = '';
  for (; position < length; position++) {
    const byte = text[position];
    if (byte < 0x30 || byte > 0x39) return null;
    digits += String.fromCharCode(byte);
  }
  const value = negative ? -BigInt(digits) : BigInt(digits);
  return value > LLONG_MAX || value < LLONG_MIN ? null : value;
}

/** A bigint as a plain number when it is exactly representable, so hot paths stay on numbers. */
export function compactInteger(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}
