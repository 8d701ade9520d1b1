// Draws a LoadBalancerSimulation snapshot into the simulator's markup: each server's state,
// load bar, counts and recent checks, the strip of recent picks, and the clock.
import type { LbEvent, LoadBalancerSimulation } from './simulation.ts';

export function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function healthText(running: boolean, inRotation: boolean, streak: number): string {
  if (inRotation) return running ? (streak > 0 ? `in rotation, ${streak} failed check${streak > 1 ? 's' : ''}` : 'in rotation') : 'stopped, still in rotation';
  return running ? `out of rotation, ${streak} passed check${streak === 1 ? '' : 's'}` : 'stopped, out of rotation';
}

export function renderSimulation(root: HTMLElement, sim: LoadBalancerSimulation): void {
  const mostActive = Math.max(10, ...sim.peers.map((peer) => peer.active));
  sim.servers.forEach((server, index) => {
    const card = root.querySelector<HTMLElement>(`[data-server="${index}"]`);
    if (!card) return;
    card.dataset.health = server.inRotation ? 'in' : 'out';
    const set = (selector: string, text: string) => {
      const element = card.querySelector(selector);
      if (element && element.textContent !== text) element.textContent = text;
    };
    set('[data-state]', healthText(server.running, server.inRotation, server.streak));
    const active = sim.peers[index]!.active;
    set('[data-load]', `${active} in progress, ${server.received} received, ${server.failed} failed`);
    set('[data-checks]', server.checks.length === 0 ? 'Checks: none yet' : `Checks: ${server.checks.map((passed) => (passed ? 'pass' : 'fail')).join(' ')}`);
    set('[data-toggle]', `${server.running ? 'Stop' : 'Start'} server ${server.name}`);
    const bar = card.querySelector<HTMLElement>('.lb-bar > span');
    if (bar) bar.style.width = `${Math.round((100 * active) / mostActive)}%`;
  });
  const clockText = root.querySelector('[data-clock]');
  if (clockText) clockText.textContent = `Time ${clock(sim.time)}${sim.noServer > 0 ? `, ${sim.noServer} answered 503 (no server)` : ''}`;
  root.querySelector('[data-recent]')?.replaceChildren(
    ...(sim.recent.length === 0
      ? [document.createTextNode('none yet')]
      : sim.recent.map((pick) => {
          const span = document.createElement('span');
          span.className = pick.failed ? 'lb-pick lb-pick-failed' : 'lb-pick';
          span.textContent = pick.server === -1 ? '503' : sim.servers[pick.server]!.name;
          if (pick.failed && pick.server !== -1) span.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ' failed' }));
          return span;
        })),
  );
}

/** Adds events to the top of the log, keeping the newest eight. */
export function logEvents(root: HTMLElement, events: LbEvent[]): void {
  const log = root.querySelector('[data-log]');
  if (!log) return;
  for (const event of events) {
    const item = document.createElement('li');
    item.textContent = `${clock(event.time)} ${event.text}`;
    log.prepend(item);
  }
  while (log.children.length > 8) log.lastElementChild?.remove();
}
