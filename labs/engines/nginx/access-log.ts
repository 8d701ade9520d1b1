// Access log lines (src/http/modules/ngx_http_log_module.c): the "combined" format unless
// log_format says otherwise; an empty or missing variable is written as "-", and bytes that
// are not printable ASCII, '"' and '\' are written as \xHH (escape=default).
import { appendFileSync } from 'node:fs';
import { combinedFormat, type AccessLog } from './directives-log.ts';
import type { HttpRequest } from './request.ts';
import { renderTemplate } from './template.ts';
import { lookupVariable } from './variables.ts';

export interface AccessLogWriter {
  log(r: HttpRequest): void;
}

function escapeValue(v: string): string {
  return v.replace(/[\x00-\x1f\x7f-\xff"\\]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function formatLogLine(r: HttpRequest, log: Exclude<AccessLog, 'off'>): string {
  return renderTemplate(log.format, (name) => {
    const v = lookupVariable(r, name);
    return v === undefined || v === '' ? '-' : escapeValue(v);
  }, r.captures);
}

/** Writes to the files the request's access_log names; with no access_log at all, to stdout. */
export function createAccessLogWriter(stdout: (line: string) => void): AccessLogWriter {
  return {
    log(r) {
      const setting = r.conf?.get<AccessLog[] | 'off'>('access_log');
      if (setting === 'off') return;
      if (!setting) {
        stdout(formatLogLine(r, { path: '-', format: combinedFormat }));
        return;
      }
      for (const log of setting) {
        if (log === 'off') continue;
        const line = formatLogLine(r, log);
        if (log.path === '/dev/stdout') stdout(line);
        else {
          try {
            appendFileSync(log.path, `${line}\n`);
          } catch {
            // nginx would have failed to start; a log directory removed later must not stop serving.
          }
        }
      }
    },
  };
}
