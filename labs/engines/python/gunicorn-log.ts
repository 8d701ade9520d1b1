// Log lines in Gunicorn 20.1's shapes (gunicorn/glogging.py): the error log
// "[2026-11-22 08:19:24 +0000] [4242] [INFO] message" on stderr, and with --access-logfile -
// the default access format '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"' on stdout.

export const gunicornLevels = ['debug', 'info', 'warning', 'error', 'critical'] as const;
export type GunicornLevel = (typeof gunicornLevels)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "+0000": the offset of local time, as strftime's %z prints it. */
function offset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

export class GunicornLog {
  private readonly threshold: number;
  private readonly accessLog: boolean;

  constructor(level: GunicornLevel = 'info', accessLog = false) {
    this.threshold = gunicornLevels.indexOf(level);
    this.accessLog = accessLog;
  }

  log(level: GunicornLevel, message: string): void {
    if (gunicornLevels.indexOf(level) < this.threshold) return;
    const d = new Date();
    const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${offset(d)}`;
    const text = message.endsWith('\n') ? message.slice(0, -1) : message;
    process.stderr.write(`[${stamp}] [${process.pid}] [${level.toUpperCase()}] ${text}\n`);
  }

  info(message: string): void {
    this.log('info', message);
  }

  error(message: string): void {
    this.log('error', message);
  }

  access(entry: { remoteAddr: string; requestLine: string; status: number; sent: number; referer?: string; userAgent?: string }): void {
    if (!this.accessLog) return;
    const d = new Date();
    const time = `[${pad(d.getDate())}/${months[d.getMonth()]}/${d.getFullYear()}:${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${offset(d)}]`;
    const bytes = entry.sent > 0 ? String(entry.sent) : '-';
    process.stdout.write(`${entry.remoteAddr} - - ${time} "${entry.requestLine}" ${entry.status} ${bytes} "${entry.referer ?? '-'}" "${entry.userAgent ?? '-'}"\n`);
  }
}
