// A stand-in for `@webcontainer/api` that runs in Node, in the spirit of TutorialKit's
// packages/test-utils: it keeps mounted files in a Map, records every spawn, and lets a test
// script what each process prints and when it exits, and which ports open.
import type { FileTree } from '../../src/runtime/file-tree.ts';
import type {
  Container,
  ContainerBootOptions,
  ContainerProcess,
  ContainerSpawnOptions,
  WebContainerApi,
} from '../../src/runtime/webcontainer/webcontainer-api.ts';

export interface SpawnCall {
  command: string;
  args: string[];
  options: ContainerSpawnOptions;
  process: FakeProcess;
}

export class FakeProcess implements ContainerProcess {
  readonly exit: Promise<number>;
  readonly input: WritableStream<string>;
  readonly output: ReadableStream<string>;
  readonly received: string[] = [];
  killed = false;
  #output!: ReadableStreamDefaultController<string>;
  #resolveExit!: (code: number) => void;
  #done = false;

  constructor() {
    this.exit = new Promise((resolve) => (this.#resolveExit = resolve));
    this.output = new ReadableStream({ start: (controller) => void (this.#output = controller) });
    this.input = new WritableStream({ write: (chunk) => void this.received.push(chunk) });
  }

  print(text: string): void {
    if (!this.#done) this.#output.enqueue(text);
  }

  finish(code: number): void {
    if (this.#done) return;
    this.#done = true;
    this.#output.close();
    this.#resolveExit(code);
  }

  kill(): void {
    this.killed = true;
    this.finish(143);
  }
}

type PortListener = (port: number, type: 'open' | 'close', url: string) => void;

export class FakeContainer implements Container {
  readonly files = new Map<string, string | Uint8Array>();
  readonly spawns: SpawnCall[] = [];
  tornDown = false;
  /** Decides what each spawned process does; by default it prints nothing and keeps running. */
  onSpawn: (call: SpawnCall) => void = () => {};
  readonly #portListeners = new Set<PortListener>();

  readonly fs = {
    writeFile: async (path: string, data: string) => void this.files.set(path, data),
    mkdir: async (path: string) => path,
    rm: async (path: string) => {
      for (const key of [...this.files.keys()]) if (key === path || key.startsWith(`${path}/`)) this.files.delete(key);
    },
  };

  async mount(tree: FileTree, options: { mountPoint?: string } = {}): Promise<void> {
    const walk = (node: FileTree, prefix: string) => {
      for (const [name, child] of Object.entries(node)) {
        if ('directory' in child) walk(child.directory, `${prefix}${name}/`);
        else this.files.set(`${prefix}${name}`, child.file.contents);
      }
    };
    walk(tree, options.mountPoint ? `${options.mountPoint}/` : '');
  }

  async spawn(command: string, args: string[], options: ContainerSpawnOptions = {}): Promise<ContainerProcess> {
    const call = { command, args, options, process: new FakeProcess() };
    this.spawns.push(call);
    this.onSpawn(call);
    return call.process;
  }

  on(event: 'port' | 'error', listener: PortListener | ((error: { message: string }) => void)): () => void {
    if (event !== 'port') return () => {};
    const portListener = listener as PortListener;
    this.#portListeners.add(portListener);
    return () => this.#portListeners.delete(portListener);
  }

  emitPort(port: number, type: 'open' | 'close'): void {
    for (const listener of this.#portListeners) listener(port, type, `https://fake--${port}.local-credentialless.webcontainer.io`);
  }

  teardown(): void {
    this.tornDown = true;
  }
}

/** The API object: boot() hands out one FakeContainer, or never answers when `hangs` is set. */
export class FakeWebContainerApi implements WebContainerApi {
  readonly container = new FakeContainer();
  readonly bootCalls: ContainerBootOptions[] = [];
  hangs = false;
  failure: Error | undefined;

  boot(options: ContainerBootOptions): Promise<Container> {
    this.bootCalls.push(options);
    if (this.failure) return Promise.reject(this.failure);
    if (this.hangs) return new Promise(() => {});
    return Promise.resolve(this.container);
  }
}
