// Asks the server that sent this page whether it hosts a local runner (`npm start` and
// `npm run dev` do; a static host does not) and, if so, for this launch's token.
import { runnerPaths, runnerSessionSchema, type RunnerSession } from '../../../runtime-protocol/messages.ts';

// Generous: a runner on this computer answers at once, but the page's main thread may be busy
// compiling the editor for a few seconds on a slow machine, and the answer waits for it.
const probeTimeoutMs = 15_000;

/** The session, or null when no runner answers (404, a static host, or no server at all). */
export async function fetchRunnerSession(base: string, fetchImpl: typeof fetch = fetch): Promise<RunnerSession | null> {
  const url = `${base.endsWith('/') ? base : `${base}/`}${runnerPaths.session}`;
  try {
    const response = await fetchImpl(url, { cache: 'no-store', signal: AbortSignal.timeout(probeTimeoutMs) });
    if (!response.ok) return null;
    const parsed = runnerSessionSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** ws://host/…/__runner/socket?token=… on the page's own origin. */
export function socketUrl(session: RunnerSession, pageUrl: string): string {
  const url = new URL(session.socket, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', session.token);
  return url.toString();
}
