// Server commands: FLUSHALL, DBSIZE, INFO (redis/src/db.c, redis/src/server.c).
import { OK, SYNTAX_ERROR, bulkText, integer } from '../resp.ts';
import { renderInfo } from './info.ts';
import type { Command } from './types.ts';

// getFlushCommandFlags() in db.c: no argument, SYNC or ASYNC; this store always flushes at once.
// https://redis.io/docs/latest/commands/flushall/
const flushall: Command = {
  name: 'flushall',
  arity: -1,
  run(args, { store }) {
    if (args.length > 2) return SYNTAX_ERROR;
    if (args.length === 2 && !['sync', 'async'].includes(args[1].toString('latin1').toLowerCase())) return SYNTAX_ERROR;
    store.flush();
    return OK;
  },
};

// Like Redis, counts keys that have expired but were not reclaimed yet.
const dbsize: Command = {
  name: 'dbsize',
  arity: 1,
  run(_args, { store }) {
    return integer(store.size);
  },
};

const info: Command = {
  name: 'info',
  arity: -1,
  run(args, context) {
    return bulkText(renderInfo(args.slice(1).map((arg) => arg.toString('latin1')), context));
  },
};

export const serverCommands: Command[] = [flushall, dbsize, info];
