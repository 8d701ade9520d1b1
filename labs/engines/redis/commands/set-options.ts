// SET key value [NX | XX] [GET] [EX s | PX ms | EXAT unix-s | PXAT unix-ms | KEEPTTL]
// Parsed with the acceptance rules of parseExtendedStringArgumentsOrReply() in
// redis/src/t_string.c: each expiry option excludes the others and KEEPTTL, but the same one
// may repeat (the last value wins); NX and XX exclude each other; anything else, including an
// expiry option with no value after it, is "ERR syntax error".
// https://redis.io/docs/latest/commands/set/
import type { TimeUnit } from './expire-time.ts';

export type ExpiryOption = 'EX' | 'PX' | 'EXAT' | 'PXAT';

export interface SetOptions {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  expiry: { option: ExpiryOption; value: Buffer } | null;
}

export const EXPIRY_UNITS: Record<ExpiryOption, { unit: TimeUnit; relative: boolean }> = {
  EX: { unit: 'seconds', relative: true },
  PX: { unit: 'milliseconds', relative: true },
  EXAT: { unit: 'seconds', relative: false },
  PXAT: { unit: 'milliseconds', relative: false },
};

/** SET's options from args[3] on, or null for a syntax error. */
export function parseSetOptions(args: Buffer[]): SetOptions | null {
  const options: SetOptions = { nx: false, xx: false, get: false, keepTtl: false, expiry: null };
  for (let i = 3; i < args.length; i++) {
    const word = args[i].toString('latin1').toUpperCase();
    const next = args[i + 1];
    if (word === 'NX' && !options.xx) {
      options.nx = true;
    } else if (word === 'XX' && !options.nx) {
      options.xx = true;
    } else if (word === 'GET') {
      options.get = true;
    } else if (word === 'KEEPTTL' && options.expiry === null) {
      options.keepTtl = true;
    } else if (isExpiryOption(word) && !options.keepTtl && (options.expiry === null || options.expiry.option === word) && next !== undefined) {
      options.expiry = { option: word, value: next };
      i++;
    } else {
      return null;
    }
  }
  return options;
}

function isExpiryOption(word: string): word is ExpiryOption {
  return Object.hasOwn(EXPIRY_UNITS, word);
}
