// Parses a Gunicorn bind string: HOST:PORT, [IPv6]:PORT, or HOST alone (port 8000);
// unix: and fd:// binds exist in Gunicorn but the course arbiter listens on TCP only.
// https://docs.gunicorn.org/en/20.1.0/settings.html#bind
import type { Listener } from './connection-dispatcher.ts';

export class BindError extends Error {}

export function parseBind(bind: string): Listener {
  if (bind.startsWith('unix:') || bind.startsWith('fd://')) {
    throw new BindError(`bind '${bind}' is valid in Gunicorn but not supported by the course arbiter, which listens on TCP: use HOST:PORT such as 127.0.0.1:8000.`);
  }
  const m = /^(?:\[([^\]]+)\]|([^:]*))(?::(\d+))?$/.exec(bind);
  const host = m?.[1] ?? m?.[2];
  const port = m?.[3] === undefined ? 8000 : Number(m[3]);
  if (!m || !host || port > 65535) throw new BindError(`'${bind}' is not a valid address: expected HOST:PORT such as 127.0.0.1:8000.`);
  return { host, port };
}

/** How Gunicorn prints a listener in "Listening at:": http://host:port. */
export function listenerUrl(listener: Listener): string {
  return `http://${listener.host.includes(':') ? `[${listener.host}]` : listener.host}:${listener.port}`;
}

/** How Python prints the address tuple in bind errors: ('127.0.0.1', 8000). */
export function addressTuple(listener: Listener): string {
  return `('${listener.host}', ${listener.port})`;
}
