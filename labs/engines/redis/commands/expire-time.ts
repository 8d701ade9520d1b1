// Turning a TTL argument into an absolute expiry time, with Redis's range checks and errors.
import { LLONG_MAX, LLONG_MIN, compactInteger, parseLongLong } from '../integers.ts';
import { NOT_AN_INTEGER, errorReply } from '../resp.ts';
import type { Millis } from '../store.ts';

export type TimeUnit = 'seconds' | 'milliseconds';

// addReplyErrorExpireTime() in redis/src/server.c.
function invalidExpireTime(command: string): Buffer {
  return errorReply(`ERR invalid expire time in '${command}' command`);
}

/**
 * The expiry of SET's EX/PX (relative) or EXAT/PXAT (absolute) option: it must be positive,
 * and the absolute time must fit in 64 bits. getExpireMillisecondsOrReply() in t_string.c.
 */
export function setOptionExpiry(argument: Buffer, unit: TimeUnit, relative: boolean, now: number): Millis | Buffer {
  let milliseconds = parseLongLong(argument);
  if (milliseconds === null) return NOT_AN_INTEGER;
  if (milliseconds <= 0n || (unit === 'seconds' && milliseconds > LLONG_MAX / 1000n)) return invalidExpireTime('set');
  if (unit === 'seconds') milliseconds *= 1000n;
  if (relative) milliseconds += BigInt(now);
  // In C the addition wraps to a negative number, which Redis then rejects.
  if (milliseconds > LLONG_MAX) return invalidExpireTime('set');
  return compactInteger(milliseconds);
}

/**
 * The absolute expiry of EXPIRE/PEXPIRE. Negative TTLs are allowed (the key is deleted at
 * once); only overflow is an error. expireGenericCommand() in redis/src/expire.c.
 */
export function expireCommandExpiry(argument: Buffer, unit: TimeUnit, now: number, command: string): Millis | Buffer {
  let when = parseLongLong(argument);
  if (when === null) return NOT_AN_INTEGER;
  if (unit === 'seconds') {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return invalidExpireTime(command);
    when *= 1000n;
  }
  if (when > LLONG_MAX - BigInt(now)) return invalidExpireTime(command);
  return compactInteger(when + BigInt(now));
}
