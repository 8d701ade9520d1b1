// Commands on keys of any type: DEL, EXISTS, EXPIRE, PEXPIRE, TTL, PTTL
// (redis/src/db.c and redis/src/expire.c).
import { ONE, ZERO, errorReply, integer } from '../resp.ts';
import { keyOf } from '../store.ts';
import { expireCommandExpiry, type TimeUnit } from './expire-time.ts';
import type { Command } from './types.ts';

const del: Command = {
  name: 'del',
  arity: -2,
  run(args, { store, now }) {
    let deleted = 0;
    for (let i = 1; i < args.length; i++) {
      const key = keyOf(args[i]);
      // An expired key is removed by the lookup first, so it does not count as deleted.
      if (store.lookup(key, now) !== undefined && store.delete(key)) deleted++;
    }
    return integer(deleted);
  },
};

// A key named twice is counted twice: https://redis.io/docs/latest/commands/exists/
const exists: Command = {
  name: 'exists',
  arity: -2,
  run(args, { store, now }) {
    let found = 0;
    for (let i = 1; i < args.length; i++) if (store.read(keyOf(args[i]), now) !== undefined) found++;
    return integer(found);
  },
};

interface ExpireFlags { nx: boolean; xx: boolean; gt: boolean; lt: boolean }

// parseExtendedExpireArgumentsOrReply() in expire.c: the options of Redis 7.0's EXPIRE.
function parseExpireFlags(args: Buffer[]): ExpireFlags | Buffer {
  const flags: ExpireFlags = { nx: false, xx: false, gt: false, lt: false };
  for (let i = 3; i < args.length; i++) {
    const word = args[i].toString('latin1');
    const flag = word.toLowerCase();
    if (flag === 'nx' || flag === 'xx' || flag === 'gt' || flag === 'lt') flags[flag] = true;
    else return errorReply(`ERR Unsupported option ${cString(word)}`);
  }
  if (flags.nx && (flags.xx || flags.gt || flags.lt)) {
    return errorReply('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (flags.gt && flags.lt) return errorReply('ERR GT and LT options at the same time are not compatible');
  return flags;
}

// Redis formats the option with %s, which stops at a NUL byte.
function cString(text: string): string {
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}

// https://redis.io/docs/latest/commands/expire/ — expireGenericCommand() in expire.c.
function expireCommand(name: string, unit: TimeUnit): Command {
  return {
    name,
    arity: -3,
    run(args, { store, now }) {
      const flags = parseExpireFlags(args);
      if (Buffer.isBuffer(flags)) return flags;
      const when = expireCommandExpiry(args[2], unit, now, name);
      if (Buffer.isBuffer(when)) return when;
      const key = keyOf(args[1]);
      if (store.lookup(key, now) === undefined) return ZERO;
      const current = store.expiryOf(key);
      const persistent = current === -1;
      if (flags.nx && !persistent) return ZERO;
      if (flags.xx && persistent) return ZERO;
      if (flags.gt && (persistent || when <= current)) return ZERO;
      if (flags.lt && !persistent && when >= current) return ZERO;
      // A time already in the past deletes the key (checkAlreadyExpired: when <= now).
      if (when <= now) store.delete(key);
      else store.setExpiry(key, when);
      return ONE;
    },
  };
}

// https://redis.io/docs/latest/commands/ttl/ — ttlGenericCommand() in expire.c: -2 for a
// missing key, -1 for a key without TTL; TTL rounds the milliseconds left to the nearest second.
function ttlCommand(name: string, unit: TimeUnit): Command {
  return {
    name,
    arity: 2,
    run(args, { store, now }) {
      const key = keyOf(args[1]);
      if (store.read(key, now) === undefined) return integer(-2);
      const at = store.expiryOf(key);
      if (at === -1) return integer(-1);
      const left = typeof at === 'bigint' ? at - BigInt(now) : at - now;
      if (left <= 0) return ZERO;
      if (unit === 'milliseconds') return integer(left);
      return integer(typeof left === 'bigint' ? (left + 500n) / 1000n : Math.floor((left + 500) / 1000));
    },
  };
}

export const genericCommands: Command[] = [
  del,
  exists,
  expireCommand('expire', 'seconds'),
  expireCommand('pexpire', 'milliseconds'),
  ttlCommand('ttl', 'seconds'),
  ttlCommand('pttl', 'milliseconds'),
];
