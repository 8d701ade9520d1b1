// The listening side of the course proxy: opens the sockets the `listen` directives ask for,
// turns each HTTP request into an HttpRequest, picks the virtual server and runs the phases.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccessLogWriter } from './access-log.ts';
import { addressGroups, bindings, groupFor, type AddressGroup } from './listeners.ts';
import type { LoadOutcome } from './load-config.ts';
import { specialReply, type Reply } from './reply.ts';
import { HttpRequest } from './request.ts';
import { handleRequest } from './request-handler.ts';
import { respond } from './respond.ts';
import { createRuntime, type Runtime } from './runtime.ts';
import { selectServer, validateHost } from './server-select.ts';
import { BadRequest, parseTarget } from './uri.ts';

export interface ProxyHandle {
  runtime: Runtime;
  addresses: Array<{ host: string; port: number }>;
  close(): Promise<void>;
}

export interface ProxyIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

const defaultIo: ProxyIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** Header names nginx accepts (ignore_invalid_headers on: letters, digits and "-"). */
const validHeaderName = /^[A-Za-z0-9-]+$/;

let connectionCounter = 0;
const connectionIds = new WeakMap<object, { id: number; requests: number }>();

const noBody = Buffer.alloc(0);

function readBody(req: IncomingMessage): Promise<Buffer> | Buffer {
  // A request without Content-Length or Transfer-Encoding has no body: skip the stream.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return noBody;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serve(req: IncomingMessage, res: ServerResponse, group: AddressGroup, rt: Runtime): Promise<void> {
  const socket = req.socket;
  let conn = connectionIds.get(socket);
  if (!conn) {
    conn = { id: ++connectionCounter, requests: 0 };
    connectionIds.set(socket, conn);
  }
  conn.requests++;
  const headers: Array<[string, string]> = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (validHeaderName.test(req.rawHeaders[i]!)) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  }
  const rawUrl = Buffer.from(req.url ?? '/', 'utf8').toString('latin1');
  const r = new HttpRequest(
    {
      remoteAddr: (socket.remoteAddress ?? '').replace(/^::ffff:/, ''), remotePort: socket.remotePort ?? 0,
      localAddr: (socket.localAddress ?? '').replace(/^::ffff:/, ''), localPort: socket.localPort ?? 0,
      connectionId: conn.id, connectionRequests: conn.requests,
    },
    req.method ?? 'GET', rawUrl, req.httpVersion, headers,
  );
  r.body = await readBody(req);
  let reply: Reply;
  try {
    const target = parseTarget(rawUrl);
    const host = validateHost(target.host ?? r.header('host') ?? '');
    const choice = selectServer(group.servers, group.defaultServer, host);
    r.server = choice.server;
    r.conf = choice.server.conf;
    r.host = host || choice.server.primaryName;
    Object.assign(r.namedCaptures, choice.captures ?? {});
    const parsed = choice.server.conf.get<boolean>('merge_slashes') === false ? parseTarget(rawUrl, false) : target;
    r.uri = parsed.uri;
    r.args = parsed.args;
    r.quoted = parsed.quoted;
    reply = await handleRequest(r, rt);
  } catch (error) {
    r.server ??= group.defaultServer;
    r.conf ??= group.defaultServer.conf;
    if (error instanceof BadRequest) reply = specialReply(400);
    else {
      rt.errorLog(r, `course proxy internal error: ${(error as Error).stack ?? error}`);
      reply = specialReply(500);
    }
  }
  if (!res.writableEnded && !socket.destroyed) respond(req, res, r, reply, rt);
}

export async function startProxy(outcome: LoadOutcome, io: ProxyIo = defaultIo): Promise<ProxyHandle> {
  const config = outcome.config!;
  const rt = createRuntime(config, outcome.addresses, createAccessLogWriter(io.stdout), io.stderr);
  const groups = config.http ? addressGroups(config.http) : new Map<string, AddressGroup>();
  const servers: Server[] = [];
  const addresses: Array<{ host: string; port: number }> = [];
  try {
    for (const b of bindings(groups)) {
      const server = createServer({ keepAliveTimeout: 75000, headersTimeout: 60000 }, (req, res) => {
        const local = req.socket.localAddress ?? b.host;
        const group = groupFor(groups, local, b.port)!;
        serve(req, res, group, rt).catch((error) => {
          io.stderr(`course proxy internal error: ${(error as Error).stack ?? error}`);
          if (!res.headersSent) res.writeHead(500).end();
        });
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
          const reason = error.code === 'EADDRINUSE' ? '98: Address already in use' : error.code === 'EACCES' ? '13: Permission denied' : error.message;
          reject(new Error(`bind() to ${b.host}:${b.port} failed (${reason})`));
        });
        server.listen(b.port, b.host, () => resolve());
      });
      servers.push(server);
      const info = server.address() as AddressInfo;
      addresses.push({ host: info.address, port: info.port });
    }
  } catch (error) {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    throw error;
  }
  return {
    runtime: rt,
    addresses,
    close: async () => {
      for (const u of rt.upstreams.values()) u.pool?.closeAll();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}
