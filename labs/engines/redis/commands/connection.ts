// Connection commands: PING and ECHO (redis/src/server.c), and the two "commands" Redis
// registers only to drop HTTP requests sent to its port.
import { PONG, bulk, errorReply } from '../resp.ts';
import type { Command } from './types.ts';

// PING's arity is -1 in the command table, but pingCommand() itself refuses more than one
// argument with the usual arity error. https://redis.io/docs/latest/commands/ping/
const ping: Command = {
  name: 'ping',
  arity: -1,
  run(args) {
    if (args.length > 2) return errorReply("ERR wrong number of arguments for 'ping' command");
    return args.length === 2 ? bulk(args[1]) : PONG;
  },
};

const echo: Command = {
  name: 'echo',
  arity: 2,
  run(args) {
    return bulk(args[1]);
  },
};

// A browser or curl pointed at the cache sends "POST /path HTTP/1.1" or a "Host:" header line,
// which arrive as inline commands. Redis closes such connections without a reply, to stop
// cross-protocol attacks from web pages (securityWarningCommand() in redis/src/server.c).
function httpGuard(name: string): Command {
  return {
    name,
    arity: -1,
    run(_args, context) {
      context.abort('closed a connection that sent an HTTP request (a POST or Host: line), as Redis does; is a web client pointed at the cache port?');
      return null;
    },
  };
}

export const connectionCommands: Command[] = [ping, echo, httpGuard('post'), httpGuard('host:')];
