// The ports the learner's nginx.conf listens on, read the way the grader needs them: only to say
// clearly what is wrong when they are not the ports the checks use, or are taken. nginx.conf
// cannot read PORT from the environment, so the proxy's port is whatever `listen` says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canListen, tryConnect } from '../kit/process/port-probe.ts';

/** Ports of the `listen` directives (a bare address means nginx's default, 80); [] when unreadable. */
export function confListenPorts(dir: string): number[] {
  let text: string;
  try {
    text = readFileSync(join(dir, 'nginx.conf'), 'utf8');
  } catch {
    return [];
  }
  const ports = new Set<number>();
  for (const line of text.split('\n')) {
    const code = line.replace(/(^|\s)#.*$/, '');
    for (const m of code.matchAll(/(?:^|[\s;{])listen\s+([^;\s]+)/g)) {
      const address = m[1]!;
      const port = /^\d+$/.test(address) ? address : /:(\d+)$/.exec(address)?.[1];
      ports.add(port === undefined ? 80 : Number(port));
    }
  }
  return [...ports];
}

/** Whether another program holds the port (it refuses our bind, or answers a connection). */
export async function portTaken(host: string, port: number): Promise<boolean> {
  return !(await canListen(host, port)) || (await tryConnect(host, port, 200)).ok;
}
