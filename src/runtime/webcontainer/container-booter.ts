// Boots the WebContainer once per page. The API allows a single instance per page and has no
// boot timeout of its own: with no network, or when stackblitz.com/headless is blocked, boot()
// simply never settles. So we race it against our own timer, and a retry after a timeout
// waits on the same pending boot instead of calling boot() a second time (which would throw).
import { RuntimeError } from '../lab-runtime.ts';
import type { Container, ContainerBootOptions, WebContainerApi } from './webcontainer-api.ts';

export const defaultBootTimeoutMs = 20_000;

export interface ContainerBooterOptions {
  loadApi: () => Promise<WebContainerApi>;
  timeoutMs?: number;
  bootOptions?: ContainerBootOptions;
}

export class ContainerBooter {
  readonly #options: ContainerBooterOptions;
  #pending: Promise<Container> | undefined;

  constructor(options: ContainerBooterOptions) {
    this.#options = options;
  }

  /** Resolves with the page's container, or rejects with a RuntimeError a learner can act on. */
  container(): Promise<Container> {
    if (!this.#pending) {
      const booting = this.#boot();
      this.#pending = booting;
      // A failed boot (not a slow one) may be retried from scratch.
      booting.catch(() => {
        if (this.#pending === booting) this.#pending = undefined;
      });
    }
    return this.#withTimeout(this.#pending);
  }

  /** Tears the container down; the next container() call boots a new one. */
  release(container: Container): void {
    container.teardown();
    this.#pending = undefined;
  }

  async #boot(): Promise<Container> {
    let api: WebContainerApi;
    try {
      api = await this.#options.loadApi();
    } catch (error) {
      throw new RuntimeError(
        `The in-browser runtime could not be loaded (${(error as Error).message}).`,
        'Reload the page; if it keeps failing, run the course locally with `npm start` and add ?runtime=local to the address.',
      );
    }
    try {
      return await api.boot({ coep: 'require-corp', workdirName: 'lab-workspace', ...this.#options.bootOptions });
    } catch (error) {
      throw new RuntimeError(
        `The in-browser runtime (WebContainer) refused to start: ${(error as Error).message}.`,
        'It needs a recent Chromium, Firefox or Safari and a page served with cross-origin isolation. ' +
          'Close other tabs of this course (one runtime per browser tab) or run the course locally with `npm start`.',
      );
    }
  }

  #withTimeout(booting: Promise<Container>): Promise<Container> {
    const timeoutMs = this.#options.timeoutMs ?? defaultBootTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new RuntimeError(
            `The in-browser runtime (WebContainer) did not start within ${Math.round(timeoutMs / 1000)} s.`,
            'It downloads from https://stackblitz.com/headless, so it needs an internet connection that reaches StackBlitz. ' +
              'Check your connection and press Run again, or run the course locally: `npm start`, then open this page with ?runtime=local.',
          ),
        );
      }, timeoutMs);
      booting.then(
        (container) => {
          clearTimeout(timer);
          resolve(container);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}
