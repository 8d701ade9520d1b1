// The string commands a cache needs: GET, SET, INCR, MGET (redis/src/t_string.c).
import { LLONG_MAX, parseLongLong } from '../integers.ts';
import { NIL, NOT_AN_INTEGER, OK, SYNTAX_ERROR, array, bulk, errorReply, integer } from '../resp.ts';
import { keyOf, type Millis } from '../store.ts';
import { setOptionExpiry } from './expire-time.ts';
import { EXPIRY_UNITS, parseSetOptions } from './set-options.ts';
import type { Command } from './types.ts';

const get: Command = {
  name: 'get',
  arity: 2,
  run(args, { store, now }) {
    return bulk(store.read(keyOf(args[1]), now) ?? null);
  },
};

// https://redis.io/docs/latest/commands/set/ — setCommand() and setGenericCommand().
const set: Command = {
  name: 'set',
  arity: -3,
  run(args, { store, now }) {
    const options = parseSetOptions(args);
    if (options === null) return SYNTAX_ERROR;
    let expiresAt: Millis | null = null;
    if (options.expiry !== null) {
      const { unit, relative } = EXPIRY_UNITS[options.expiry.option];
      const parsed = setOptionExpiry(options.expiry.value, unit, relative, now);
      if (Buffer.isBuffer(parsed)) return parsed;
      expiresAt = parsed;
    }
    const key = keyOf(args[1]);
    // With GET the reply is the old value, read as GET reads it (it counts a hit or a miss).
    const previous = options.get ? bulk(store.read(key, now) ?? null) : null;
    const found = store.lookup(key, now) !== undefined;
    if ((options.nx && found) || (options.xx && !found)) return previous ?? NIL;
    // Copy the value: the argument is a view into the connection's read buffer.
    store.set(key, Buffer.from(args[2]), options.keepTtl || expiresAt !== null);
    if (expiresAt !== null) store.setExpiry(key, expiresAt);
    return previous ?? OK;
  },
};

// https://redis.io/docs/latest/commands/incr/ — incrDecrCommand(). The new value replaces the
// old one in place, so the key keeps its TTL.
const incr: Command = {
  name: 'incr',
  arity: 2,
  run(args, { store, now }) {
    const key = keyOf(args[1]);
    const stored = store.lookup(key, now);
    const current = stored === undefined ? 0n : parseLongLong(stored);
    if (current === null) return NOT_AN_INTEGER;
    if (current === LLONG_MAX) return errorReply('ERR increment or decrement would overflow');
    const next = current + 1n;
    store.set(key, Buffer.from(next.toString(), 'latin1'), true);
    return integer(next);
  },
};

const mget: Command = {
  name: 'mget',
  arity: -2,
  run(args, { store, now }) {
    const replies: Buffer[] = [];
    for (let i = 1; i < args.length; i++) replies.push(bulk(store.read(keyOf(args[i]), now) ?? null));
    return array(replies);
  },
};

export const stringCommands: Command[] = [get, set, incr, mget];
