// The lab's start command, `node launch.mjs` (this file, bundled by scripts/bundle.ts and
// provided read-only to the work folder through the manifest's files.provided). It makes Run a
// working setup: when nothing listens on the app instances' ports yet (PORT + 1 and PORT + 2,
// so 8081 and 8082 for the lab's 8080), it starts the practice apps there, as
// `node practice-apps.mjs` would; then it runs the course proxy on the learner's file exactly as
// one would by hand, `node course-nginx.mjs -p ./ -c nginx.conf`, and stops the apps when the
// proxy stops. The checks start their own app instances before the program, so under Check it
// finds those ports taken and starts the proxy alone. nginx.conf stays plain nginx: nothing
// here reads or changes it.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

const host = '127.0.0.1';
const proxyPort = Number(process.env.PORT) || 8080;
const appPorts = [proxyPort + 1, proxyPort + 2];
const say = (line: string) => console.log(`[launch] ${line}`);

/** Whether a program already accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const helpers: ChildProcess[] = [];
const taken = await Promise.all(appPorts.map(listening));
const where = (ports: number[]) => ports.map((port) => `${host}:${port}`).join(' and ');
if (taken.every(Boolean)) {
  say(`app instances already listen on ${where(appPorts)}; the proxy will use those`);
} else if (taken.some(Boolean)) {
  const busy = appPorts.filter((_, i) => taken[i]);
  const free = appPorts.filter((_, i) => !taken[i]);
  say(`another program listens on ${where(busy)} but nothing on ${where(free)}, so the practice apps are not started; stop that program and press Run again, or start both yourself with node practice-apps.mjs <port> <port>`);
} else {
  say(`starting the practice apps on ${where(appPorts)} (node practice-apps.mjs ${appPorts.join(' ')})`);
  helpers.push(spawn(process.execPath, ['practice-apps.mjs', ...appPorts.map(String)], { stdio: 'inherit' }));
}

const proxyArgs = ['course-nginx.mjs', '-p', './', '-c', 'nginx.conf'];
say(`starting the proxy: node ${proxyArgs.join(' ')}`);
const proxy = spawn(process.execPath, proxyArgs, { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    for (const child of [proxy, ...helpers]) child.kill(signal);
  });
}
proxy.on('exit', (code, signal) => {
  for (const child of helpers) child.kill('SIGTERM');
  process.exitCode = code ?? (signal ? 1 : 0);
});
