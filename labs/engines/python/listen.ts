// Opens a listening socket and turns the usual failures into a sentence a learner can act on.
import type { Server } from 'node:http';

const listenProblems: Record<string, string> = {
  EADDRINUSE: 'the port is already in use: stop the other server (an earlier run?) or choose another port',
  EACCES: 'permission denied: ports below 1024 need privileges; choose a port such as 8000',
  EADDRNOTAVAIL: 'that address does not belong to this machine: use 127.0.0.1 or 0.0.0.0',
};

export class ListenError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export function listen(server: Server, host: string, port: number): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      reject(new ListenError(code, listenProblems[code] ?? error.message));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve({ host, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}
