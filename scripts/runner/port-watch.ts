// Notices when the learner's program starts or stops accepting connections on its port, by
// trying to connect to it: the runner cannot see inside the program, and this is exactly what
// a browser or the grader would experience.
import { connect, createServer } from 'node:net';

// Refused connections on loopback fail at once, so polling often while closed is cheap.
const closedPollMs = 25;
const openPollMs = 500;

export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 250): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The lab's port if nothing on this computer uses it, else a free one the system picks. */
export function choosePort(preferred: number, host = '127.0.0.1'): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, host, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  return tryListen(preferred).then(async (port) => port ?? (await tryListen(0)) ?? preferred);
}

export class PortWatch {
  readonly #port: number;
  readonly #onChange: (open: boolean) => void;
  #open = false;
  #stopped = false;

  constructor(port: number, onChange: (open: boolean) => void) {
    this.#port = port;
    this.#onChange = onChange;
    void this.#loop();
  }

  get open(): boolean {
    return this.#open;
  }

  /** Stops watching; reports the port closed if it was open. */
  stop(): void {
    this.#stopped = true;
    if (this.#open) {
      this.#open = false;
      this.#onChange(false);
    }
  }

  async #loop(): Promise<void> {
    while (!this.#stopped) {
      const open = await canConnect(this.#port);
      if (this.#stopped) return;
      if (open !== this.#open) {
        this.#open = open;
        this.#onChange(open);
      }
      await new Promise((resolve) => setTimeout(resolve, open ? openPollMs : closedPollMs));
    }
  }
}
