// LabRuntime on a WebContainer: the learner's program and the lab's grader run as Node
// processes inside this browser tab. The lab lives in <workdir>/lab; the grader bundle and the
// HTTP panel's request script live beside it in <workdir>/tools, out of the learner's tree.
// The host page cannot fetch the program's preview URL (CORS), so HTTP requests are sent
// from a process inside the container, the same way the grader sends them.
import { httpExchangeSchema } from '../../../runtime-protocol/messages.ts';
import sendRequestSource from '../../../runtime-protocol/send-request.mjs?raw';
import { toFileTree, labPathSegments } from '../file-tree.ts';
import { lastJsonDocument } from '../grader-output.ts';
import {
  RuntimeError,
  type HttpExchange,
  type HttpRequestSpec,
  type LabMount,
  type LabRuntime,
  type PortInfo,
  type ProcessRole,
  type RuntimeProcess,
  type SpawnOptions,
  type Unsubscribe,
} from '../lab-runtime.ts';
import { Listeners } from '../listeners.ts';
import type { ContainerBooter } from './container-booter.ts';
import { ContainerProcessHandle } from './container-process.ts';
import type { Container, ContainerSpawnOptions } from './webcontainer-api.ts';

export const labFolder = 'lab';
export const toolsFolder = 'tools';

/** Fetches a file the container needs (the grader, a provided engine) from the site. */
export type FetchFile = (url: string) => Promise<string | Uint8Array>;

async function fetchOverNetwork(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

export class WebContainerRuntime implements LabRuntime {
  readonly kind = 'webcontainer';
  readonly echoesInput = true;
  readonly #container: Container;
  readonly #release: () => void;
  readonly #fetchFile: FetchFile;
  readonly #ports = new Listeners<PortInfo>();
  readonly #openPorts = new Set<number>();
  readonly #processes = new Set<ContainerProcessHandle>();
  readonly #unsubscribe: Unsubscribe;
  #lab: LabMount | undefined;

  private constructor(container: Container, release: () => void, fetchFile: FetchFile) {
    this.#container = container;
    this.#release = release;
    this.#fetchFile = fetchFile;
    this.#unsubscribe = container.on('port', (port, type) => {
      // Only the lab's own ports: the grader's copy of the program may listen elsewhere meanwhile.
      if (this.#lab && !this.#lab.ports.includes(port)) return;
      if (type === 'open') this.#openPorts.add(port);
      else this.#openPorts.delete(port);
      this.#ports.emit({ port, state: type === 'open' ? 'open' : 'closed' });
    });
  }

  /** Boots (or reuses) the page's container; rejects with a RuntimeError that says what to do. */
  static async start(booter: ContainerBooter, fetchFile: FetchFile = fetchOverNetwork): Promise<WebContainerRuntime> {
    const container = await booter.container();
    return new WebContainerRuntime(container, () => booter.release(container), fetchFile);
  }

  async mount(lab: LabMount): Promise<void> {
    const rebuild = 'The site may have been built without its bundles: run `npm run build` (or `npm start`) and reload.';
    let grader: string | Uint8Array;
    try {
      grader = await this.#fetchFile(lab.graderUrl);
    } catch (error) {
      throw new RuntimeError(`The grader of this lab could not be loaded (${(error as Error).message}).`, rebuild);
    }
    const provided: Record<string, string | Uint8Array> = {};
    for (const [path, url] of Object.entries(lab.provided)) {
      try {
        provided[path] = await this.#fetchFile(url);
      } catch (error) {
        throw new RuntimeError(`The course file ${path} of this lab could not be loaded (${(error as Error).message}).`, rebuild);
      }
    }
    await this.#container.fs.rm(labFolder, { recursive: true, force: true });
    await this.#container.mount({
      [labFolder]: { directory: toFileTree({ ...lab.files, ...provided }) },
      [toolsFolder]: { directory: { 'grader.mjs': { file: { contents: grader } }, 'send-request.mjs': { file: { contents: sendRequestSource } } } },
    });
    this.#lab = lab;
  }

  async writeFile(path: string, contents: string): Promise<void> {
    const segments = labPathSegments(path);
    if (segments.length > 1) await this.#container.fs.mkdir([labFolder, ...segments.slice(0, -1)].join('/'), { recursive: true });
    await this.#container.fs.writeFile(`${labFolder}/${path}`, contents);
  }

  async spawn(role: ProcessRole, options: SpawnOptions): Promise<RuntimeProcess> {
    const lab = this.#mounted();
    const port = lab.ports[0] ?? 8080;
    if (role === 'program') {
      return this.#spawn(role, lab.start.command, lab.start.args, options, {
        cwd: labFolder,
        env: { PORT: port, HOST: '127.0.0.1' },
        terminal: { cols: options.cols ?? 80, rows: options.rows ?? 24 },
      });
    }
    return this.#spawn(role, 'node', [`../${toolsFolder}/grader.mjs`, '--dir', '.', '--json'], options, { cwd: labFolder });
  }

  async request(spec: HttpRequestSpec): Promise<HttpExchange> {
    const lab = this.#mounted();
    const port = lab.ports.find((candidate) => this.#openPorts.has(candidate)) ?? [...this.#openPorts][0] ?? lab.ports[0] ?? 8080;
    let output = '';
    const sender = await this.#spawn('program', 'node', [`../${toolsFolder}/send-request.mjs`, JSON.stringify(spec), String(port)], {
      onOutput: (chunk) => (output += chunk),
    }, { cwd: labFolder });
    await sender.exit;
    const parsed = httpExchangeSchema.safeParse(safeJson(output));
    if (!parsed.success) {
      throw new RuntimeError('The HTTP panel could not read the answer of its request helper.', `It printed: ${output.trim().slice(0, 300) || 'nothing'}. Press Send again.`);
    }
    return parsed.data;
  }

  onPort(listener: (info: PortInfo) => void): Unsubscribe {
    return this.#ports.add(listener);
  }

  async teardown(): Promise<void> {
    this.#unsubscribe();
    await Promise.all([...this.#processes].map((process) => process.kill()));
    this.#ports.clear();
    this.#release();
  }

  #mounted(): LabMount {
    if (!this.#lab) throw new RuntimeError('No lab is loaded into the runtime yet.', 'Wait for the workbench to finish loading, then try again.');
    return this.#lab;
  }

  async #spawn(role: ProcessRole, command: string, args: string[], options: SpawnOptions, spawnOptions: ContainerSpawnOptions): Promise<RuntimeProcess> {
    const process = await this.#container.spawn(command, args, spawnOptions);
    const handle = new ContainerProcessHandle(role, [command, ...args].join(' '), process, options.onOutput);
    this.#processes.add(handle);
    void handle.exit.then(() => this.#processes.delete(handle));
    return handle;
  }
}

function safeJson(output: string): unknown {
  try {
    return lastJsonDocument(output);
  } catch {
    return undefined;
  }
}
