// Cache client for the course labs, bundled from labs/engines/redis/client.ts. API: node-redis v4 style.

// labs/engines/redis/client.ts
import { EventEmitter } from "node:events";

// labs/engines/redis/client-errors.ts
var CacheError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "CacheError";
    this.code = code;
  }
};
var SOCKET_PROBLEMS = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  EPIPE: "connection closed by the server",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out"
};
function describeSocketError(error) {
  const code = error.code;
  return code !== void 0 && SOCKET_PROBLEMS[code] || error.message;
}
function unreachable(address, reason) {
  return new CacheError("CACHE_UNREACHABLE", `cache unreachable at ${address}: ${reason}`);
}
function connectionLost(address, reason) {
  return new CacheError(
    "CACHE_CONNECTION_LOST",
    `cache connection to ${address} lost: ${reason} (a command in flight may or may not have run)`
  );
}
function commandTimedOut(command, milliseconds, address) {
  return new CacheError(
    "CACHE_TIMEOUT",
    `cache command ${command} timed out after ${milliseconds} ms at ${address} (the commandTimeout option of createClient)`
  );
}
function clientClosed() {
  return new CacheError("CACHE_CLIENT_CLOSED", "the cache client is closed: call await client.connect() before sending commands");
}

// labs/engines/redis/client-connection.ts
import net from "node:net";

// labs/engines/redis/reply-parser.ts
var ErrorReply = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ErrorReply";
  }
};
var NotRespError = class extends Error {
};
var INCOMPLETE = /* @__PURE__ */ Symbol("incomplete");
var ReplyParser = class {
  buffer = Buffer.alloc(0);
  position = 0;
  push(chunk) {
    const rest = this.buffer.subarray(this.position);
    this.buffer = rest.length === 0 ? chunk : Buffer.concat([rest, chunk]);
    this.position = 0;
  }
  /** Every reply completed by the bytes pushed so far; throws NotRespError on garbage. */
  drain() {
    const replies = [];
    for (; ; ) {
      const parsed = this.parse(this.position);
      if (parsed === INCOMPLETE) return replies;
      replies.push(parsed.value);
      this.position = parsed.end;
    }
  }
  line(start) {
    const cr = this.buffer.indexOf("\r\n", start);
    if (cr === -1) return INCOMPLETE;
    return { text: this.buffer.toString("utf8", start + 1, cr), end: cr + 2 };
  }
  whole(text2, what) {
    if (!/^-?\d+$/.test(text2)) throw new NotRespError(`the server sent ${what} that is not a number: ${JSON.stringify(text2)}`);
    return Number(text2);
  }
  parse(start) {
    if (start >= this.buffer.length) return INCOMPLETE;
    const type = this.buffer[start];
    const header = this.line(start);
    if (header === INCOMPLETE) {
      if (![43, 45, 58, 36, 42].includes(type)) throw this.garbage(start);
      return INCOMPLETE;
    }
    switch (type) {
      case 43:
        return { value: header.text, end: header.end };
      case 45:
        return { value: new ErrorReply(header.text), end: header.end };
      case 58:
        return { value: this.whole(header.text, "an integer reply"), end: header.end };
      case 36: {
        const size = this.whole(header.text, "a bulk string length");
        if (size < 0) return { value: null, end: header.end };
        const end = header.end + size + 2;
        if (end > this.buffer.length) return INCOMPLETE;
        return { value: Buffer.from(this.buffer.subarray(header.end, end - 2)), end };
      }
      case 42: {
        const count = this.whole(header.text, "an array length");
        if (count < 0) return { value: null, end: header.end };
        const items = [];
        let at = header.end;
        for (let i = 0; i < count; i++) {
          const item = this.parse(at);
          if (item === INCOMPLETE) return INCOMPLETE;
          items.push(item.value);
          at = item.end;
        }
        return { value: items, end: at };
      }
      default:
        throw this.garbage(start);
    }
  }
  garbage(start) {
    const sample = this.buffer.toString("latin1", start, Math.min(start + 40, this.buffer.length));
    return new NotRespError(`the server sent something that is not RESP, starting with ${JSON.stringify(sample)}`);
  }
};

// labs/engines/redis/client-connection.ts
function encodeCommand(args) {
  const parts = [Buffer.from(`*${args.length}\r
`)];
  for (const arg of args) {
    const bytes = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg), "utf8");
    parts.push(Buffer.from(`$${bytes.length}\r
`), bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}
var RespConnection = class _RespConnection {
  address;
  /** Called once when the connection ends; with the reason unless it was closed on purpose. */
  onClose = () => {
  };
  socket;
  parser = new ReplyParser();
  waiting = [];
  outgoing = [];
  ended = null;
  closingOnPurpose = false;
  constructor(socket, address) {
    this.socket = socket;
    this.address = address;
    socket.setNoDelay(true);
    socket.on("data", (chunk) => this.receive(chunk));
    socket.on("error", (error) => this.fail(connectionLost(address, describeSocketError(error))));
    socket.on("close", () => this.finish());
  }
  /** Connects, or rejects with "cache unreachable at host:port: <why>". */
  static open(host, port, connectTimeout) {
    const address = `${host}:${port}`;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(unreachable(address, `no connection within ${connectTimeout} ms (the connectTimeout option)`));
      }, connectTimeout);
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(unreachable(address, describeSocketError(error)));
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve(new _RespConnection(socket, address));
      });
    });
  }
  get isOpen() {
    return this.ended === null && !this.closingOnPurpose;
  }
  /** Sends one command; `timeout` (ms, 0 for none) bounds the wait for its reply. */
  send(args, timeout = 0) {
    const name = String(args[0]).toUpperCase();
    if (this.ended !== null) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      const entry = { name, settled: false, timer: void 0, resolve, reject };
      if (timeout > 0) {
        entry.timer = setTimeout(() => this.settle(entry, commandTimedOut(name, timeout, this.address)), timeout);
      }
      this.waiting.push(entry);
      if (this.outgoing.push(encodeCommand(args)) === 1) queueMicrotask(() => this.flush());
    });
  }
  /** Sends QUIT, waits for the server to answer and close. */
  async quit(timeout = 0) {
    const closed = new Promise((resolve) => this.socket.once("close", () => resolve()));
    const reply = this.send(["QUIT"], timeout);
    this.closingOnPurpose = true;
    try {
      await reply;
    } finally {
      this.socket.destroy();
    }
    await closed;
  }
  /** Closes at once; commands still waiting reject with `reason`. */
  destroy(reason) {
    this.closingOnPurpose = true;
    this.fail(reason);
    this.socket.destroy();
  }
  flush() {
    const batch = this.outgoing.length === 1 ? this.outgoing[0] : Buffer.concat(this.outgoing);
    this.outgoing = [];
    if (this.ended === null) this.socket.write(batch);
  }
  receive(chunk) {
    this.parser.push(chunk);
    let replies;
    try {
      replies = this.parser.drain();
    } catch (error) {
      if (!(error instanceof NotRespError)) throw error;
      this.destroy(new CacheError("CACHE_PROTOCOL", `the server at ${this.address} does not speak RESP: ${error.message}`));
      return;
    }
    for (const reply of replies) {
      const entry = this.waiting.shift();
      if (entry !== void 0) this.settle(entry, reply);
    }
  }
  settle(entry, outcome) {
    if (entry.settled) return;
    entry.settled = true;
    clearTimeout(entry.timer);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
  }
  fail(error) {
    this.ended ??= error;
  }
  finish() {
    const error = this.ended ?? connectionLost(this.address, "the server closed the connection");
    this.ended = error;
    for (const entry of this.waiting.splice(0)) this.settle(entry, error);
    this.onClose(this.closingOnPurpose ? null : error);
  }
};

// labs/engines/redis/client-options.ts
function serverAddress(options) {
  let host = options.socket?.host ?? "127.0.0.1";
  let port = options.socket?.port ?? 6379;
  if (options.url !== void 0) {
    let url;
    try {
      url = new URL(options.url);
    } catch {
      throw new TypeError(`createClient: url ${JSON.stringify(options.url)} is not a URL; expected redis://host:port, such as redis://127.0.0.1:6380`);
    }
    if (url.protocol !== "redis:") throw new TypeError(`createClient: url must start with redis:// (got ${url.protocol}//); expected redis://host:port`);
    if (url.username || url.password || url.pathname !== "" && url.pathname !== "/" && url.pathname !== "/0") {
      throw new TypeError("createClient: this client connects to database 0 without a password; use a url of the form redis://host:port");
    }
    host = url.hostname.replace(/^\[(.*)\]$/, "$1") || host;
    port = url.port === "" ? 6379 : Number(url.port);
  }
  return { host, port };
}

// labs/engines/redis/client.ts
function text(reply) {
  return Buffer.isBuffer(reply) ? reply.toString("utf8") : reply;
}
function status(reply) {
  return text(reply) ?? "";
}
function texts(reply) {
  return Array.isArray(reply) ? reply.map(texts) : text(reply);
}
function checkArgument(command, arg) {
  if (typeof arg === "string" || typeof arg === "number" || Buffer.isBuffer(arg)) return;
  const kind = arg === null ? "null" : typeof arg;
  const hint = kind === "object" ? "; store objects as JSON.stringify(value) and parse them with JSON.parse" : "";
  throw new TypeError(`cache ${command.toUpperCase()}: every argument must be a string, number or Buffer, but one is ${kind}${hint}`);
}
var CacheClient = class extends EventEmitter {
  host;
  port;
  connectTimeout;
  commandTimeout;
  connection = null;
  connecting = null;
  closed = true;
  constructor(options = {}) {
    super();
    const { host, port } = serverAddress(options);
    this.host = host;
    this.port = port;
    this.connectTimeout = options.socket?.connectTimeout ?? 5e3;
    this.commandTimeout = options.commandTimeout ?? 0;
  }
  /** True from connect() until quit()/disconnect(), even while reconnecting. */
  get isOpen() {
    return !this.closed;
  }
  /** True while a connection is up. */
  get isReady() {
    return !this.closed && this.connection?.isOpen === true;
  }
  /** Connects; rejects if the cache is unreachable now, and later commands try again. */
  async connect() {
    if (!this.closed) throw new CacheError("CACHE_ALREADY_OPEN", "the cache client is already connected: call connect() once, at start-up");
    this.closed = false;
    await this.ready();
    return this;
  }
  get(key) {
    return this.run(["GET", key]).then(text);
  }
  mGet(keys) {
    return this.run(["MGET", ...keys]).then((reply) => texts(reply));
  }
  del(keys) {
    return this.run(["DEL", ...[keys].flat()]);
  }
  exists(keys) {
    return this.run(["EXISTS", ...[keys].flat()]);
  }
  incr(key) {
    return this.run(["INCR", key]);
  }
  ttl(key) {
    return this.run(["TTL", key]);
  }
  pTTL(key) {
    return this.run(["PTTL", key]);
  }
  dbSize() {
    return this.run(["DBSIZE"]);
  }
  ping(message) {
    return this.run(message === void 0 ? ["PING"] : ["PING", message]).then(status);
  }
  flushAll() {
    return this.run(["FLUSHALL"]).then(status);
  }
  info(section) {
    return this.run(section === void 0 ? ["INFO"] : ["INFO", section]).then(status);
  }
  /** EXPIRE in seconds; true when the TTL was set, as node-redis v4 returns it. */
  expire(key, seconds, mode) {
    return this.run(["EXPIRE", key, seconds, ...mode ? [mode] : []]).then((r) => r === 1);
  }
  pExpire(key, milliseconds, mode) {
    return this.run(["PEXPIRE", key, milliseconds, ...mode ? [mode] : []]).then((r) => r === 1);
  }
  /** SET with node-redis's option object: { EX: 60 }, { PX: 500, NX: true }, ... */
  set(key, value, options = {}) {
    const args = ["SET", key, value];
    for (const option of ["EX", "PX", "EXAT", "PXAT"]) {
      if (options[option] !== void 0) args.push(option, options[option]);
    }
    for (const flag of ["NX", "XX", "KEEPTTL", "GET"]) if (options[flag]) args.push(flag);
    return this.run(args).then(text);
  }
  /** Any command as an array of arguments; bulk replies come back as strings. */
  sendCommand(args) {
    return this.run(args).then(texts);
  }
  /** Sends QUIT, waits for the server to close the connection, resolves 'OK'. */
  async quit() {
    if (this.closed) throw clientClosed();
    this.closed = true;
    const connection = this.connection ?? await this.connecting?.catch(() => null);
    this.connection = null;
    if (connection?.isOpen) await connection.quit(this.commandTimeout);
    this.emit("end");
    return "OK";
  }
  /** Closes the connection at once; commands still waiting reject. */
  async disconnect() {
    if (this.closed) throw clientClosed();
    this.closed = true;
    const connection = this.connection ?? await this.connecting?.catch(() => null);
    this.connection = null;
    connection?.destroy(new CacheError("CACHE_CLIENT_CLOSED", "the cache connection was closed by disconnect()"));
    this.emit("end");
  }
  ready() {
    if (this.connection?.isOpen) return Promise.resolve(this.connection);
    this.connecting ??= RespConnection.open(this.host, this.port, this.connectTimeout).then((connection) => {
      this.connection = connection;
      connection.onClose = (error) => {
        if (this.connection === connection) this.connection = null;
        if (error !== null && !this.closed) this.emit("error", error);
      };
      this.emit("connect");
      this.emit("ready");
      return connection;
    }).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }
  run(args) {
    if (this.closed) return Promise.reject(clientClosed());
    try {
      args.forEach((arg) => checkArgument(String(args[0]), arg));
    } catch (error) {
      return Promise.reject(error);
    }
    const name = String(args[0]).toUpperCase();
    const sent = this.ready().then((connection) => connection.send(args));
    if (this.commandTimeout <= 0) return sent;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(commandTimedOut(name, this.commandTimeout, `${this.host}:${this.port}`)), this.commandTimeout);
      sent.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }
};
function createClient(options = {}) {
  return new CacheClient(options);
}
export {
  CacheClient,
  CacheError,
  ErrorReply,
  createClient
};
