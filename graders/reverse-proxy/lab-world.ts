// What one run of the reverse-proxy grader sets up before the first check: the two app
// instances the learner's proxy forwards /api/ to. They are the kit's mock upstreams, owned by
// the grader and stopped when the run ends. nginx.conf cannot read the environment, so their
// addresses are fixed relative to the proxy's port: PORT + 1 and PORT + 2 (8081 and 8082 for
// the lab's 8080), as the instructions and the starter's comment say.
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
  try {
    return await MockUpstream.start({ name, port, reply: appReply(name), log }, context.teardown);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} is in use by another program, but the lab's app instance ${name} must listen there (your nginx.conf sends /api/ to it); stop that program and check again`);
    throw error;
  }
}

export async function buildLabWorld(context: PrepareContext): Promise<LabWorld> {
  const [first, second] = instancePorts(context.port);
  const instances = [await startInstance('app-1', first, context), await startInstance('app-2', second, context)] as const;
  return { instances };
}

/** Requests the two instances have seen so far, in total. */
export function appHits(world: LabWorld): number {
  return world.instances[0].hits + world.instances[1].hits;
}
