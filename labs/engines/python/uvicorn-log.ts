// Log lines in Uvicorn 0.17.6's shape (uvicorn/logging.py DefaultFormatter: the level name and
// a colon padded to nine columns, then the message): "INFO:     Started server process [4243]"
// on stderr; access lines 'INFO:     127.0.0.1:39424 - "GET / HTTP/1.1" 200 OK' on stdout.
import { STATUS_CODES } from 'node:http';

export const uvicornLevels = ['trace', 'debug', 'info', 'warning', 'error', 'critical'] as const;
export type UvicornLevel = (typeof uvicornLevels)[number];

const prefix = (level: UvicornLevel) => `${level.toUpperCase()}:`.padEnd(9);

export class UvicornLog {
  private readonly threshold: number;
  private readonly accessLog: boolean;

  constructor(level: UvicornLevel = 'info', accessLog = true) {
    this.threshold = uvicornLevels.indexOf(level);
    this.accessLog = accessLog;
  }

  log(level: UvicornLevel, message: string): void {
    if (uvicornLevels.indexOf(level) < this.threshold) return;
    const text = message.endsWith('\n') ? message.slice(0, -1) : message;
    process.stderr.write(`${prefix(level)} ${text}\n`);
  }

  info(message: string): void {
    this.log('info', message);
  }

  error(message: string): void {
    this.log('error', message);
  }

  access(client: string, method: string, pathWithQuery: string, httpVersion: string, status: number): void {
    if (!this.accessLog || uvicornLevels.indexOf('info') < this.threshold) return;
    process.stdout.write(`${prefix('info')} ${client} - "${method} ${pathWithQuery} HTTP/${httpVersion}" ${status} ${STATUS_CODES[status] ?? ''}\n`);
  }
}
