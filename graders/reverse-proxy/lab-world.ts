// What one run of the reverse-proxy grader sets up before the first check: the two app
// instances the learner's proxy forwards /api/ to. They are the kit's mock upstreams, owned by
// the grader and stopped when the run ends. nginx.conf cannot read the environment, so their
// addresses are fixed relative to the proxy's port: PORT + 1 and PORT + 2 (8081 and 8082 for
// the lab's 8080), as the instructions and the starter's comment say.
import { describePortHolder } from '../../labs/engines/nginx/port-holder.ts';
import type { PrepareContext } from '../kit/define-grader.ts';
import { MockUpstream, type SeenRequest, type UpstreamReply } from '../kit/upstream/mock-upstream.ts';

/** The numbers the checks and the instructions share. */
export const labSettings = {
  /** A 504 must arrive within this bound once both instances stop answering. */
  gatewayTimeoutBoundMs: 10_000,
  /** Static files must stay cacheable at least this long (one day). */
  minimumMaxAgeSeconds: 86_400,
} as const;

export interface LabWorld {
  instances: readonly [MockUpstream, MockUpstream];
  /** Why the app instances could not start (a port in use); the first check reports it. */
  blocked?: string;
}

const productNames = ['Walnut desk lamp', 'Linen notebook', 'Enamel coffee mug', 'Wool desk mat', 'Brass pencil sharpener', 'Canvas tote bag', 'Ceramic plant pot', 'Oak monitor stand'];

/** The app's answer: JSON naming the instance and the request, with a product list long enough to be worth compressing. */
function appReply(name: string) {
  return (seen: SeenRequest): UpstreamReply => {
    const items = productNames.map((productName, index) => ({ id: index + 1, name: productName, price: 10 + index * 7.5, inStock: index % 3 !== 0 }));
    const body = seen.url.startsWith('/api/login') ? { instance: name, path: seen.url, loggedIn: true } : { instance: name, method: seen.method, path: seen.url, items };
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  };
}

export function instancePorts(proxyPort: number): [number, number] {
  return [proxyPort + 1, proxyPort + 2];
}

async function startInstance(name: string, port: number, context: PrepareContext): Promise<MockUpstream> {
  const log = (label: string, line: string) => context.emit({ type: 'output', label, line, stream: 'stderr' });
  return MockUpstream.start({ name, port, reply: appReply(name), log }, context.teardown);
}

export async function buildLabWorld(context: PrepareContext): Promise<LabWorld> {
  const ports = instancePorts(context.port);
  const names = ['app-1', 'app-2'] as const;
  const started: MockUpstream[] = [];
  for (const [index, port] of ports.entries()) {
    try {
      started.push(await startInstance(names[index]!, port, context));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      // Another program answering there would stand in for the app instance, so the checks
      // stop before the first request and say what holds the port.
      const blocked = `The lab's app instance ${names[index]} must listen on port ${port}, where your nginx.conf sends /api/, but ${describePortHolder(port)}`;
      return {
        blocked,
        get instances(): never {
          throw new Error(`the app instances are not running: ${blocked}`);
        },
      };
    }
  }
  return { instances: [started[0]!, started[1]!] };
}

/** Requests the two instances have seen so far, in total. */
export function appHits(world: LabWorld): number {
  return world.instances[0].hits + world.instances[1].hits;
}
