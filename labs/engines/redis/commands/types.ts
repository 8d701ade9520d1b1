// What a command implementation receives and returns.
import type { KeyStore } from '../store.ts';

/** Counters INFO reports, kept by the server and its connections. */
export interface ServerStats {
  connectedClients: number;
  totalConnections: number;
  commandsProcessed: number;
  errorReplies: number;
  netInputBytes: number;
  netOutputBytes: number;
}

/** Facts about the running server, for INFO. */
export interface ServerState {
  readonly port: number;
  readonly startedAt: number;
  readonly runId: string;
  readonly stats: ServerStats;
}

export interface CommandContext {
  readonly store: KeyStore;
  readonly server: ServerState;
  /** The time of this command in Unix milliseconds, read once per command as Redis does. */
  now: number;
  /** Close the connection once this command's reply is sent (QUIT). */
  closeAfterReply(): void;
  /** Close the connection at once, dropping replies not yet sent. */
  abort(reason: string): void;
}

export interface Command {
  /** The lowercase name Redis prints in errors ("wrong number of arguments for 'get' command"). */
  readonly name: string;
  /**
   * Redis's arity, counting the command name: positive means exactly that many arguments,
   * negative means at least that many (the command table in redis/src/commands.c).
   */
  readonly arity: number;
  /** The encoded reply, or null when the connection was aborted and nothing is sent. */
  run(args: Buffer[], context: CommandContext): Buffer | null;
}
