// Starts the runtime a lab page will use: reads the override, asks selectRuntime, then boots
// the WebContainer or connects to the local runner. If the WebContainer was chosen on its own
// and fails to boot (offline, StackBlitz unreachable), a local runner that answers takes over.
import type { RunnerSession } from '../../runtime-protocol/messages.ts';
import type { LabRuntime } from './lab-runtime.ts';
import { fetchRunnerSession } from './local/runner-session.ts';
import { runtimeParam, selectRuntime, type RuntimeOverride } from './select-runtime.ts';

/** `?runtime=` is remembered for the tab, so following links inside the course keeps it. */
export const overrideKey = 'port-to-production:runtime';

export interface OverrideStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function readOverride(search: string, storage: OverrideStorage | null): RuntimeOverride {
  const param = runtimeParam(search);
  try {
    if (param === 'auto') storage?.removeItem(overrideKey);
    else if (param) storage?.setItem(overrideKey, param);
    const stored = param === undefined ? storage?.getItem(overrideKey) : param;
    return stored === 'local' || stored === 'webcontainer' ? stored : null;
  } catch {
    return param === 'local' || param === 'webcontainer' ? param : null;
  }
}

export type StartedRuntime =
  | { runtime: LabRuntime; reason: string }
  | { runtime: null; reason: string };

export interface StartRuntimeOptions {
  base: string;
  pageUrl: string;
  search: string;
  storage: OverrideStorage | null;
}

function sessionStorageIfUsable(): OverrideStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export async function startRuntime(options: Partial<StartRuntimeOptions> & { base: string }): Promise<StartedRuntime> {
  const pageUrl = options.pageUrl ?? window.location.href;
  const override = readOverride(options.search ?? window.location.search, options.storage === undefined ? sessionStorageIfUsable() : options.storage);
  let session: Promise<RunnerSession | null> | undefined;
  const runnerSession = () => (session ??= fetchRunnerSession(options.base));
  const decision = await selectRuntime({
    override,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    webContainerCapable: typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object' && typeof WebAssembly === 'object',
    runnerAnswers: async () => (await runnerSession()) !== null,
  });
  if (decision.kind === 'none') return { runtime: null, reason: decision.reason };
  if (decision.kind === 'webcontainer') {
    const { pageContainerRuntime } = await import('./webcontainer/page-container.ts');
    try {
      return { runtime: await pageContainerRuntime(), reason: decision.reason };
    } catch (error) {
      const fallback = override === null ? await runnerSession() : null;
      if (!fallback) throw error;
      const { LocalRuntime } = await import('./local/local-runtime.ts');
      return { runtime: await LocalRuntime.connect(fallback, pageUrl), reason: `Local runner: ${(error as Error).message.split('. ')[0]}.` };
    }
  }
  const found = await runnerSession();
  if (!found) return { runtime: null, reason: 'No runtime: the local runner stopped answering.' };
  const { LocalRuntime } = await import('./local/local-runtime.ts');
  return { runtime: await LocalRuntime.connect(found, pageUrl), reason: decision.reason };
}
