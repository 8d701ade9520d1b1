// A configuration problem reported the way nginx reports it: "<message> in <file>:<line>"
// (ngx_conf_file.c, ngx_conf_log_error). Messages that nginx prints without a position
// (for example `unknown "foo" variable`, found after parsing) leave file undefined.

export type ConfLevel = 'emerg' | 'warn';

export class ConfError extends Error {
  readonly detail: string;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(detail: string, file?: string, line?: number) {
    super(file === undefined ? detail : line === 0 || line === undefined ? `${detail} in ${file}` : `${detail} in ${file}:${line}`);
    this.name = 'ConfError';
    this.detail = detail;
    this.file = file;
    this.line = line;
  }
}

export interface ConfWarning {
  message: string;
}

/** "nginx: [emerg] unknown directive "x" in /conf/nginx.conf:3", as `nginx -t` prints it. */
export function formatLogLine(level: ConfLevel, message: string): string {
  return `nginx: [${level}] ${message}`;
}
