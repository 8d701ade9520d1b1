// The command table and the checks Redis makes before running a command: QUIT, unknown
// command, arity (processCommand() and commandCheckExistence() in redis/src/server.c, 7.0).
import { OK, errorReply } from '../resp.ts';
import { connectionCommands } from './connection.ts';
import { genericCommands } from './generic.ts';
import { serverCommands } from './server.ts';
import { stringCommands } from './string.ts';
import type { Command, CommandContext } from './types.ts';

export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [...connectionCommands, ...stringCommands, ...genericCommands, ...serverCommands].map((command) => [command.name, command]),
);

// Redis prints arguments with "%.*s", which stops at a NUL byte; latin1 keeps bytes as they are.
function cString(bytes: Buffer, limit: number): string {
  const nul = bytes.indexOf(0);
  return bytes.toString('latin1', 0, Math.min(nul === -1 ? bytes.length : nul, limit));
}

/**
 * "ERR unknown command 'foo', with args beginning with: 'a' 'b' ": the name cut at 128 bytes,
 * then quoted arguments while the list is shorter than 128 bytes, each cut to what is left.
 */
export function unknownCommandError(args: Buffer[]): Buffer {
  let listed = '';
  for (let i = 1; i < args.length && listed.length < 128; i++) listed += `'${cString(args[i], 128 - listed.length)}' `;
  return errorReply(`ERR unknown command '${cString(args[0], 128)}', with args beginning with: ${listed}`);
}

/** Runs one command; null means the connection was aborted and gets no reply. */
export function execute(args: Buffer[], context: CommandContext): Buffer | null {
  const name = args[0].toString('latin1').toLowerCase();
  // Redis 7.0 answers QUIT before looking anything up, whatever its arguments.
  if (name === 'quit') {
    context.closeAfterReply();
    return OK;
  }
  const command = COMMANDS.get(name);
  if (command === undefined) return unknownCommandError(args);
  if ((command.arity > 0 && args.length !== command.arity) || args.length < -command.arity) {
    return errorReply(`ERR wrong number of arguments for '${command.name}' command`);
  }
  context.server.stats.commandsProcessed++;
  return command.run(args, context);
}
