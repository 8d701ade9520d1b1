// Start command of the cache-aside lab, bundled from labs/cache-aside/services/launch.ts. Runs server.js; starts a practice database and cache when DATABASE_URL or CACHE_URL is unset.

// labs/engines/redis/server.ts
import { randomBytes } from "node:crypto";
import net from "node:net";

// labs/engines/redis/resp.ts
var CRLF = "\r\n";
function simpleString(text) {
  return Buffer.from(`+${text}${CRLF}`, "latin1");
}
function errorReply(text) {
  return Buffer.from(`-${text.replace(/[\r\n]/g, " ")}${CRLF}`, "latin1");
}
function integer(value) {
  return Buffer.from(`:${value}${CRLF}`, "latin1");
}
function bulk(value) {
  if (value === null) return NIL;
  const header = `$${value.length}${CRLF}`;
  const reply = Buffer.allocUnsafe(header.length + value.length + 2);
  reply.write(header, 0, "latin1");
  reply.set(value, header.length);
  reply[reply.length - 2] = 13;
  reply[reply.length - 1] = 10;
  return reply;
}
function bulkText(text) {
  return bulk(Buffer.from(text, "latin1"));
}
function array(items) {
  return Buffer.concat([Buffer.from(`*${items.length}${CRLF}`, "latin1"), ...items]);
}
var NIL = Buffer.from(`$-1${CRLF}`, "latin1");
var OK = simpleString("OK");
var PONG = simpleString("PONG");
var ZERO = integer(0);
var ONE = integer(1);
var SYNTAX_ERROR = errorReply("ERR syntax error");
var NOT_AN_INTEGER = errorReply("ERR value is not an integer or out of range");

// labs/engines/redis/commands/connection.ts
var ping = {
  name: "ping",
  arity: -1,
  run(args) {
    if (args.length > 2) return errorReply("ERR wrong number of arguments for 'ping' command");
    return args.length === 2 ? bulk(args[1]) : PONG;
  }
};
var echo = {
  name: "echo",
  arity: 2,
  run(args) {
    return bulk(args[1]);
  }
};
function httpGuard(name) {
  return {
    name,
    arity: -1,
    run(_args, context) {
      context.abort("closed a connection that sent an HTTP request (a POST or Host: line), as Redis does; is a web client pointed at the cache port?");
      return null;
    }
  };
}
var connectionCommands = [ping, echo, httpGuard("post"), httpGuard("host:")];

// labs/engines/redis/store.ts
function keyOf(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
var KEYS_PER_ROUND = 20;
var ACCEPTABLE_STALE_PERCENT = 10;
var KeyStore = class {
  values = /* @__PURE__ */ new Map();
  expires = /* @__PURE__ */ new Map();
  cursor = null;
  /** keyspace_hits, keyspace_misses and expired_keys of INFO's Stats section. */
  stats = { hits: 0, misses: 0, expiredKeys: 0 };
  /** The running estimate INFO prints as avg_ttl, maintained by the active cycle as Redis does. */
  averageTtl = 0;
  get size() {
    return this.values.size;
  }
  get volatileCount() {
    return this.expires.size;
  }
  /** A read lookup (lookupKeyRead): expires the key if due and counts a hit or a miss. */
  read(key, now) {
    const value = this.lookup(key, now);
    if (value === void 0) this.stats.misses++;
    else this.stats.hits++;
    return value;
  }
  /** A write lookup (lookupKeyWrite): expires the key if due, counts nothing. */
  lookup(key, now) {
    this.expireIfDue(key, now);
    return this.values.get(key);
  }
  /** Stores a value; like setKey() it clears any TTL unless told to keep it. */
  set(key, value, keepTtl = false) {
    this.values.set(key, value);
    if (!keepTtl) this.expires.delete(key);
  }
  /** Sets the absolute expiry time of an existing key. */
  setExpiry(key, at) {
    if (this.values.has(key)) this.expires.set(key, at);
  }
  /** The absolute expiry time of a key, or -1 when it has none (getExpire in db.c). */
  expiryOf(key) {
    return this.expires.get(key) ?? -1;
  }
  delete(key) {
    this.expires.delete(key);
    return this.values.delete(key);
  }
  flush() {
    this.values.clear();
    this.expires.clear();
    this.cursor = null;
    this.averageTtl = 0;
  }
  /**
   * One run of the active expiry cycle: walk the keys that have a TTL from where the last run
   * stopped, delete the expired ones, and repeat while the sample shows many stale keys and the
   * time budget lasts. Returns how many keys it deleted.
   */
  activeExpireCycle(clock, budgetMs) {
    const started = clock();
    let deleted = 0;
    for (; ; ) {
      if (this.expires.size === 0) return deleted;
      const now = clock();
      let sampled = 0;
      let expired = 0;
      let ttlSum = 0;
      let ttlSamples = 0;
      while (sampled < Math.min(KEYS_PER_ROUND, this.expires.size)) {
        const entry = this.nextVolatile();
        if (entry === void 0) break;
        sampled++;
        const [key, at] = entry;
        if (now > at) {
          this.delete(key);
          this.stats.expiredKeys++;
          expired++;
        } else {
          ttlSum += Number(at) - now;
          ttlSamples++;
        }
      }
      deleted += expired;
      if (ttlSamples > 0) this.updateAverageTtl(Math.floor(ttlSum / ttlSamples));
      const stale = sampled > 0 && expired * 100 / sampled > ACCEPTABLE_STALE_PERCENT;
      if (!stale || clock() - started >= budgetMs) return deleted;
    }
  }
  expireIfDue(key, now) {
    const at = this.expires.get(key);
    if (at !== void 0 && now > at) {
      this.delete(key);
      this.stats.expiredKeys++;
    }
  }
  nextVolatile() {
    this.cursor ??= this.expires.entries();
    let step = this.cursor.next();
    if (step.done) {
      this.cursor = this.expires.entries();
      step = this.cursor.next();
    }
    return step.done ? void 0 : step.value;
  }
  updateAverageTtl(sampleAverage) {
    if (this.averageTtl === 0) this.averageTtl = sampleAverage;
    this.averageTtl = Math.floor(this.averageTtl / 50) * 49 + Math.floor(sampleAverage / 50);
  }
};

// labs/engines/redis/integers.ts
var LLONG_MAX = 9223372036854775807n;
var LLONG_MIN = -9223372036854775808n;
var LONG_STR_SIZE = 21;
function parseLongLong(text) {
  const length = text.length;
  if (length === 0 || length >= LONG_STR_SIZE) return null;
  if (length === 1 && text[0] === 48) return 0n;
  let position = 0;
  const negative = text[0] === 45;
  if (negative) {
    position = 1;
    if (length === 1) return null;
  }
  if (text[position] < 49 || text[position] > 57) return null;
  let digits = "";
  for (; position < length; position++) {
    const byte = text[position];
    if (byte < 48 || byte > 57) return null;
    digits += String.fromCharCode(byte);
  }
  const value = negative ? -BigInt(digits) : BigInt(digits);
  return value > LLONG_MAX || value < LLONG_MIN ? null : value;
}
function compactInteger(value) {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}

// labs/engines/redis/commands/expire-time.ts
function invalidExpireTime(command) {
  return errorReply(`ERR invalid expire time in '${command}' command`);
}
function setOptionExpiry(argument, unit, relative, now) {
  let milliseconds = parseLongLong(argument);
  if (milliseconds === null) return NOT_AN_INTEGER;
  if (milliseconds <= 0n || unit === "seconds" && milliseconds > LLONG_MAX / 1000n) return invalidExpireTime("set");
  if (unit === "seconds") milliseconds *= 1000n;
  if (relative) milliseconds += BigInt(now);
  if (milliseconds > LLONG_MAX) return invalidExpireTime("set");
  return compactInteger(milliseconds);
}
function expireCommandExpiry(argument, unit, now, command) {
  let when = parseLongLong(argument);
  if (when === null) return NOT_AN_INTEGER;
  if (unit === "seconds") {
    if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return invalidExpireTime(command);
    when *= 1000n;
  }
  if (when > LLONG_MAX - BigInt(now)) return invalidExpireTime(command);
  return compactInteger(when + BigInt(now));
}

// labs/engines/redis/commands/generic.ts
var del = {
  name: "del",
  arity: -2,
  run(args, { store, now }) {
    let deleted = 0;
    for (let i = 1; i < args.length; i++) {
      const key = keyOf(args[i]);
      if (store.lookup(key, now) !== void 0 && store.delete(key)) deleted++;
    }
    return integer(deleted);
  }
};
var exists = {
  name: "exists",
  arity: -2,
  run(args, { store, now }) {
    let found = 0;
    for (let i = 1; i < args.length; i++) if (store.read(keyOf(args[i]), now) !== void 0) found++;
    return integer(found);
  }
};
function parseExpireFlags(args) {
  const flags = { nx: false, xx: false, gt: false, lt: false };
  for (let i = 3; i < args.length; i++) {
    const word = args[i].toString("latin1");
    const flag = word.toLowerCase();
    if (flag === "nx" || flag === "xx" || flag === "gt" || flag === "lt") flags[flag] = true;
    else return errorReply(`ERR Unsupported option ${cString(word)}`);
  }
  if (flags.nx && (flags.xx || flags.gt || flags.lt)) {
    return errorReply("ERR NX and XX, GT or LT options at the same time are not compatible");
  }
  if (flags.gt && flags.lt) return errorReply("ERR GT and LT options at the same time are not compatible");
  return flags;
}
function cString(text) {
  const nul = text.indexOf("\0");
  return nul === -1 ? text : text.slice(0, nul);
}
function expireCommand(name, unit) {
  return {
    name,
    arity: -3,
    run(args, { store, now }) {
      const flags = parseExpireFlags(args);
      if (Buffer.isBuffer(flags)) return flags;
      const when = expireCommandExpiry(args[2], unit, now, name);
      if (Buffer.isBuffer(when)) return when;
      const key = keyOf(args[1]);
      if (store.lookup(key, now) === void 0) return ZERO;
      const current = store.expiryOf(key);
      const persistent = current === -1;
      if (flags.nx && !persistent) return ZERO;
      if (flags.xx && persistent) return ZERO;
      if (flags.gt && (persistent || when <= current)) return ZERO;
      if (flags.lt && !persistent && when >= current) return ZERO;
      if (when <= now) store.delete(key);
      else store.setExpiry(key, when);
      return ONE;
    }
  };
}
function ttlCommand(name, unit) {
  return {
    name,
    arity: 2,
    run(args, { store, now }) {
      const key = keyOf(args[1]);
      if (store.read(key, now) === void 0) return integer(-2);
      const at = store.expiryOf(key);
      if (at === -1) return integer(-1);
      const left = typeof at === "bigint" ? at - BigInt(now) : at - now;
      if (left <= 0) return ZERO;
      if (unit === "milliseconds") return integer(left);
      return integer(typeof left === "bigint" ? (left + 500n) / 1000n : Math.floor((left + 500) / 1e3));
    }
  };
}
var genericCommands = [
  del,
  exists,
  expireCommand("expire", "seconds"),
  expireCommand("pexpire", "milliseconds"),
  ttlCommand("ttl", "seconds"),
  ttlCommand("pttl", "milliseconds")
];

// labs/engines/redis/commands/info.ts
import os from "node:os";
var COMPATIBLE_REDIS_VERSION = "7.0.15";
function human(bytes) {
  const units = ["K", "M", "G", "T", "P"];
  if (bytes < 1024) return `${bytes}B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(2)}${units[unit]}`;
}
function cpuSeconds(micros) {
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
}
var SECTIONS = [
  ["Server", ({ server, now }) => [
    ["redis_version", COMPATIBLE_REDIS_VERSION],
    ["redis_mode", "standalone"],
    // Redis prints uname's machine name ("x86_64"); os.machine() exists from Node 18.9.
    ["os", `${os.type()} ${os.release()} ${typeof os.machine === "function" ? os.machine() : os.arch()}`],
    ["arch_bits", 64],
    ["process_id", process.pid],
    ["run_id", server.runId],
    ["tcp_port", server.port],
    ["server_time_usec", now * 1e3],
    ["uptime_in_seconds", Math.floor((now - server.startedAt) / 1e3)],
    ["uptime_in_days", Math.floor((now - server.startedAt) / 864e5)],
    ["hz", 10],
    ["configured_hz", 10],
    ["executable", process.argv[1] ?? ""]
  ]],
  ["Clients", ({ server }) => [
    ["connected_clients", server.stats.connectedClients],
    ["maxclients", 1e4],
    ["blocked_clients", 0]
  ]],
  ["Memory", () => {
    const { heapUsed, rss } = process.memoryUsage();
    return [
      ["used_memory", heapUsed],
      ["used_memory_human", human(heapUsed)],
      ["used_memory_rss", rss],
      ["used_memory_rss_human", human(rss)],
      ["maxmemory", 0],
      ["maxmemory_human", "0B"],
      ["maxmemory_policy", "noeviction"]
    ];
  }],
  // The engine keeps everything in memory and never persists, like redis-server --save ''
  // --appendonly no.
  ["Persistence", () => [
    ["loading", 0],
    ["async_loading", 0],
    ["rdb_bgsave_in_progress", 0],
    ["aof_enabled", 0]
  ]],
  ["Stats", ({ server, store }) => [
    ["total_connections_received", server.stats.totalConnections],
    ["total_commands_processed", server.stats.commandsProcessed],
    ["total_net_input_bytes", server.stats.netInputBytes],
    ["total_net_output_bytes", server.stats.netOutputBytes],
    ["rejected_connections", 0],
    ["expired_keys", store.stats.expiredKeys],
    ["evicted_keys", 0],
    ["keyspace_hits", store.stats.hits],
    ["keyspace_misses", store.stats.misses],
    ["total_error_replies", server.stats.errorReplies]
  ]],
  ["Replication", () => [
    ["role", "master"],
    ["connected_slaves", 0]
  ]],
  ["CPU", () => {
    const { system, user } = process.cpuUsage();
    return [
      ["used_cpu_sys", cpuSeconds(system)],
      ["used_cpu_user", cpuSeconds(user)]
    ];
  }],
  ["Cluster", () => [["cluster_enabled", 0]]],
  // Only databases holding keys get a line (the keyspace section of genRedisInfoString).
  ["Keyspace", ({ store }) => store.size === 0 ? [] : [
    ["db0", `keys=${store.size},expires=${store.volatileCount},avg_ttl=${store.averageTtl}`]
  ]]
];
function renderInfo(requested, context) {
  const names = requested.map((name) => name.toLowerCase());
  const everything = names.length === 0 || names.some((name) => ["default", "all", "everything"].includes(name));
  const blocks = [];
  for (const [title, fields] of SECTIONS) {
    if (!everything && !names.includes(title.toLowerCase())) continue;
    const lines = fields(context).map(([field, value]) => `${field}:${value}\r
`);
    blocks.push(`# ${title}\r
${lines.join("")}`);
  }
  return blocks.join("\r\n");
}

// labs/engines/redis/commands/server.ts
var flushall = {
  name: "flushall",
  arity: -1,
  run(args, { store }) {
    if (args.length > 2) return SYNTAX_ERROR;
    if (args.length === 2 && !["sync", "async"].includes(args[1].toString("latin1").toLowerCase())) return SYNTAX_ERROR;
    store.flush();
    return OK;
  }
};
var dbsize = {
  name: "dbsize",
  arity: 1,
  run(_args, { store }) {
    return integer(store.size);
  }
};
var info = {
  name: "info",
  arity: -1,
  run(args, context) {
    return bulkText(renderInfo(args.slice(1).map((arg) => arg.toString("latin1")), context));
  }
};
var serverCommands = [flushall, dbsize, info];

// labs/engines/redis/commands/set-options.ts
var EXPIRY_UNITS = {
  EX: { unit: "seconds", relative: true },
  PX: { unit: "milliseconds", relative: true },
  EXAT: { unit: "seconds", relative: false },
  PXAT: { unit: "milliseconds", relative: false }
};
function parseSetOptions(args) {
  const options = { nx: false, xx: false, get: false, keepTtl: false, expiry: null };
  for (let i = 3; i < args.length; i++) {
    const word = args[i].toString("latin1").toUpperCase();
    const next = args[i + 1];
    if (word === "NX" && !options.xx) {
      options.nx = true;
    } else if (word === "XX" && !options.nx) {
      options.xx = true;
    } else if (word === "GET") {
      options.get = true;
    } else if (word === "KEEPTTL" && options.expiry === null) {
      options.keepTtl = true;
    } else if (isExpiryOption(word) && !options.keepTtl && (options.expiry === null || options.expiry.option === word) && next !== void 0) {
      options.expiry = { option: word, value: next };
      i++;
    } else {
      return null;
    }
  }
  return options;
}
function isExpiryOption(word) {
  return Object.hasOwn(EXPIRY_UNITS, word);
}

// labs/engines/redis/commands/string.ts
var get = {
  name: "get",
  arity: 2,
  run(args, { store, now }) {
    return bulk(store.read(keyOf(args[1]), now) ?? null);
  }
};
var set = {
  name: "set",
  arity: -3,
  run(args, { store, now }) {
    const options = parseSetOptions(args);
    if (options === null) return SYNTAX_ERROR;
    let expiresAt = null;
    if (options.expiry !== null) {
      const { unit, relative } = EXPIRY_UNITS[options.expiry.option];
      const parsed = setOptionExpiry(options.expiry.value, unit, relative, now);
      if (Buffer.isBuffer(parsed)) return parsed;
      expiresAt = parsed;
    }
    const key = keyOf(args[1]);
    const previous = options.get ? bulk(store.read(key, now) ?? null) : null;
    const found = store.lookup(key, now) !== void 0;
    if (options.nx && found || options.xx && !found) return previous ?? NIL;
    store.set(key, Buffer.from(args[2]), options.keepTtl || expiresAt !== null);
    if (expiresAt !== null) store.setExpiry(key, expiresAt);
    return previous ?? OK;
  }
};
var incr = {
  name: "incr",
  arity: 2,
  run(args, { store, now }) {
    const key = keyOf(args[1]);
    const stored = store.lookup(key, now);
    const current = stored === void 0 ? 0n : parseLongLong(stored);
    if (current === null) return NOT_AN_INTEGER;
    if (current === LLONG_MAX) return errorReply("ERR increment or decrement would overflow");
    const next = current + 1n;
    store.set(key, Buffer.from(next.toString(), "latin1"), true);
    return integer(next);
  }
};
var mget = {
  name: "mget",
  arity: -2,
  run(args, { store, now }) {
    const replies = [];
    for (let i = 1; i < args.length; i++) replies.push(bulk(store.read(keyOf(args[i]), now) ?? null));
    return array(replies);
  }
};
var stringCommands = [get, set, incr, mget];

// labs/engines/redis/commands/table.ts
var COMMANDS = new Map(
  [...connectionCommands, ...stringCommands, ...genericCommands, ...serverCommands].map((command) => [command.name, command])
);
function cString2(bytes, limit) {
  const nul = bytes.indexOf(0);
  return bytes.toString("latin1", 0, Math.min(nul === -1 ? bytes.length : nul, limit));
}
function unknownCommandError(args) {
  let listed = "";
  for (let i = 1; i < args.length && listed.length < 128; i++) listed += `'${cString2(args[i], 128 - listed.length)}' `;
  return errorReply(`ERR unknown command '${cString2(args[0], 128)}', with args beginning with: ${listed}`);
}
function execute(args, context) {
  const name = args[0].toString("latin1").toLowerCase();
  if (name === "quit") {
    context.closeAfterReply();
    return OK;
  }
  const command = COMMANDS.get(name);
  if (command === void 0) return unknownCommandError(args);
  if (command.arity > 0 && args.length !== command.arity || args.length < -command.arity) {
    return errorReply(`ERR wrong number of arguments for '${command.name}' command`);
  }
  context.server.stats.commandsProcessed++;
  return command.run(args, context);
}

// labs/engines/redis/inline-args.ts
var ESCAPES = { n: 10, r: 13, t: 9, b: 8, a: 7 };
function isSpace(byte) {
  return byte === 32 || byte >= 9 && byte <= 13;
}
function endsBareArgument(byte) {
  return byte === 32 || byte === 10 || byte === 13 || byte === 9;
}
function isHexDigit(byte) {
  return byte !== void 0 && /[0-9a-fA-F]/.test(String.fromCharCode(byte));
}
function splitInlineArgs(line) {
  const text = line;
  const args = [];
  let at = 0;
  for (; ; ) {
    while (at < text.length && isSpace(text[at])) at++;
    if (at >= text.length) return args;
    const bytes = [];
    let quote = null;
    for (let done = false; !done; ) {
      const byte = text[at];
      if (quote === "double") {
        if (byte === void 0) return null;
        if (byte === 92 && text[at + 1] === 120 && isHexDigit(text[at + 2]) && isHexDigit(text[at + 3])) {
          bytes.push(parseInt(String.fromCharCode(text[at + 2], text[at + 3]), 16));
          at += 3;
        } else if (byte === 92 && at + 1 < text.length) {
          at++;
          const escaped = String.fromCharCode(text[at]);
          bytes.push(ESCAPES[escaped] ?? text[at]);
        } else if (byte === 34) {
          if (at + 1 < text.length && !isSpace(text[at + 1])) return null;
          done = true;
        } else {
          bytes.push(byte);
        }
      } else if (quote === "single") {
        if (byte === void 0) return null;
        if (byte === 92 && text[at + 1] === 39) {
          at++;
          bytes.push(39);
        } else if (byte === 39) {
          if (at + 1 < text.length && !isSpace(text[at + 1])) return null;
          done = true;
        } else {
          bytes.push(byte);
        }
      } else if (byte === void 0 || endsBareArgument(byte)) {
        done = true;
      } else if (byte === 34) {
        quote = "double";
      } else if (byte === 39) {
        quote = "single";
      } else {
        bytes.push(byte);
      }
      if (at < text.length) at++;
    }
    args.push(Buffer.from(bytes));
  }
}

// labs/engines/redis/request-parser.ts
var ProtocolError = class {
  message;
  constructor(message) {
    this.message = `Protocol error: ${message}`;
  }
};
var INLINE_MAX_SIZE = 64 * 1024;
var MAX_BULK_LENGTH = 512 * 1024 * 1024;
var INT_MAX = 2147483647n;
var EMPTY = Buffer.alloc(0);
var RequestParser = class {
  buffer = EMPTY;
  position = 0;
  pending = [];
  pendingBytes = 0;
  // Bytes the current incomplete frame needs in total, so a large value arriving in many
  // small reads is joined once instead of on every read.
  needed = 0;
  push(chunk) {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
  }
  /** The next complete command, null until more bytes arrive, or the stream's protocol error. */
  next() {
    if (this.pendingBytes > 0 && this.buffer.length - this.position + this.pendingBytes >= this.needed) this.join();
    for (; ; ) {
      if (this.position >= this.buffer.length) return null;
      const start = this.position;
      const parsed = this.buffer[start] === 42 ? this.multibulk(start) : this.inline(start);
      if (parsed === null || parsed instanceof ProtocolError) return parsed;
      if (parsed.length > 0) return parsed;
    }
  }
  join() {
    const rest = this.buffer.subarray(this.position);
    this.buffer = rest.length === 0 && this.pending.length === 1 ? this.pending[0] : Buffer.concat([rest, ...this.pending]);
    this.position = 0;
    this.pending = [];
    this.pendingBytes = 0;
    this.needed = 0;
  }
  waitFor(totalFromStart) {
    this.needed = totalFromStart;
    return null;
  }
  inline(start) {
    const newline = this.buffer.indexOf(10, start);
    if (newline === -1 || this.buffer.subarray(start, newline).includes(0)) {
      if (this.buffer.length - start > INLINE_MAX_SIZE) return new ProtocolError("too big inline request");
      return this.waitFor(this.buffer.length - start + 1);
    }
    const end = newline > start && this.buffer[newline - 1] === 13 ? newline - 1 : newline;
    const args = splitInlineArgs(this.buffer.subarray(start, end));
    if (args === null) return new ProtocolError("unbalanced quotes in request");
    this.position = newline + 1;
    return args;
  }
  multibulk(start) {
    const countEnd = this.lineEnd(start);
    if (countEnd === -1) {
      if (this.buffer.length - start > INLINE_MAX_SIZE) return new ProtocolError("too big mbulk count string");
      return this.waitFor(this.buffer.length - start + 1);
    }
    if (countEnd + 2 > this.buffer.length) return this.waitFor(countEnd + 2 - start);
    const count = parseLongLong(this.buffer.subarray(start + 1, countEnd));
    if (count === null || count > INT_MAX) return new ProtocolError("invalid multibulk length");
    let at = countEnd + 2;
    const args = [];
    for (let i = 0n; i < count; i++) {
      const lengthEnd = this.lineEnd(at);
      if (lengthEnd === -1) {
        if (this.buffer.length - at > INLINE_MAX_SIZE) return new ProtocolError("too big bulk count string");
        return this.waitFor(this.buffer.length - start + 1);
      }
      if (lengthEnd + 2 > this.buffer.length) return this.waitFor(lengthEnd + 2 - start);
      if (this.buffer[at] !== 36) return new ProtocolError(`expected '$', got '${String.fromCharCode(this.buffer[at])}'`);
      const length = parseLongLong(this.buffer.subarray(at + 1, lengthEnd));
      if (length === null || length < 0n || length > MAX_BULK_LENGTH) return new ProtocolError("invalid bulk length");
      const valueStart = lengthEnd + 2;
      const valueEnd = valueStart + Number(length);
      if (valueEnd + 2 > this.buffer.length) return this.waitFor(valueEnd + 2 - start);
      args.push(this.buffer.subarray(valueStart, valueEnd));
      at = valueEnd + 2;
    }
    this.position = at;
    return args;
  }
  /** Where the header line starting at `from` ends: its \r, or -1 while none has arrived. */
  lineEnd(from) {
    const cr = this.buffer.indexOf(13, from);
    if (cr === -1 || this.buffer.subarray(from, cr).includes(0)) return -1;
    return cr;
  }
};

// labs/engines/redis/session.ts
function serveConnection(socket, { store, server, clock, log }) {
  const stats = server.stats;
  const parser = new RequestParser();
  let closing = false;
  let aborted = false;
  const context = {
    store,
    server,
    now: 0,
    closeAfterReply() {
      closing = true;
    },
    abort(reason) {
      aborted = true;
      log(`course-redis: ${reason}`);
    }
  };
  stats.connectedClients++;
  stats.totalConnections++;
  socket.setNoDelay(true);
  socket.on("data", (chunk) => {
    if (closing) return;
    stats.netInputBytes += chunk.length;
    parser.push(chunk);
    const replies = [];
    while (!closing) {
      const request = parser.next();
      if (request === null) break;
      let reply;
      if (request instanceof ProtocolError) {
        reply = errorReply(`ERR ${request.message}`);
        closing = true;
      } else {
        context.now = clock();
        reply = execute(request, context);
      }
      if (aborted || reply === null) {
        socket.destroy();
        return;
      }
      if (reply[0] === 45) stats.errorReplies++;
      replies.push(reply);
    }
    if (replies.length > 0) {
      const out = replies.length === 1 ? replies[0] : Buffer.concat(replies);
      stats.netOutputBytes += out.length;
      if (!socket.write(out) && !closing) {
        socket.pause();
        socket.once("drain", () => socket.resume());
      }
    }
    if (closing) socket.end(() => socket.destroy());
  });
  socket.on("error", () => socket.destroy());
  socket.on("close", () => {
    stats.connectedClients--;
  });
}

// labs/engines/redis/server.ts
var EXPIRE_CYCLE_INTERVAL_MS = 100;
var EXPIRE_CYCLE_BUDGET_MS = 25;
function startCacheServer(options) {
  const host = options.host ?? "127.0.0.1";
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((line) => console.error(line));
  const store = new KeyStore();
  const sockets = /* @__PURE__ */ new Set();
  const listener = net.createServer();
  let port = options.port;
  const state = {
    get port() {
      return port;
    },
    startedAt: clock(),
    runId: randomBytes(20).toString("hex"),
    stats: { connectedClients: 0, totalConnections: 0, commandsProcessed: 0, errorReplies: 0, netInputBytes: 0, netOutputBytes: 0 }
  };
  listener.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveConnection(socket, { store, server: state, clock, log });
  });
  return new Promise((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(options.port, host, () => {
      listener.off("error", reject);
      const address = listener.address();
      if (address !== null && typeof address === "object") port = address.port;
      const cycle = setInterval(() => store.activeExpireCycle(clock, EXPIRE_CYCLE_BUDGET_MS), EXPIRE_CYCLE_INTERVAL_MS);
      cycle.unref();
      resolve({
        host,
        port,
        store,
        close() {
          clearInterval(cycle);
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => listener.close(() => done()));
        }
      });
    });
  });
}

// labs/cache-aside/services/product-database.ts
import { createServer } from "node:http";

// labs/cache-aside/services/product.ts
var expected = 'expected a JSON object with "name" (a non-empty string), "price" (a number of 0 or more) or both, such as {"name":"Desk lamp","price":24.5}';
function parseProductChanges(body) {
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: `the body is not JSON (received ${JSON.stringify(body.slice(0, 80))}); ${expected}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, error: `the body is not a JSON object; ${expected}` };
  const changes = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === "name" && typeof fieldValue === "string" && fieldValue.trim() !== "") changes.name = fieldValue;
    else if (field === "price" && typeof fieldValue === "number" && Number.isFinite(fieldValue) && fieldValue >= 0) changes.price = fieldValue;
    else if (field !== "id") return { ok: false, error: `the field "${field}" has the value ${JSON.stringify(fieldValue)}; ${expected}` };
  }
  if (changes.name === void 0 && changes.price === void 0) return { ok: false, error: `the body changes nothing; ${expected}` };
  return { ok: true, changes };
}

// labs/cache-aside/services/product-database.ts
var productPath = /^\/products\/([^/?#]+)$/;
var ProductDatabase = class _ProductDatabase {
  host;
  /** Time every read takes before it answers; change it at any moment. */
  readLatencyMs;
  /** Time every write takes; the row changes when the wait is over, as a commit would. */
  writeLatencyMs;
  rows = /* @__PURE__ */ new Map();
  readCounts = /* @__PURE__ */ new Map();
  writeCounts = /* @__PURE__ */ new Map();
  failures = /* @__PURE__ */ new Map();
  holds = /* @__PURE__ */ new Map();
  sockets = /* @__PURE__ */ new Set();
  log;
  server;
  portNumber;
  constructor(options) {
    this.host = options.host ?? "127.0.0.1";
    this.portNumber = options.port ?? 0;
    this.readLatencyMs = options.readLatencyMs ?? 0;
    this.writeLatencyMs = options.writeLatencyMs ?? 0;
    this.log = options.log ?? (() => {
    });
    for (const product of options.products) this.rows.set(String(product.id), { ...product });
  }
  static async start(options) {
    const database = new _ProductDatabase(options);
    await database.listen();
    return database;
  }
  get port() {
    return this.portNumber;
  }
  /** The address to give the learner's program as DATABASE_URL. */
  get url() {
    return `http://${this.host}:${this.portNumber}`;
  }
  /** The row as it is now (a copy), or undefined for an unknown id. */
  product(id) {
    const row = this.rows.get(String(id));
    return row ? { ...row } : void 0;
  }
  /** Changes a row at once, as another service writing to the database would. */
  update(id, changes) {
    const row = this.rows.get(String(id));
    if (!row) throw new RangeError(`the database has no product ${id} to update`);
    Object.assign(row, changes);
    return { ...row };
  }
  /** How many reads (GET /products/:id) of this id the database has received. */
  reads(id) {
    return this.readCounts.get(String(id)) ?? 0;
  }
  /** How many writes (PUT /products/:id) of this id have arrived, finished or not. */
  writes(id) {
    return this.writeCounts.get(String(id)) ?? 0;
  }
  /** Resolves true once `count` writes of the id have arrived, false after timeoutMs. */
  async waitForWrites(id, count, timeoutMs) {
    const until = Date.now() + timeoutMs;
    while (this.writes(id) < count) {
      if (Date.now() >= until) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return true;
  }
  /**
   * Holds the reads or the writes of the id that arrive from now on until release() is called:
   * they are counted at once but answered (after their usual latency) only then. Checks use it
   * to decide exactly what happens while a query runs, without relying on timing.
   */
  hold(id, what) {
    const key = `${what} ${id}`;
    let release = () => {
    };
    const released = new Promise((resolve) => {
      release = () => {
        if (this.holds.get(key)?.released === released) this.holds.delete(key);
        resolve();
      };
    });
    this.holds.set(key, { released, release });
    return release;
  }
  failReads(id, failure) {
    this.failures.set(String(id), failure);
  }
  heal(id) {
    this.failures.delete(String(id));
  }
  /** Stops listening and cuts every open connection. */
  async stop() {
    for (const hold of [...this.holds.values()]) hold.release();
    const server = this.server;
    if (!server) return;
    this.server = void 0;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => server.close(() => resolve()));
  }
  listen() {
    const server = createServer((req, res) => this.handle(req, res));
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.portNumber, this.host, () => {
        server.off("error", reject);
        const address = server.address();
        if (typeof address === "object" && address) this.portNumber = address.port;
        this.server = server;
        resolve();
      });
    });
  }
  handle(req, res) {
    const startedAt = Date.now();
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const answer = (status, body) => {
        const text = `${JSON.stringify(body)}
`;
        res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
        res.end(text);
        this.log(`${req.method} ${req.url} \u2192 ${status} (${Date.now() - startedAt} ms)`);
      };
      const match = productPath.exec(req.url ?? "");
      if (!match) return answer(404, { error: `no such route: ${req.method} ${req.url}; the database serves GET and PUT /products/:id` });
      const id = decodeURIComponent(match[1]);
      if (req.method === "GET") return this.read(id, answer);
      if (req.method === "PUT") return this.write(id, Buffer.concat(chunks).toString("utf8"), answer);
      res.setHeader("Allow", "GET, PUT");
      return answer(405, { error: `${req.method} is not supported; use GET or PUT` });
    });
  }
  /** Runs `then` once a hold on this kind of query (if any) is released and the latency has passed. */
  after(what, id, latencyMs, then) {
    const held = this.holds.get(`${what} ${id}`)?.released ?? Promise.resolve();
    held.then(() => setTimeout(then, latencyMs));
  }
  read(id, answer) {
    this.readCounts.set(id, this.reads(id) + 1);
    const failure = this.failures.get(id);
    this.after("reads", id, this.readLatencyMs, () => {
      if (failure?.kind === "hang") return;
      if (failure) return answer(failure.status, { error: "the database failed to run the query" });
      const row = this.rows.get(id);
      if (!row) return answer(404, { error: `no product with id ${id}` });
      answer(200, row);
    });
  }
  write(id, body, answer) {
    const parsed = parseProductChanges(body);
    if (!parsed.ok) return answer(400, { error: parsed.error });
    this.writeCounts.set(id, this.writes(id) + 1);
    this.after("writes", id, this.writeLatencyMs, () => {
      const row = this.rows.get(id);
      if (!row) return answer(404, { error: `no product with id ${id}` });
      Object.assign(row, parsed.changes);
      answer(200, row);
    });
  }
};

// labs/cache-aside/services/practice-products.ts
var practiceReadLatencyMs = 200;
var practiceProducts = [
  { id: 1, name: "Walnut desk lamp", price: 48.5 },
  { id: 2, name: "Linen notebook", price: 12 },
  { id: 3, name: "Enamel coffee mug", price: 9.75 },
  { id: 4, name: "Wool desk mat", price: 34 },
  { id: 5, name: "Brass pencil sharpener", price: 15.25 },
  { id: 6, name: "Canvas tote bag", price: 22 },
  { id: 7, name: "Ceramic plant pot", price: 18.4 },
  { id: 8, name: "Oak monitor stand", price: 65 }
];

// labs/cache-aside/services/launch.ts
var say = (line) => console.log(`[launch] ${line}`);
if (!process.env.DATABASE_URL) {
  const database = await ProductDatabase.start({ products: practiceProducts, readLatencyMs: practiceReadLatencyMs, writeLatencyMs: practiceReadLatencyMs });
  process.env.DATABASE_URL = database.url;
  const ids = practiceProducts.map((product) => product.id);
  say(`practice database at ${database.url}: products ${ids[0]} to ${ids[ids.length - 1]}, ${practiceReadLatencyMs} ms per query (try curl ${database.url}/products/${ids[0]})`);
}
if (!process.env.CACHE_URL) {
  const cache = await startCacheServer({ port: 0, log: (line) => say(line) });
  process.env.CACHE_URL = `redis://${cache.host}:${cache.port}`;
  say(`practice cache at ${process.env.CACHE_URL} (try redis-cli -p ${cache.port} TTL product:${practiceProducts[0]?.id})`);
}
process.env.CACHE_TTL_SECONDS ??= "30";
process.env.NEGATIVE_TTL_SECONDS ??= "5";
say(`DATABASE_URL=${process.env.DATABASE_URL} CACHE_URL=${process.env.CACHE_URL} CACHE_TTL_SECONDS=${process.env.CACHE_TTL_SECONDS} NEGATIVE_TTL_SECONDS=${process.env.NEGATIVE_TTL_SECONDS}`);
await import(new URL("./server.js", import.meta.url).href);
