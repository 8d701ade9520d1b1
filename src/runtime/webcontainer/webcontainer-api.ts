// The part of `@webcontainer/api` the adapter uses, as plain interfaces, so tests can hand the
// adapter a fake (test/runtime/fake-webcontainer.ts) and the real module loads only on demand.
// API reference: https://webcontainers.io/api
import type { FileTree } from '../file-tree.ts';

export interface ContainerProcess {
  exit: Promise<number>;
  input: WritableStream<string>;
  output: ReadableStream<string>;
  kill(): void;
}

export interface ContainerSpawnOptions {
  cwd?: string;
  env?: Record<string, string | number | boolean>;
  terminal?: { cols: number; rows: number };
}

export interface Container {
  readonly fs: {
    writeFile(path: string, data: string): Promise<void>;
    mkdir(path: string, options: { recursive: true }): Promise<string>;
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
  };
  mount(tree: FileTree, options?: { mountPoint?: string }): Promise<void>;
  spawn(command: string, args: string[], options?: ContainerSpawnOptions): Promise<ContainerProcess>;
  on(event: 'port', listener: (port: number, type: 'open' | 'close', url: string) => void): () => void;
  on(event: 'error', listener: (error: { message: string }) => void): () => void;
  teardown(): void;
}

export interface ContainerBootOptions {
  coep?: 'require-corp' | 'credentialless' | 'none';
  workdirName?: string;
}

export interface WebContainerApi {
  boot(options: ContainerBootOptions): Promise<Container>;
}

/** Loads the real API; only pages that pick the WebContainer pay for the module. */
export async function loadWebContainerApi(): Promise<WebContainerApi> {
  const { WebContainer } = await import('@webcontainer/api');
  return { boot: (options) => WebContainer.boot(options) };
}
