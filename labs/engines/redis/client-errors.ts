// The errors the cache client rejects with. Each says what failed, where, and what it means
// for the caller, and carries a stable `code` so application code can branch on it.

export type CacheErrorCode =
  | 'CACHE_UNREACHABLE'
  | 'CACHE_CONNECTION_LOST'
  | 'CACHE_TIMEOUT'
  | 'CACHE_CLIENT_CLOSED'
  | 'CACHE_ALREADY_OPEN'
  | 'CACHE_PROTOCOL';

export class CacheError extends Error {
  readonly code: CacheErrorCode;
  constructor(code: CacheErrorCode, message: string) {
    super(message);
    this.name = 'CacheError';
    this.code = code;
  }
}

const SOCKET_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

/** A socket error as a short phrase: "connection refused" rather than "connect ECONNREFUSED". */
export function describeSocketError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && SOCKET_PROBLEMS[code]) || error.message;
}

export function unreachable(address: string, reason: string): CacheError {
  return new CacheError('CACHE_UNREACHABLE', `cache unreachable at ${address}: ${reason}`);
}

export function connectionLost(address: string, reason: string): CacheError {
  return new CacheError(
    'CACHE_CONNECTION_LOST',
    `cache connection to ${address} lost: ${reason} (a command in flight may or may not have run)`,
  );
}

export function commandTimedOut(command: string, milliseconds: number, address: string): CacheError {
  return new CacheError(
    'CACHE_TIMEOUT',
    `cache command ${command} timed out after ${milliseconds} ms at ${address} (the commandTimeout option of createClient)`,
  );
}

export function clientClosed(): CacheError {
  return new CacheError('CACHE_CLIENT_CLOSED', 'the cache client is closed: call await client.connect() before sending commands');
}
