// Runs one case against one target and records what a learner or grader could observe:
// per request the status, body, the response headers the subset controls, and what each
// upstream received.
import type { HttpCase } from './case.ts';
import type { MockUpstreams, SeenRequest } from './mock-upstreams.ts';
import { sendRaw } from './raw-client.ts';

export interface Observation {
  status: number;
  closed: boolean;
  body: string;
  headers: Record<string, string>;
  upstream: SeenRequest[];
}

/** Headers that belong to the connection or the clock, not to the configuration. */
const ignoredHeaders = new Set(['server', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Both servers name themselves in error pages; the comparison ignores the name. */
export const normaliseBody = (body: string) => body.replace(/<hr><center>(course-)?nginx(\/1\.22\.1)?<\/center>/g, '<hr><center>SERVER</center>');

function controlledHeaders(list: Array<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const date = list.find(([n]) => n.toLowerCase() === 'date')?.[1];
  for (const [name, value] of list) {
    const lower = name.toLowerCase();
    if (ignoredHeaders.has(lower) && !(lower === 'server' && !/^(course-)?nginx/.test(value))) continue;
    let v = value;
    // Expires depends on the clock: compare its distance from Date instead.
    if (lower === 'expires' && date && !/1970|2037|2099/.test(value)) v = `Date + ${Math.round((Date.parse(value) - Date.parse(date)) / 1000)}s`;
    out[lower] = lower in out ? `${out[lower]}, ${v}` : v;
  }
  return out;
}

export async function observe(c: HttpCase, mocks: MockUpstreams): Promise<Observation[]> {
  const out: Observation[] = [];
  const port = c.ports?.[0] ?? 4470;
  for (const req of c.requests) {
    if (req.delayMs) await new Promise((r) => setTimeout(r, req.delayMs));
    mocks.reset();
    const res = await sendRaw(req, port);
    // Give an upstream that is still reading (timeouts, closes) a moment to record the request.
    await new Promise((r) => setTimeout(r, 5));
    const ignored = new Set((c.ignoreUpstreamHeaders ?? []).map((h) => h.toLowerCase()));
    out.push({
      status: res.status,
      closed: res.closed,
      body: normaliseBody(res.body),
      headers: controlledHeaders(res.headers),
      upstream: mocks.seen.map((s) => ({ ...s, headers: s.headers.filter(([n]) => !ignored.has(n.toLowerCase())) })),
    });
  }
  return out;
}
