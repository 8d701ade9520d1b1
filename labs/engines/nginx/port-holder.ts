// Who listens on a TCP port, so that "address already in use" can say what to stop. On Linux the
// kernel's socket tables (/proc/net/tcp and tcp6, see proc(5)) give the listening socket's inode,
// and the /proc/<pid>/fd links name the process holding it; that is how `ss -ltnp` finds it.
// Elsewhere (macOS, the WebContainer), or for another user's process, the holder stays unknown.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface PortHolder {
  pid: number;
  /** The holder's command line, arguments joined by spaces ("" when unreadable). */
  command: string;
}

/** TCP state 0A is LISTEN (include/net/tcp_states.h). */
const listenState = '0A';

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (fields.length < 10 || fields[3] !== listenState || !local) continue;
      if (parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port && fields[9] !== '0') inodes.add(fields[9]!);
    }
  }
  return inodes;
}

function commandOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

export function findPortHolder(port: number): PortHolder | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const socket = /^socket:\[(\d+)\]$/.exec(target);
      if (socket && inodes.has(socket[1]!)) return { pid: Number(pid), command: commandOf(pid) };
    }
  }
  return undefined;
}

/** The lab programs a learner may have left running (Run, `npm run lab -- start`, a terminal). */
const labProgram = /\b(launch\.mjs|course-nginx(\.mjs)?|practice-apps\.mjs|cli\.ts)\b/;

/**
 * "port 8080 is taken by pid 1234 (node launch.mjs), ... Stop it ..." — what holds the port and
 * what to do, for a person reading an error.
 */
export function describePortHolder(port: number): string {
  const holder = findPortHolder(port);
  if (!holder) {
    return `port ${port} is taken by another program: often a lab program still running from Run or \`npm run lab -- start\`, otherwise \`ss -ltnp 'sport = :${port}'\` or \`lsof -i :${port}\` shows which. Stop it (Stop in the course, Ctrl+C in its terminal) and try again.`;
  }
  const command = holder.command.length > 120 ? `${holder.command.slice(0, 117)}...` : holder.command;
  const own = labProgram.test(holder.command) ? ', a lab program still running from Run or `npm run lab -- start`' : '';
  return `port ${port} is taken by pid ${holder.pid}${command ? ` (${command})` : ''}${own}. Stop it (Stop in the course, Ctrl+C in its terminal, or \`kill ${holder.pid}\`) and try again.`;
}
