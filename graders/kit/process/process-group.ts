// Signals and reaps whole process groups. A learner program is started as the leader of its
// own group (spawn with `detached`), so `kill(-pgid)` also reaches anything it spawned:
// `npm start` wrappers, shells, workers. See kill(2) on negative pids.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const liveGroups = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last line of defence: if the grader itself dies without tearing down, take the learner's
  // processes with it. 'exit' handlers must be synchronous, and kill() is.
  process.on('exit', () => {
    for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
  });
}

export function trackGroup(pgid: number): void {
  installExitHook();
  liveGroups.add(pgid);
}

export function untrackGroup(pgid: number): void {
  liveGroups.delete(pgid);
}

/** Sends a signal to every process of the group; returns false when the group is already gone. */
export function signalGroup(pgid: number, signal: 'SIGTERM' | 'SIGKILL'): boolean {
  if (process.platform === 'win32') {
    // Windows has no process groups or POSIX signals; taskkill /T ends the whole tree.
    const args = ['/pid', String(pgid), '/T', ...(signal === 'SIGKILL' ? ['/F'] : [])];
    return spawnSync('taskkill', args, { stdio: 'ignore' }).status === 0;
  }
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // Sandboxes without process groups (WebContainer) reject negative pids: signal the leader.
    try {
      process.kill(pgid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

/** Linux: members of the group that can still run (zombies are dead, only not yet reaped). */
function liveMembersFromProc(pgid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let live = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') live += 1;
    } catch {
      // The process ended while we looked.
    }
  }
  return live;
}

export function groupAlive(pgid: number): boolean {
  if (process.platform === 'linux') {
    const live = liveMembersFromProc(pgid);
    if (live !== undefined) return live > 0;
  }
  try {
    process.kill(process.platform === 'win32' ? pgid : -pgid, 0);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return false;
    if (code === 'EPERM') return true;
    try {
      process.kill(pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitGone(pgid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() >= until) return false;
    await sleep(20);
  }
  return true;
}

/**
 * TERM, a grace period, then KILL for whatever is left. Resolves once the group is gone or,
 * after KILL, once the kernel had a moment: killed processes that nobody reaps yet (zombies)
 * still count as group members but can no longer run.
 */
export async function stopGroup(pgid: number, graceMs: number): Promise<'terminated' | 'killed' | 'gone'> {
  try {
    if (!signalGroup(pgid, 'SIGTERM')) return 'gone';
    if (await waitGone(pgid, graceMs)) return 'terminated';
    signalGroup(pgid, 'SIGKILL');
    await waitGone(pgid, 1000);
    return 'killed';
  } finally {
    untrackGroup(pgid);
  }
}
