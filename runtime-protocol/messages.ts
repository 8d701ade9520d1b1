// The messages between the browser's Local runtime (src/runtime/local/) and the local runner
// (scripts/runner/), one JSON object per WebSocket message. Both ends parse what they receive
// through these schemas. zod/mini keeps the browser side small; the runner uses the same file.
import * as z from 'zod/mini';

export const PROTOCOL_VERSION = 1;

/** Paths inside the lab's work folder arrive as "server.js" or "public/style.css". */
const relativePath = z.string().check(z.minLength(1), z.maxLength(240));
const requestId = z.int().check(z.nonnegative());
const processId = z.string().check(z.minLength(1), z.maxLength(40));
const labId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));

/** Largest message either side accepts, in bytes; a lab's whole tree fits many times over. */
export const maxMessageBytes = 4 * 1024 * 1024;
export const maxFileChars = 512 * 1024;
export const maxFiles = 200;

export const processRoleSchema = z.enum(['program', 'grader']);

export const httpRequestSpecSchema = z.strictObject({
  method: z.string().check(z.regex(/^[A-Za-z]{1,16}$/)),
  /** The request target as sent on the request line, e.g. "/health?verbose=1". */
  path: z.string().check(z.minLength(1), z.maxLength(2000)),
  headers: z.array(z.tuple([z.string().check(z.maxLength(200)), z.string().check(z.maxLength(8000))])).check(z.maxLength(50)),
  body: z.string().check(z.maxLength(64 * 1024)),
});

export const httpExchangeSchema = z.object({
  port: z.int(),
  /** The request exactly as written to the socket. */
  request: z.string(),
  /** The response bytes as received (decoded as UTF-8), cut after a cap. */
  response: z.string(),
  /** Set when no complete response arrived: refused, timed out, reset. */
  error: z.optional(z.string()),
  durationMs: z.number(),
});

/** Strict objects: a message with a field the runner does not know (say, a command) is refused. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('mount'),
    id: requestId,
    lab: labId,
    files: z.record(relativePath, z.string().check(z.maxLength(maxFileChars))),
  }),
  z.strictObject({ type: z.literal('write'), id: requestId, path: relativePath, contents: z.string().check(z.maxLength(maxFileChars)) }),
  z.strictObject({
    type: z.literal('spawn'),
    id: requestId,
    role: processRoleSchema,
    cols: z.optional(z.int().check(z.positive(), z.maximum(1000))),
    rows: z.optional(z.int().check(z.positive(), z.maximum(1000))),
  }),
  z.strictObject({ type: z.literal('input'), process: processId, data: z.string().check(z.maxLength(64 * 1024)) }),
  z.strictObject({ type: z.literal('kill'), id: requestId, process: processId }),
  z.strictObject({ type: z.literal('request'), id: requestId, request: httpRequestSpecSchema }),
]);

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), version: z.int(), runner: z.string() }),
  z.object({ type: z.literal('mounted'), id: requestId, files: z.int() }),
  z.object({ type: z.literal('written'), id: requestId }),
  z.object({ type: z.literal('spawned'), id: requestId, process: processId, command: z.string() }),
  z.object({ type: z.literal('killed'), id: requestId }),
  z.object({ type: z.literal('response'), id: requestId, exchange: httpExchangeSchema }),
  /** A request the runner refused or could not do; `message` is written for the learner. */
  z.object({ type: z.literal('failed'), id: requestId, message: z.string() }),
  z.object({ type: z.literal('output'), process: processId, data: z.string() }),
  z.object({ type: z.literal('exit'), process: processId, code: z.nullable(z.int()), signal: z.nullable(z.string()) }),
  z.object({ type: z.literal('port'), port: z.int(), state: z.enum(['open', 'closed']) }),
  /** A message the runner could not read at all, so it has no id to answer. */
  z.object({ type: z.literal('protocol-error'), message: z.string() }),
]);

/** What the page fetches from `<base>__runner/session` to learn how to connect. */
export const runnerSessionSchema = z.object({
  version: z.int(),
  token: z.string().check(z.minLength(16)),
  /** Path of the WebSocket endpoint on the same origin, base path included. */
  socket: z.string().check(z.startsWith('/')),
});

export type ProcessRole = z.infer<typeof processRoleSchema>;
export type HttpRequestSpec = z.infer<typeof httpRequestSpecSchema>;
export type HttpExchange = z.infer<typeof httpExchangeSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type RunnerSession = z.infer<typeof runnerSessionSchema>;

/** The runner's URL paths, relative to the site's base path. */
export const runnerPaths = { session: '__runner/session', socket: '__runner/socket' } as const;

/** "files.server.js: expected string" for the first issue of a failed parse. */
export function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const path = issue.path.map(String).join('.') || 'message';
  return `${path}: ${issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.code.replace(/_/g, ' ')}`;
}
