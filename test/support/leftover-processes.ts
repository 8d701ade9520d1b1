// Finds processes a grader run left behind, independently of the grader's own bookkeeping:
// on Linux every live process whose working folder is inside the program's folder or whose
// process group is one the run started; elsewhere, the process groups only.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';

function procState(pid: string): { state: string; pgrp: number; comm: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', pgrp: Number(fields[2]), comm };
  } catch {
    return undefined;
  }
}

export function leftoverProcesses(dir: string, groups: readonly number[] = []): string[] {
  if (!existsSync('/proc/self/stat')) {
    return groups.filter((pgid) => {
      try {
        process.kill(-pgid, 0);
        return true;
      } catch {
        return false;
      }
    }).map((pgid) => `process group ${pgid}`);
  }
  const root = realpathSync(dir);
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const info = procState(pid);
    // Zombies have exited; they only wait for their parent to collect the exit status.
    if (!info || info.state === 'Z' || info.state === 'X') continue;
    let cwd = '';
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      // Not ours to inspect, or already gone.
    }
    const inFolder = cwd === root || cwd.startsWith(root + sep);
    if (inFolder || groups.includes(info.pgrp)) found.push(`pid ${pid} (${info.comm}) in ${cwd || 'unknown folder'}`);
  }
  return found;
}
