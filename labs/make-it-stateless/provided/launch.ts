// The lab's start command, `node launch.mjs` (this file, bundled by scripts/bundle.ts and
// provided to the work folder through the manifest's files.provided).
// - With CACHE_URL set, as the checks start each instance, it only loads the learner's
//   server.js: one instance, on PORT.
// - Without, as with Run in the course or `npm run lab -- start make-it-stateless`, it starts
//   the whole practice setup (services/practice-cluster.ts): a cache, three instances of
//   server.js on PORT + 1 to PORT + 3 and the course proxy on PORT in front of them.
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { practiceInstanceVariable, startPracticeCluster } from '../services/practice-cluster.ts';

const say = (line: string) => console.log(`[launch] ${line}`);

if (process.env.CACHE_URL) {
  if (process.env[practiceInstanceVariable]) {
    // Started by the practice launcher: end with it, even when it was killed without a word.
    process.stdin.once('end', () => process.exit(0));
    process.stdin.resume();
  }
  // A computed specifier, so the bundler leaves the learner's file out of the bundle.
  await import(new URL('./server.js', import.meta.url).href);
} else {
  const launcher = fileURLToPath(import.meta.url);
  const stop = await startPracticeCluster({
    host: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    sessionTtlSeconds: Number(process.env.SESSION_TTL_SECONDS ?? 120),
    launcher,
    cwd: dirname(launcher),
    say,
  });
  const shutDown = () => {
    say('stopping the proxy, the instances and the cache');
    stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}
