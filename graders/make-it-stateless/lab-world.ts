// What one run of the make-it-stateless grader sets up before the first check: the cache the
// instances share, and the three instances of the learner's server with the course proxy in
// front of them on PORT, all owned by the grader and stopped when the run ends. The proxy and
// the instances start in the first check, so that a crash there is the learner's to read.
import manifestJson from '../../labs/make-it-stateless/manifest.json' with { type: 'json' };
import { startCourseProxy, type RunningProxy } from '../../labs/make-it-stateless/services/course-proxy.ts';
import { GraderCache } from '../kit/redis/grader-cache.ts';
import { freeServicePort, listenOnServicePort } from '../kit/process/service-port.ts';
import type { PrepareContext } from '../kit/define-grader.ts';
import { parseManifest } from '../kit/manifest-file.ts';
import type { SeededRandom } from '../kit/seeded-random.ts';
import { AppInstances } from './app-instances.ts';

/** The numbers the checks and the instructions share. */
export const labSettings = {
  /**
   * SESSION_TTL_SECONDS: short, so the expiry check takes a few seconds, yet long enough that a
   * slow program on a loaded machine keeps its sessions between two requests of a check.
   */
  sessionTtlSeconds: 3,
  instanceCount: 3,
} as const;

export interface LabWorld {
  cache: GraderCache;
  instances: AppInstances;
  /** Set once starts-and-listens has started it. */
  proxy: RunningProxy | undefined;
  /** Starts the instances, then the proxy on PORT; resolves with how long that took. */
  start(signal: AbortSignal): Promise<number>;
  /** A user name no earlier check logged in with. */
  newUser(): string;
}

const names = ['ada', 'grace', 'linus', 'barbara', 'edsger', 'margaret', 'ken', 'radia', 'donald', 'frances', 'tim', 'sophie'];

/** Three ports below the ephemeral range, distinct from PORT and from each other. */
async function instancePorts(proxyPort: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < labSettings.instanceCount) {
    const port = await freeServicePort(proxyPort);
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

function userNames(random: SeededRandom): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = `${random.pick(names)}-${random.int(100, 999)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

export async function buildLabWorld({ dir, host, port, random, teardown, emit }: PrepareContext): Promise<LabWorld> {
  const log = (label: string) => (line: string) => emit({ type: 'output', label, line, stream: 'stderr' });
  const cache = await listenOnServicePort((at) => GraderCache.start(at, log('cache')), port);
  teardown.add('stop the cache', () => cache.stop());
  const instances = new AppInstances({
    manifest: parseManifest(manifestJson, 'labs/make-it-stateless/manifest.json'),
    dir,
    host,
    ports: await instancePorts(port),
    env: { CACHE_URL: cache.url, SESSION_TTL_SECONDS: String(labSettings.sessionTtlSeconds) },
    emit,
    teardown,
  });
  const world: LabWorld = {
    cache,
    instances,
    proxy: undefined,
    newUser: userNames(random),
    async start(signal) {
      const took = await instances.startAll(signal);
      const proxy = await startCourseProxy({ host, port, instances: instances.addresses, accessLog: false }, { stdout: log('proxy'), stderr: log('proxy') });
      teardown.add('stop the proxy', () => proxy.close());
      world.proxy = proxy;
      return took;
    },
  };
  return world;
}
