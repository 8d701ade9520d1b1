// The listening side of the course proxy: opens the sockets the `listen` directives ask for,
// turns each HTTP request into an HttpRequest, picks the virtual server and runs the phases.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createAccessLogWriter } from './access-log.ts';
import { serveConnection, type ClientConnection, type ClientRequest, type RejectedRequest } from './client-connection.ts';
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

/** What one accepted connection knows about itself ($connection, $remote_addr, ...). */
interface ConnectionInfo {
  id: number;
  requests: number;
  remoteAddr: string;
  remotePort: number;
  localAddr: string;
  localPort: number;
  group: AddressGroup;
}

const plainAddr = (a: string | undefined) => (a ?? '').replace(/^::ffff:/, '');

async function serve(req: ClientRequest | RejectedRequest, conn: ClientConnection, info: ConnectionInfo, rt: Runtime): Promise<void> {
  info.requests++;
  let headers = req.headers;
  for (const h of headers) {
    if (validHeaderName.test(h[0])) continue;
    headers = headers.filter((v) => validHeaderName.test(v[0]));
    break;
  }
  const r = new HttpRequest(
    {
      remoteAddr: info.remoteAddr, remotePort: info.remotePort, localAddr: info.localAddr, localPort: info.localPort,
      connectionId: info.id, connectionRequests: info.requests,
    },
    req.method, req.target, req.httpVersion, headers,
  );
  const group = info.group;
  let reply: Reply;
  if ('rejected' in req) {
    r.server = group.defaultServer;
    r.conf = group.defaultServer.conf;
    return respond(conn, r, specialReply(req.rejected), rt, true);
  }
  r.body = req.body;
  try {
    const target = parseTarget(req.target);
    const host = validateHost(target.host ?? r.header('host') ?? '');
    const choice = selectServer(group.servers, group.defaultServer, host);
    r.server = choice.server;
    r.conf = choice.server.conf;
    r.host = host || choice.server.primaryName;
    if (choice.captures) Object.assign(r.namedCaptures, choice.captures);
    const parsed = choice.server.conf.get<boolean>('merge_slashes') === false ? parseTarget(req.target, false) : target;
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
  if (reply.stream && r.conf.get<boolean>('gzip')) {
    // The gzip filter needs the whole body to apply gzip_min_length and compress it in one go.
    const { body, error } = await reply.stream.collect();
    if (error !== undefined) {
      rt.errorLog(r, error);
      conn.socket.destroy();
      return;
    }
    reply = { ...reply, body, stream: undefined };
  }
  if (conn.socket.destroyed) reply.stream?.abort();
  else respond(conn, r, reply, rt);
}

export async function startProxy(outcome: LoadOutcome, io: ProxyIo = defaultIo): Promise<ProxyHandle> {
  const config = outcome.config!;
  const rt = createRuntime(config, outcome.addresses, createAccessLogWriter(io.stdout), io.stderr);
  const groups = config.http ? addressGroups(config.http) : new Map<string, AddressGroup>();
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const addresses: Array<{ host: string; port: number }> = [];
  try {
    for (const b of bindings(groups)) {
      const server = createServer({ allowHalfOpen: true }, (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        const info: ConnectionInfo = {
          id: ++connectionCounter, requests: 0,
          remoteAddr: plainAddr(socket.remoteAddress), remotePort: socket.remotePort ?? 0,
          localAddr: plainAddr(socket.localAddress), localPort: socket.localPort ?? 0,
          group: groupFor(groups, socket.localAddress ?? b.host, b.port)!,
        };
        serveConnection(socket, (req, conn) => {
          serve(req, conn, info, rt).catch((error) => {
            io.stderr(`course proxy internal error: ${(error as Error).stack ?? error}`);
            socket.destroy();
          });
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
        for (const socket of sockets) socket.destroy();
      })));
    },
  };
}
