// Reads the arbiter's log (Gunicorn 20.1's error log format, on stderr) for what the checks
// need: which workers booted, which were killed for silence, which recycled themselves, and
// the course machine's out-of-memory line. Line formats: labs/engines/workers/README.md.
const logLine = /^\[[^\]]+\] \[(\d+)\] \[([A-Z]+)\] (.*)$/;

export interface LogEntry {
  pid: number;
  level: string;
  message: string;
}

export function parseLogLine(line: string): LogEntry | undefined {
  const match = logLine.exec(line.trim());
  if (!match) return undefined;
  return { pid: Number(match[1]), level: match[2] as string, message: match[3] as string };
}

export class ArbiterLog {
  readonly lines: readonly string[];
  private readonly entries: LogEntry[];

  constructor(lines: readonly string[]) {
    this.lines = lines;
    this.entries = lines.flatMap((line) => parseLogLine(line) ?? []);
  }

  /** The log from line `from` on, e.g. what a check's own actions caused. */
  since(from: number): ArbiterLog {
    return new ArbiterLog(this.lines.slice(from));
  }

  bootedPids(): number[] {
    return this.entries.flatMap((entry) => {
      const match = /^Booting worker with pid: (\d+)/.exec(entry.message);
      return match ? [Number(match[1])] : [];
    });
  }

  /** Pids named in `WORKER TIMEOUT (pid:N)`. */
  timedOutPids(): number[] {
    return this.entries.flatMap((entry) => {
      const match = /WORKER TIMEOUT \(pid:(\d+)\)/.exec(entry.message);
      return match ? [Number(match[1])] : [];
    });
  }

  /** Pids of workers that logged `Autorestarting worker after current request.` (max_requests). */
  recycledPids(): number[] {
    return this.entries.filter((entry) => entry.message.startsWith('Autorestarting worker')).map((entry) => entry.pid);
  }

  outOfMemory(): string | undefined {
    return this.lines.find((line) => line.includes('[course-machine] Out of memory'))?.trim();
  }

  /** The lines that match, for a transcript. */
  matching(pattern: RegExp, limit = 6): string[] {
    return this.lines.filter((line) => pattern.test(line)).slice(0, limit);
  }
}
