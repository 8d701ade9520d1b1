// Gunicorn's error-log line: `%(asctime)s [%(process)d] [%(levelname)s] %(message)s` with
// datefmt `[%Y-%m-%d %H:%M:%S %z]` (gunicorn/glogging.py, Logger.error_fmt and datefmt).
// The course always prints UTC, so the zone is +0000.

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatTimestamp(date: Date): string {
  return `[${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000]`;
}

export function formatLogLine(pid: number, level: LogLevel, message: string, date: Date = new Date()): string {
  return `${formatTimestamp(date)} [${pid}] [${level}] ${message}`;
}

/** Writes one line to stderr, where Gunicorn's default `errorlog = '-'` sends it. */
export function log(level: LogLevel, message: string): void {
  process.stderr.write(`${formatLogLine(process.pid, level, message)}\n`);
}

/** The course's own lines (the modelled box, out of memory) are marked so nobody mistakes them for Gunicorn's. */
export function machineLine(message: string): void {
  process.stderr.write(`[course-machine] ${message}\n`);
}
