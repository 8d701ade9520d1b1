// Which runtime a lab page uses, and the sentence the page shows about why. The local runner
// when one answers: it exists only where the course is served from the learner's own machine
// (`npm start`, `npm run dev`), runs their real Node and needs no network, whereas the
// WebContainer must first download its runtime from stackblitz.com, which an offline learner
// would wait out for the whole boot timeout. Else the WebContainer when the page can host one
// (cross-origin isolated, a browser with SharedArrayBuffer), as on a static host; else an
// explanation of how to run the lab another way.
// `?runtime=local|webcontainer` forces a choice; `?runtime=auto` goes back to choosing.
import type { RuntimeKind } from './lab-runtime.ts';

export type RuntimeOverride = RuntimeKind | null;

export interface RuntimeEnvironment {
  override: RuntimeOverride;
  crossOriginIsolated: boolean;
  /** SharedArrayBuffer, Atomics and WebAssembly exist: what WebContainers need of a browser. */
  webContainerCapable: boolean;
  /** Asked only when the answer matters: does a local runner answer on this server? */
  runnerAnswers: () => Promise<boolean>;
}

export type RuntimeDecision =
  | { kind: RuntimeKind; reason: string }
  | { kind: 'none'; reason: string };

/** Reads `?runtime=` from a query string: "local", "webcontainer", "auto", or absent (undefined). */
export function runtimeParam(search: string): RuntimeOverride | 'auto' | undefined {
  const value = new URLSearchParams(search).get('runtime');
  if (value === 'local' || value === 'webcontainer' || value === 'auto') return value;
  return undefined;
}

function isolationProblem(env: RuntimeEnvironment): string | null {
  if (!env.crossOriginIsolated) return 'this page is not cross-origin isolated (the server did not send COOP and COEP headers)';
  if (!env.webContainerCapable) return 'this browser lacks SharedArrayBuffer or WebAssembly';
  return null;
}

export async function selectRuntime(env: RuntimeEnvironment): Promise<RuntimeDecision> {
  const problem = isolationProblem(env);
  if (env.override === 'webcontainer') {
    if (problem) return { kind: 'none', reason: `?runtime=webcontainer was asked for, but ${problem}.` };
    return { kind: 'webcontainer', reason: 'In-browser runtime, as ?runtime=webcontainer asks.' };
  }
  if (env.override === 'local') {
    if (await env.runnerAnswers()) return { kind: 'local', reason: 'Local runner, as ?runtime=local asks.' };
    return { kind: 'none', reason: '?runtime=local was asked for, but no local runner answers on this server.' };
  }
  if (await env.runnerAnswers()) {
    return { kind: 'local', reason: 'Local runner: the course server on your computer runs your code with your own Node.' };
  }
  if (!problem) return { kind: 'webcontainer', reason: 'In-browser runtime: this page is cross-origin isolated and the browser supports it.' };
  return { kind: 'none', reason: `No runtime: ${problem}, and no local runner answers on this server.` };
}

/** What to do when no runtime is available: the commands that run the lab elsewhere. */
export function noRuntimeAdvice(labId: string): string[] {
  return [
    'Run the course on your computer, where labs run with your own Node: in the course folder, `npm install` then `npm start`, and open this lab at http://localhost:4321.',
    `Or work in your own editor: \`npm run lab -- start ${labId}\` creates your work folder, and \`npm run lab -- check ${labId}\` grades your running program.`,
  ];
}
