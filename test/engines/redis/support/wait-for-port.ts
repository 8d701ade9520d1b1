// Polls a loopback port until something accepts connections, with a deadline.
import net from 'node:net';

function tryConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once the port accepts; rejects at the deadline or when `exited` settles first. */
export async function waitForPort(port: number, timeoutMs: number, exited?: Promise<void>): Promise<void> {
  let gone = false;
  void exited?.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error('the process exited before it listened');
    if (await tryConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listened within ${timeoutMs} ms`);
}
