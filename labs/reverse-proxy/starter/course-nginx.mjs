#!/usr/bin/env node
// The course proxy (course-nginx), bundled from labs/engines/nginx/cli.ts for the reverse-proxy lab. Start it like nginx: node course-nginx.mjs -p ./ -c nginx.conf

// labs/engines/nginx/cli.ts
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";

// labs/engines/nginx/conf-error.ts
var ConfError = class extends Error {
  detail;
  file;
  line;
  constructor(detail, file, line) {
    super(file === void 0 ? detail : line === 0 || line === void 0 ? `${detail} in ${file}` : `${detail} in ${file}:${line}`);
    this.name = "ConfError";
    this.detail = detail;
    this.file = file;
    this.line = line;
  }
};
function formatLogLine(level, message) {
  return `nginx: [${level}] ${message}`;
}

// labs/engines/nginx/cli-args.ts
var CliUsageError = class extends Error {
};
var needs = { p: "directory name", c: "file name", g: "parameter", e: "file name", s: "parameter" };
function parseCliArgs(argv) {
  const o = { help: false, version: false, versionConfigure: false, test: false, dump: false, quiet: false, explainHeaders: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--explain" || arg === "--explain-header") {
      const value = argv[++i];
      if (value === void 0) throw new CliUsageError(`option "${arg}" requires ${arg === "--explain" ? "a URL, for example http://localhost:8080/api/" : 'a header, for example "Host: example.com"'}`);
      if (arg === "--explain") o.explain = value;
      else o.explainHeaders.push(value);
      continue;
    }
    if (!arg.startsWith("-")) throw new CliUsageError(`invalid option: "${arg}"`);
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j];
      switch (flag) {
        case "?":
        case "h":
          o.help = true;
          break;
        case "v":
          o.version = true;
          break;
        case "V":
          o.version = o.versionConfigure = true;
          break;
        case "t":
          o.test = true;
          break;
        case "T":
          o.test = o.dump = true;
          break;
        case "q":
          o.quiet = true;
          break;
        case "p":
        case "c":
        case "g":
        case "e":
        case "s": {
          let value = arg.slice(j + 1);
          if (!value) {
            const next = argv[++i];
            if (next === void 0) throw new CliUsageError(`option "-${flag}" requires ${needs[flag]}`);
            value = next;
          }
          if (flag === "p") o.prefix = value;
          else if (flag === "c") o.confFile = value;
          else if (flag === "g") o.globalDirectives = value;
          else if (flag === "e") o.errorLog = value;
          else o.signal = value;
          j = arg.length;
          break;
        }
        default:
          throw new CliUsageError(`invalid option: "${arg.slice(j)}"`);
      }
    }
  }
  return o;
}
var usage = `Usage: course-nginx [-?hvVtTq] [-p prefix] [-c filename] [-g directives]
                    [--explain URL [--explain-header "Name: value"]...]

Options (as nginx's):
  -?,-h         : this help
  -v            : show version and exit
  -V            : show version and what the course proxy supports, then exit
  -t            : test configuration and exit
  -T            : test configuration, dump it and exit
  -q            : suppress non-error messages during configuration testing
  -p prefix     : set prefix path (default: the current directory; nginx's is /usr/share/nginx/)
  -c filename   : set configuration file (default: nginx.conf in the prefix)
  -g directives : set global directives out of configuration file
Course-only options:
  --explain URL : show which server and location would answer a GET for URL, why,
                  and the headers in effect after inheritance; then exit
  --explain-header "Name: value" : a request header for --explain (repeatable)
`;

// labs/engines/nginx/directives-core.ts
import { isAbsolute, join } from "node:path";

// labs/engines/nginx/conf-values.ts
function fail(d, detail) {
  throw new ConfError(detail, d.file, d.line);
}
var timeUnits = { y: 31536e6, M: 2592e6, w: 6048e5, d: 864e5, h: 36e5, m: 6e4, s: 1e3, ms: 1 };
var unitOrder = ["y", "M", "w", "d", "h", "m", "s", "ms"];
function parseTimeMs(value, secondsOnly = false) {
  const re = /\s*(\d+)(ms|[yMwdhms])?/y;
  let total = 0;
  let lastUnit = -1;
  let pos = 0;
  let matched = false;
  while (pos < value.length) {
    re.lastIndex = pos;
    const m = re.exec(value);
    if (!m) return void 0;
    const unit = m[2] ?? "s";
    const order = unitOrder.indexOf(unit);
    if (order <= lastUnit || secondsOnly && unit === "ms") return void 0;
    lastUnit = m[2] === void 0 ? unitOrder.length : order;
    total += Number(m[1]) * timeUnits[unit];
    pos = re.lastIndex;
    matched = true;
  }
  return matched ? total : void 0;
}
function parseSize(value) {
  const m = /^(\d+)([kKmMgG]?)$/.exec(value);
  if (!m) return void 0;
  const scale = { "": 1, k: 1024, m: 1048576, g: 1073741824 }[m[2].toLowerCase()];
  return Number(m[1]) * scale;
}
function setFlag(d, conf, key = d.name) {
  if (conf.own(key) !== void 0) return "is duplicate";
  conf.values.set(key, parseFlag(d));
}
function parseFlag(d) {
  const v = d.args[0].toLowerCase();
  if (v === "on") return true;
  if (v === "off") return false;
  fail(d, `invalid value "${d.args[0]}" in "${d.name}" directive, it must be "on" or "off"`);
}
function setMsec(d, conf) {
  if (conf.own(d.name) !== void 0) return "is duplicate";
  const ms = parseTimeMs(d.args[0]);
  if (ms === void 0) return "invalid value";
  conf.values.set(d.name, ms);
}
function setSize(d, conf) {
  if (conf.own(d.name) !== void 0) return "is duplicate";
  const bytes = parseSize(d.args[0]);
  if (bytes === void 0) return "invalid value";
  conf.values.set(d.name, bytes);
}
function setNumber(d, conf) {
  if (conf.own(d.name) !== void 0) return "is duplicate";
  if (!/^\d+$/.test(d.args[0])) return "invalid number";
  conf.values.set(d.name, Number(d.args[0]));
}

// labs/engines/nginx/directive-spec.ts
function arityAccepts(arity, count) {
  if (arity === "any") return true;
  if (arity === "flag") return count === 1;
  if (arity === "1more") return count >= 1;
  if (arity === "2more") return count >= 2;
  return count <= 7 && arity.includes(count);
}
var H = ["http", "server", "location"];
var HS = ["http", "server"];
var SL = ["server", "location"];

// labs/engines/nginx/directives-server.ts
import { isIP } from "node:net";

// labs/engines/nginx/regex.ts
function compileRegex(d, source, caseless) {
  const js = source.replace(/\(\?P</g, "(?<");
  try {
    return new RegExp(js, caseless ? "i" : "");
  } catch (error) {
    const reason = error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "");
    fail(d, `pcre2_compile() failed: ${reason.charAt(0).toLowerCase()}${reason.slice(1)} in "${source}"`);
  }
}

// labs/engines/nginx/directives-server.ts
var unsupportedListenParams = /^(ssl|http2|spdy|proxy_protocol|reuseport|deferred|bind|quic|backlog=|rcvbuf=|sndbuf=|ipv6only=|so_keepalive=|fastopen=|accept_filter=|setfib=)/;
function listenKey(l) {
  return `${l.host === "*" ? "0.0.0.0" : l.host}:${l.port}`;
}
function parseListenAddress(d, text) {
  const portOf = (p) => {
    const n = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!(n >= 1 && n <= 65535)) fail(d, `invalid port in "${text}" of the "listen" directive`);
    return n;
  };
  if (text.startsWith("unix:")) fail(d, `valid in nginx, not supported by the course proxy: "listen unix:"`);
  if (/^\d+$/.test(text)) return { host: "*", port: portOf(text) };
  let host = text;
  let port = 80;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    host = text.slice(0, close + 1);
    if (text.length > close + 1) {
      if (text[close + 1] !== ":") fail(d, `invalid host in "${text}" of the "listen" directive`);
      port = portOf(text.slice(close + 2));
    }
    if (isIP(host.slice(1, -1)) !== 6) fail(d, `invalid IPv6 address in "${text}" of the "listen" directive`);
    return { host, port };
  }
  const colon = text.lastIndexOf(":");
  if (colon !== -1) {
    host = text.slice(0, colon);
    port = portOf(text.slice(colon + 1));
  }
  if (host === "*" || host === "0.0.0.0") return { host: "*", port };
  if (host.toLowerCase() === "localhost") return { host: "127.0.0.1", port };
  if (isIP(host) !== 4) fail(d, `host not found in "${text}" of the "listen" directive`);
  return { host, port };
}
function listenDirective(d, ctx) {
  const { host, port } = parseListenAddress(d, d.args[0]);
  let defaultServer = false;
  for (const param of d.args.slice(1)) {
    if (param === "default_server") defaultServer = true;
    else if (unsupportedListenParams.test(param)) fail(d, `valid in nginx, not supported by the course proxy: "listen ... ${param}"`);
    else fail(d, `invalid parameter "${param}"`);
  }
  const listen = { host, port, defaultServer, file: d.file, line: d.line };
  const key = listenKey(listen);
  const server2 = ctx.server;
  const http = ctx.http;
  if (server2.listens.some((l) => listenKey(l) === key)) fail(d, `a duplicate listen ${key}`);
  if (defaultServer) {
    const other = http.servers.find((s) => s !== server2 && s.listens.some((l) => l.defaultServer && listenKey(l) === key));
    if (other) fail(d, `a duplicate default server for ${key}`);
  }
  server2.listens.push(listen);
}
function serverNameDirective(d, ctx) {
  const server2 = ctx.server;
  for (const raw of d.args) {
    if (server2.names.length === 0 && !server2.primaryName) server2.primaryName = raw.startsWith(".") ? raw.slice(1).toLowerCase() : raw.toLowerCase();
    if (raw.startsWith("~")) {
      const regex = compileRegex(d, raw.slice(1), true);
      for (const name2 of Object.keys(regexGroupNames(raw.slice(1)))) ctx.state.captureNames.add(name2);
      server2.names.push({ kind: "regex", name: raw, regex });
      continue;
    }
    const name = raw.toLowerCase();
    const names2 = [];
    if (name.startsWith(".")) {
      names2.push({ kind: "exact", name: name.slice(1) }, { kind: "wildcard-head", name: "*" + name });
    } else if (name.startsWith("*.")) {
      names2.push({ kind: "wildcard-head", name });
    } else if (name.endsWith(".*")) {
      names2.push({ kind: "wildcard-tail", name });
    } else {
      names2.push({ kind: "exact", name });
    }
    server2.names.push(...names2);
  }
}
function regexGroupNames(source) {
  const out = {};
  for (const m of source.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)) out[m[1].toLowerCase()] = true;
  return out;
}

// labs/engines/nginx/loc-conf.ts
var LocConf = class {
  parent;
  values = /* @__PURE__ */ new Map();
  constructor(parent) {
    this.parent = parent;
  }
  own(key) {
    return this.values.get(key);
  }
  /** Effective values remembered once the configuration is complete (see freeze). */
  memo;
  /** The effective value after inheritance. */
  get(key) {
    if (this.memo?.has(key)) return this.memo.get(key);
    let found;
    for (let level = this; level; level = level.parent) {
      if (level.values.has(key)) {
        found = level.values.get(key);
        break;
      }
    }
    this.memo?.set(key, found);
    return found;
  }
  /** Called when loading is done: no value changes any more, so lookups can be remembered. */
  freeze() {
    this.memo = /* @__PURE__ */ new Map();
  }
  /** Which level set the effective value: 0 for this one, 1 for its parent, ... */
  depthOf(key) {
    let depth = 0;
    for (let level = this; level; level = level.parent, depth++) {
      if (level.values.has(key)) return depth;
    }
    return -1;
  }
  /** Sets a value once per level; a second time is nginx's "is duplicate". */
  setOnce(key, value) {
    if (this.values.has(key)) return "is duplicate";
    this.values.set(key, value);
  }
  /** Appends to a list that belongs to this level. */
  push(key, ...items) {
    const list = this.values.get(key) ?? [];
    list.push(...items);
    this.values.set(key, list);
  }
};

// labs/engines/nginx/directives-location.ts
function splitModifier(d) {
  if (d.args.length === 2) {
    const [mod, name] = d.args;
    if (mod === "=" || mod === "^~" || mod === "~" || mod === "~*") return { modifier: mod, name };
    fail(d, `invalid location modifier "${mod}"`);
  }
  const arg = d.args[0];
  if (arg.startsWith("=")) return { modifier: "=", name: arg.slice(1) };
  if (arg.startsWith("^~")) return { modifier: "^~", name: arg.slice(2) };
  if (arg.startsWith("~*")) return { modifier: "~*", name: arg.slice(2) };
  if (arg.startsWith("~")) return { modifier: "~", name: arg.slice(1) };
  if (arg.startsWith("@")) return { modifier: "@", name: arg };
  return { modifier: "", name: arg };
}
var isRegex = (m) => m === "~" || m === "~*";
function locationDirective(d, ctx) {
  const { modifier, name } = splitModifier(d);
  const parent = ctx.location;
  if (parent) {
    if (parent.modifier === "=") fail(d, `location "${name}" cannot be inside the exact location "${parent.name}"`);
    if (parent.modifier === "@") fail(d, `location "${name}" cannot be inside the named location "${parent.name}"`);
    if (modifier === "@") fail(d, `named location "${name}" can be on the server level only`);
    if (!isRegex(modifier) && !isRegex(parent.modifier) && !name.startsWith(parent.name)) {
      fail(d, `location "${name}" is outside location "${parent.name}"`);
    }
  }
  const block = {
    modifier,
    name,
    file: d.file,
    line: d.line,
    conf: new LocConf(ctx.loc),
    locations: [],
    ...parent ? { parent } : {}
  };
  if (isRegex(modifier)) {
    block.regex = compileRegex(d, name, modifier === "~*");
    for (const group of Object.keys(regexGroupNames(name))) ctx.state.captureNames.add(group);
  }
  (parent ? parent.locations : ctx.server.locations).push(block);
  ctx.parseBlock({ kind: "location", http: ctx.http, server: ctx.server, location: block, loc: block.conf });
}

// labs/engines/nginx/template.ts
var nameChar = /[A-Za-z0-9_]/;
function compileTemplate(source) {
  const parts = [];
  let lit = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch !== "$") {
      lit += ch;
      continue;
    }
    const next = source[i + 1];
    if (next !== void 0 && next >= "1" && next <= "9") {
      if (lit) parts.push({ lit });
      lit = "";
      parts.push({ capture: Number(next) });
      i++;
      continue;
    }
    let name = "";
    if (next === "{") {
      const close = source.indexOf("}", i + 2);
      if (close === -1) {
        throw new TemplateError(`the closing bracket in "${source.slice(i + 2)}" variable is missing`);
      }
      name = source.slice(i + 2, close);
      i = close;
    } else {
      let j = i + 1;
      while (j < source.length && nameChar.test(source[j])) j++;
      name = source.slice(i + 1, j);
      i = j - 1;
    }
    if (!name) throw new TemplateError(`invalid variable name in "${source}"`);
    if (lit) parts.push({ lit });
    lit = "";
    parts.push({ variable: name.toLowerCase() });
  }
  if (lit) parts.push({ lit });
  return { source, parts, hasVariables: parts.some((p) => !("lit" in p)) };
}
var TemplateError = class extends Error {
};
function renderTemplate(t, lookup2, captures) {
  if (!t.hasVariables) return t.source;
  let out = "";
  for (const part of t.parts) {
    if ("lit" in part) out += part.lit;
    else if ("variable" in part) out += lookup2(part.variable) ?? "";
    else out += captures?.[part.capture] ?? "";
  }
  return out;
}
function variablesOf(t) {
  return t.parts.flatMap((p) => "variable" in p ? [p.variable] : []);
}

// labs/engines/nginx/variables-known.ts
var knownVariables = /* @__PURE__ */ new Set([
  "args",
  "binary_remote_addr",
  "body_bytes_sent",
  "bytes_sent",
  "connection",
  "connection_requests",
  "content_length",
  "content_type",
  "document_root",
  "document_uri",
  "host",
  "hostname",
  "is_args",
  "msec",
  "nginx_version",
  "pid",
  "proxy_add_x_forwarded_for",
  "proxy_host",
  "proxy_port",
  "query_string",
  "realpath_root",
  "remote_addr",
  "remote_port",
  "remote_user",
  "request",
  "request_length",
  "request_method",
  "request_time",
  "request_uri",
  "scheme",
  "server_addr",
  "server_name",
  "server_port",
  "server_protocol",
  "status",
  "time_iso8601",
  "time_local",
  "upstream_addr",
  "upstream_connect_time",
  "upstream_response_time",
  "upstream_status",
  "uri",
  "request_id"
]);
var variablePrefixes = ["http_", "arg_", "cookie_", "sent_http_", "upstream_http_"];
function isKnownVariable(name, captureNames) {
  return knownVariables.has(name) || captureNames.has(name) || variablePrefixes.some((p) => name.startsWith(p) && name.length > p.length);
}
function useTemplate(ctx, d, t) {
  for (const name of variablesOf(t)) ctx.state.variableUses.push({ name, file: d.file, line: d.line });
  return t;
}

// labs/engines/nginx/directives-core.ts
function rootOrAlias(d, ctx) {
  const conf = ctx.loc;
  const alias = d.name === "alias";
  const existing = conf.own("root");
  if (existing) {
    if (existing.alias === alias) return "is duplicate";
    return `is duplicate, "${existing.alias ? "alias" : "root"}" directive was specified earlier`;
  }
  if (alias && ctx.location?.modifier === "@") fail(d, 'the "alias" directive cannot be used inside the named location');
  let path = d.args[0];
  if (!alias && path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  if (!path.startsWith("$") && !isAbsolute(path)) path = join(ctx.state.config.prefix, path);
  conf.values.set("root", { alias, template: useTemplate(ctx, d, compileTemplate(path)) });
}
function server(d, ctx) {
  const http = ctx.http;
  const srv = {
    file: d.file,
    line: d.line,
    listens: [],
    names: [],
    primaryName: "",
    conf: new LocConf(http.conf),
    locations: []
  };
  http.servers.push(srv);
  ctx.parseBlock({ kind: "server", http, server: srv, loc: srv.conf });
  if (srv.listens.length === 0) {
    const port = typeof process.getuid === "function" && process.getuid() === 0 ? 80 : 8e3;
    srv.listens.push({ host: "*", port, defaultServer: false, file: d.file, line: d.line });
  }
}
function tryFiles(d, ctx) {
  const last = d.args[d.args.length - 1];
  if (last.startsWith("=") && !/^=\d{3}$/.test(last)) fail(d, `invalid code "${last}"`);
  const value = d.args.map((a) => useTemplate(ctx, d, compileTemplate(a)));
  return ctx.loc.setOnce("try_files", value);
}
function errorPage(d, ctx) {
  const args = [...d.args];
  const uri = args.pop();
  let overwrite;
  const last = args[args.length - 1];
  if (last.startsWith("=")) {
    args.pop();
    if (last === "=") overwrite = "=";
    else if (/^=\d+$/.test(last)) overwrite = Number(last.slice(1));
    else fail(d, `invalid value "${last}"`);
    if (args.length === 0) return "invalid number of arguments";
  }
  const codes = [];
  for (const code of args) {
    if (!/^\d+$/.test(code)) fail(d, `invalid value "${code}"`);
    const n = Number(code);
    if (n === 499) fail(d, `value "${code}" must be between 300 and 599`);
    if (n < 300 || n > 599) fail(d, `value "${code}" must be between 300 and 599`);
    codes.push(n);
  }
  ctx.loc.push("error_page", { codes, overwrite, uri: useTemplate(ctx, d, compileTemplate(uri)) });
}
function types(_d, ctx) {
  if (!ctx.loc.own("types")) ctx.loc.values.set("types", /* @__PURE__ */ new Map());
  ctx.parseBlock({ kind: "types", http: ctx.http, server: ctx.server, location: ctx.location, loc: ctx.loc });
}
var coreDirectives = [
  { name: "include", contexts: ["main", "events", "http", "server", "location", "upstream"], arity: [1] },
  {
    name: "events",
    contexts: ["main"],
    arity: [0],
    block: true,
    handler: (_d, ctx) => {
      if (ctx.state.config.hasEvents) return "is duplicate";
      ctx.state.config.hasEvents = true;
      ctx.parseBlock({ kind: "events" });
    }
  },
  { name: "server", contexts: ["http"], arity: [0], block: true, handler: server },
  { name: "listen", contexts: ["server"], arity: "1more", handler: listenDirective },
  { name: "server_name", contexts: ["server"], arity: "1more", handler: serverNameDirective },
  { name: "location", contexts: SL, arity: [1, 2], block: true, handler: locationDirective },
  { name: "root", contexts: H, arity: [1], handler: rootOrAlias },
  { name: "alias", contexts: ["location"], arity: [1], handler: rootOrAlias },
  { name: "index", contexts: H, arity: "1more", handler: (d, ctx) => ctx.loc.push("index", ...d.args.map((a) => useTemplate(ctx, d, compileTemplate(a)))) },
  { name: "try_files", contexts: SL, arity: "2more", handler: tryFiles },
  { name: "error_page", contexts: H, arity: "2more", handler: errorPage },
  { name: "default_type", contexts: H, arity: [1], handler: (d, ctx) => ctx.loc.setOnce("default_type", d.args[0]) },
  { name: "types", contexts: H, arity: [0], block: true, handler: types },
  { name: "internal", contexts: ["location"], arity: [0], handler: (_d, ctx) => ctx.loc.setOnce("internal", true) },
  { name: "client_max_body_size", contexts: H, arity: [1], handler: (d, ctx) => setSize(d, ctx.loc) },
  { name: "server_tokens", contexts: H, arity: [1], handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "merge_slashes", contexts: HS, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "port_in_redirect", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "absolute_redirect", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "server_name_in_redirect", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "recursive_error_pages", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) }
];

// labs/engines/nginx/directives-gzip.ts
var proxiedFlags = ["off", "expired", "no-cache", "no-store", "private", "no_last_modified", "no_etag", "auth", "any"];
function gzipTypes(d, ctx) {
  if (ctx.loc.own("gzip_types") !== void 0) return "is duplicate";
  ctx.loc.values.set("gzip_types", d.args.includes("*") ? "*" : ["text/html", ...d.args.map((t) => t.toLowerCase())]);
}
function compLevel(d, ctx) {
  if (ctx.loc.own(d.name) !== void 0) return "is duplicate";
  const n = /^\d+$/.test(d.args[0]) ? Number(d.args[0]) : NaN;
  if (Number.isNaN(n)) return "invalid number";
  if (n < 1 || n > 9) fail(d, "value must be between 1 and 9");
  ctx.loc.values.set(d.name, n);
}
function gzipProxied(d, ctx) {
  for (const flag of d.args) if (!proxiedFlags.includes(flag)) fail(d, `invalid value "${flag}"`);
  ctx.loc.push("gzip_proxied", ...d.args);
}
function gzipHttpVersion(d, ctx) {
  if (ctx.loc.own(d.name) !== void 0) return "is duplicate";
  if (d.args[0] !== "1.0" && d.args[0] !== "1.1") fail(d, `invalid value "${d.args[0]}"`);
  ctx.loc.values.set(d.name, d.args[0]);
}
function gzipDisable(d, ctx) {
  for (const arg of d.args) ctx.loc.push("gzip_disable", arg === "msie6" ? "msie6" : compileRegex(d, arg, true));
}
var gzipDirectives = [
  { name: "gzip", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "gzip_types", contexts: H, arity: "1more", handler: gzipTypes },
  { name: "gzip_min_length", contexts: H, arity: [1], handler: (d, ctx) => setSize(d, ctx.loc) },
  { name: "gzip_comp_level", contexts: H, arity: [1], handler: compLevel },
  { name: "gzip_vary", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "gzip_proxied", contexts: H, arity: "1more", handler: gzipProxied },
  { name: "gzip_http_version", contexts: H, arity: [1], handler: gzipHttpVersion },
  { name: "gzip_disable", contexts: H, arity: "1more", handler: gzipDisable }
];

// labs/engines/nginx/directives-headers.ts
function addHeader(d, ctx) {
  const [name, value, always] = d.args;
  if (always !== void 0 && always !== "always") fail(d, `invalid parameter "${always}"`);
  ctx.loc.push("add_header", { name, value: useTemplate(ctx, d, compileTemplate(value)), always: always === "always" });
}
function expires(d, ctx) {
  if (ctx.loc.own("expires") !== void 0) return "is duplicate";
  let kind = "access";
  let value = d.args[0];
  if (d.args.length === 2) {
    if (d.args[0] !== "modified") return "invalid value";
    kind = "modified";
    value = d.args[1];
  }
  if (value === "epoch" || value === "max" || value === "off") {
    ctx.loc.values.set("expires", { kind: value });
    return;
  }
  let sign = 1;
  if (value.startsWith("@")) {
    if (kind === "modified") return 'daily time cannot be used with "modified" parameter';
    kind = "daily";
    value = value.slice(1);
  } else if (value.startsWith("+")) value = value.slice(1);
  else if (value.startsWith("-")) {
    sign = -1;
    value = value.slice(1);
  }
  const ms = parseTimeMs(value, true);
  if (ms === void 0) return "invalid value";
  if (kind === "daily" && ms > 864e5) return "daily time value must be less than 24 hours";
  ctx.loc.values.set("expires", { kind, seconds: sign * ms / 1e3 });
}
var headerDirectives = [
  { name: "add_header", contexts: H, arity: [2, 3], handler: addHeader },
  { name: "expires", contexts: H, arity: [1, 2], handler: expires }
];

// labs/engines/nginx/directives-log.ts
import { isAbsolute as isAbsolute2, join as join2 } from "node:path";
var combinedFormat = compileTemplate(
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"'
);
function accessLog(d, ctx) {
  const loc = ctx.loc;
  const [path, format = "combined", ...params] = d.args;
  if (path === "off") {
    if (d.args.length > 1) fail(d, `invalid parameter "${d.args[1]}"`);
    loc.values.set("access_log", "off");
    return;
  }
  if (path.startsWith("syslog:")) fail(d, 'valid in nginx, not supported by the course proxy: "access_log syslog:"');
  for (const p of params) {
    if (/^(buffer|gzip|flush|if)=?/.test(p)) fail(d, `valid in nginx, not supported by the course proxy: "access_log ... ${p}"`);
    fail(d, `invalid parameter "${p}"`);
  }
  const template = ctx.http.logFormats.get(format);
  if (!template) fail(d, `unknown log format "${format}"`);
  const full = isAbsolute2(path) || path.startsWith("/dev/") ? path : join2(ctx.state.config.prefix, path);
  const list = loc.own("access_log");
  loc.values.set("access_log", [...Array.isArray(list) ? list : [], { path: full, format: template }]);
}
function logFormat(d, ctx) {
  const [name, ...rest] = d.args;
  if (ctx.http.logFormats.has(name)) fail(d, `duplicate "log_format" name "${name}"`);
  let parts = rest;
  if (parts[0]?.startsWith("escape=")) {
    if (!["escape=default", "escape=json", "escape=none"].includes(parts[0])) fail(d, `unknown log format escaping "${parts[0].slice(7)}"`);
    parts = parts.slice(1);
  }
  ctx.http.logFormats.set(name, useTemplate(ctx, d, compileTemplate(parts.join(""))));
}
var logDirectives = [
  { name: "access_log", contexts: ["http", "server", "location"], arity: "1more", handler: accessLog },
  { name: "log_format", contexts: ["http"], arity: "2more", handler: logFormat }
];

// labs/engines/nginx/http-block-checks.ts
function checkDuplicateLocations(locations) {
  const seen = /* @__PURE__ */ new Map();
  for (const loc of locations) {
    if (loc.modifier !== "~" && loc.modifier !== "~*") {
      const key = `${loc.modifier === "=" ? "exact" : loc.modifier === "@" ? "named" : "inclusive"} ${loc.name}`;
      if (seen.has(key)) throw new ConfError(`duplicate location "${loc.name}"`, loc.file, loc.line);
      seen.set(key, loc);
    }
    checkDuplicateLocations(loc.locations);
  }
}
function bindProxyPasses(http, state) {
  for (const { value, file, line } of state.proxyPasses) {
    const explicit = http.upstreams.get(value.host);
    if (explicit?.explicit && value.port === void 0) {
      value.upstreamName = explicit.name;
      continue;
    }
    const port = value.port ?? 80;
    const name = `${value.host}:${port}`;
    value.upstreamName = name;
    if (!http.upstreams.has(name)) {
      http.upstreams.set(name, {
        name,
        explicit: false,
        balancer: "round-robin",
        file,
        line,
        servers: [{ address: name, host: value.host.replace(/^\[(.*)\]$/, "$1"), port, weight: 1, maxFails: 1, failTimeoutMs: 1e4, backup: false, down: false, file, line }]
      });
    }
  }
}
function warnConflictingNames(http, state) {
  const byAddress = /* @__PURE__ */ new Map();
  for (const server2 of http.servers) {
    const names2 = server2.names.length ? server2.names.map((n) => n.name) : [""];
    for (const listen of server2.listens) {
      const key = listenKey(listen);
      const taken = byAddress.get(key) ?? /* @__PURE__ */ new Map();
      byAddress.set(key, taken);
      for (const name of names2) {
        if (taken.has(name) && taken.get(name) !== server2) {
          state.warnings.push(`conflicting server name "${name}" on ${key}, ignored`);
        } else taken.set(name, server2);
      }
    }
  }
}
function checkHttpBlock(http, state) {
  if (!http.conf.own("root")) http.conf.values.set("root", { alias: false, template: compileTemplate(`${state.config.prefix}html`) });
  bindProxyPasses(http, state);
  for (const server2 of http.servers) checkDuplicateLocations(server2.locations);
  for (const use of state.variableUses) {
    if (!isKnownVariable(use.name, state.captureNames)) throw new ConfError(`unknown "${use.name}" variable`);
  }
  warnConflictingNames(http, state);
}

// labs/engines/nginx/directives-http.ts
var httpDirectives = [
  {
    name: "http",
    contexts: ["main"],
    arity: [0],
    block: true,
    handler: (_d, ctx) => {
      if (ctx.state.config.http) return "is duplicate";
      const http = {
        conf: new LocConf(),
        servers: [],
        upstreams: /* @__PURE__ */ new Map(),
        limitReqZones: /* @__PURE__ */ new Map(),
        logFormats: /* @__PURE__ */ new Map([["combined", combinedFormat]])
      };
      ctx.state.config.http = http;
      ctx.parseBlock({ kind: "http", http, loc: http.conf });
      checkHttpBlock(http, ctx.state);
    }
  }
];

// labs/engines/nginx/directives-limit-req.ts
function limitReqZone(d, ctx) {
  const key = useTemplate(ctx, d, compileTemplate(d.args[0]));
  let name = "";
  let size = 0;
  let rate = 0;
  for (const param of d.args.slice(1)) {
    if (param.startsWith("zone=")) {
      const spec = param.slice(5);
      const colon = spec.lastIndexOf(":");
      if (colon === -1) fail(d, `invalid zone size "${param}"`);
      name = spec.slice(0, colon);
      const bytes = parseSize(spec.slice(colon + 1));
      if (bytes === void 0 || bytes === 0) fail(d, `invalid zone size "${param}"`);
      size = bytes;
    } else if (param.startsWith("rate=")) {
      const m = /^(\d+)r\/([sm])$/.exec(param.slice(5));
      if (!m || Number(m[1]) === 0) fail(d, `invalid rate "${param}"`);
      rate = Number(m[1]) * 1e3 / (m[2] === "m" ? 60 : 1);
    } else if (param === "sync") {
      fail(d, 'valid in nginx, not supported by the course proxy: "limit_req_zone ... sync"');
    } else fail(d, `invalid parameter "${param}"`);
  }
  if (!name) fail(d, `"${d.name}" must have "zone" parameter`);
  if (rate === 0) rate = 1e3;
  const http = ctx.http;
  const existing = http.limitReqZones.get(name);
  if (existing && existing.sizeBytes > 0) fail(d, `duplicate zone "${name}"`);
  const zone = { name, key, ratePerMs1000: rate, sizeBytes: size, used: existing?.used ?? false, file: d.file, line: d.line };
  http.limitReqZones.set(name, zone);
}
function limitReq(d, ctx) {
  let zone = "";
  let burst = 0;
  let delay = 0;
  for (const param of d.args) {
    if (param.startsWith("zone=")) zone = param.slice(5);
    else if (param.startsWith("burst=")) {
      if (!/^\d+$/.test(param.slice(6)) || Number(param.slice(6)) === 0) fail(d, `invalid burst value "${param}"`);
      burst = Number(param.slice(6));
    } else if (param.startsWith("delay=")) {
      if (!/^\d+$/.test(param.slice(6))) fail(d, `invalid delay value "${param}"`);
      delay = Number(param.slice(6));
    } else if (param === "nodelay") delay = Infinity;
    else fail(d, `invalid parameter "${param}"`);
  }
  if (!zone) fail(d, `"${d.name}" must have "zone" parameter`);
  const http = ctx.http;
  if (!http.limitReqZones.has(zone)) {
    http.limitReqZones.set(zone, { name: zone, key: compileTemplate(""), ratePerMs1000: 0, sizeBytes: 0, used: true, file: d.file, line: d.line });
  }
  http.limitReqZones.get(zone).used = true;
  const list = ctx.loc.own("limit_req") ?? [];
  if (list.some((l) => l.zone === zone)) fail(d, `duplicate limit_req "${zone}"`);
  ctx.loc.push("limit_req", { zone, burst, delay });
}
function limitReqStatus(d, ctx) {
  if (ctx.loc.own(d.name) !== void 0) return "is duplicate";
  const n = /^\d+$/.test(d.args[0]) ? Number(d.args[0]) : NaN;
  if (Number.isNaN(n)) return "invalid number";
  if (n < 400 || n > 599) fail(d, "value must be between 400 and 599");
  ctx.loc.values.set(d.name, n);
}
var limitReqDirectives = [
  { name: "limit_req_zone", contexts: ["http"], arity: [3, 4], handler: limitReqZone },
  { name: "limit_req", contexts: H, arity: [1, 2, 3], handler: limitReq },
  { name: "limit_req_status", contexts: H, arity: [1], handler: limitReqStatus },
  { name: "limit_req_dry_run", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) }
];

// labs/engines/nginx/directives-no-effect.ts
var ALL_HTTP = ["http", "server", "location"];
function accept(name, contexts, arity) {
  return {
    name,
    contexts,
    arity,
    noEffect: true,
    handler: arity === "flag" ? (d) => void parseFlag(d) : () => void 0
  };
}
var noEffectDirectives = [
  {
    ...accept("user", ["main"], [1, 2]),
    // nginx warns when it is not started by root (ngx_set_user in src/core/nginx.c).
    handler: (d, ctx) => {
      if (typeof process.getuid === "function" && process.getuid() !== 0) {
        ctx.state.warnings.push(`the "user" directive makes sense only if the master process runs with super-user privileges, ignored in ${d.file}:${d.line}`);
      }
    }
  },
  accept("worker_processes", ["main"], [1]),
  accept("worker_rlimit_nofile", ["main"], [1]),
  accept("pid", ["main"], [1]),
  accept("daemon", ["main"], "flag"),
  accept("master_process", ["main"], "flag"),
  accept("pcre_jit", ["main"], "flag"),
  accept("error_log", ["main", "http", "server", "location"], "1more"),
  accept("worker_connections", ["events"], [1]),
  accept("multi_accept", ["events"], "flag"),
  accept("accept_mutex", ["events"], "flag"),
  accept("use", ["events"], [1]),
  accept("sendfile", H, "flag"),
  accept("tcp_nopush", H, "flag"),
  accept("tcp_nodelay", H, "flag"),
  accept("keepalive_timeout", H, [1, 2]),
  accept("keepalive_requests", H, [1]),
  accept("types_hash_max_size", H, [1]),
  accept("types_hash_bucket_size", H, [1]),
  accept("server_names_hash_bucket_size", ["http"], [1]),
  accept("server_names_hash_max_size", ["http"], [1]),
  accept("log_not_found", H, "flag"),
  accept("client_body_buffer_size", H, [1]),
  accept("client_body_temp_path", ALL_HTTP, [1, 2, 3, 4]),
  accept("proxy_temp_path", ALL_HTTP, [1, 2, 3, 4]),
  accept("fastcgi_temp_path", ALL_HTTP, [1, 2, 3, 4]),
  accept("uwsgi_temp_path", ALL_HTTP, [1, 2, 3, 4]),
  accept("scgi_temp_path", ALL_HTTP, [1, 2, 3, 4]),
  accept("proxy_send_timeout", H, [1]),
  accept("proxy_buffering", H, "flag"),
  accept("proxy_request_buffering", H, "flag"),
  accept("proxy_buffer_size", H, [1]),
  accept("proxy_buffers", H, [2]),
  accept("proxy_busy_buffers_size", H, [1]),
  accept("gzip_buffers", H, [2]),
  accept("limit_req_log_level", H, [1]),
  accept("ssl_protocols", HS, "1more"),
  accept("ssl_prefer_server_ciphers", HS, "flag")
];

// labs/engines/nginx/directives-proxy.ts
var nextUpstreamFlags = ["error", "timeout", "invalid_header", "http_500", "http_502", "http_503", "http_504", "http_403", "http_404", "http_429", "non_idempotent", "updating", "off"];
function proxyPass(d, ctx) {
  const loc = ctx.loc;
  if (loc.own("proxy_pass") !== void 0) return "is duplicate";
  const url = d.args[0];
  if (url.includes("$")) fail(d, 'valid in nginx, not supported by the course proxy: "proxy_pass" with variables');
  if (url.toLowerCase().startsWith("https://")) fail(d, 'valid in nginx, not supported by the course proxy: "proxy_pass https://"');
  if (!url.toLowerCase().startsWith("http://")) fail(d, "invalid URL prefix");
  const rest = url.slice(7);
  const slash = rest.indexOf("/");
  const hostPort = slash === -1 ? rest : rest.slice(0, slash);
  const uri = slash === -1 ? void 0 : rest.slice(slash);
  const location = ctx.location;
  if (uri !== void 0 && location && (location.modifier === "~" || location.modifier === "~*" || location.modifier === "@")) {
    fail(d, '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, or inside "if" statement, or inside "limit_except" block');
  }
  let host = hostPort;
  let port;
  const colon = hostPort.lastIndexOf(":");
  if (colon !== -1 && !hostPort.endsWith("]")) {
    host = hostPort.slice(0, colon);
    const p = hostPort.slice(colon + 1);
    port = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!(port >= 1 && port <= 65535)) fail(d, `invalid port in upstream "${hostPort}"`);
  }
  if (!host) fail(d, `no host in upstream "${hostPort}"`);
  const value = { url, host: host.toLowerCase(), port, uri, upstreamName: "" };
  loc.values.set("proxy_pass", value);
  ctx.state.proxyPasses.push({ value, file: d.file, line: d.line });
}
function nextUpstream(d, ctx) {
  if (ctx.loc.own(d.name) !== void 0) return "is duplicate";
  for (const flag of d.args) if (!nextUpstreamFlags.includes(flag)) fail(d, `invalid value "${flag}"`);
  ctx.loc.values.set(d.name, d.args.includes("off") ? [] : [...d.args]);
}
function httpVersion(d, ctx) {
  if (ctx.loc.own(d.name) !== void 0) return "is duplicate";
  if (d.args[0] !== "1.0" && d.args[0] !== "1.1") fail(d, `invalid value "${d.args[0]}"`);
  ctx.loc.values.set(d.name, d.args[0]);
}
function proxyRedirect(d, ctx) {
  const first = d.args[0];
  if (d.args.length === 1) {
    if (first !== "default" && first !== "off") fail(d, `invalid parameter "${first}"`);
    const existing = ctx.loc.own("proxy_redirect");
    if (existing !== void 0 && first === "off") return "is duplicate";
    ctx.loc.values.set("proxy_redirect", first === "off" ? "off" : [...existing ?? [], "default"]);
    return;
  }
  const list = ctx.loc.own("proxy_redirect");
  if (list === "off") return "is duplicate";
  ctx.loc.values.set("proxy_redirect", [...list ?? [], { from: first, to: d.args[1] }]);
}
var proxyDirectives = [
  { name: "proxy_pass", contexts: ["location"], arity: [1], handler: proxyPass },
  {
    name: "proxy_set_header",
    contexts: H,
    arity: [2],
    handler: (d, ctx) => ctx.loc.push("proxy_set_header", { name: d.args[0], value: useTemplate(ctx, d, compileTemplate(d.args[1])) })
  },
  { name: "proxy_http_version", contexts: H, arity: [1], handler: httpVersion },
  { name: "proxy_connect_timeout", contexts: H, arity: [1], handler: (d, ctx) => setMsec(d, ctx.loc) },
  { name: "proxy_read_timeout", contexts: H, arity: [1], handler: (d, ctx) => setMsec(d, ctx.loc) },
  { name: "proxy_next_upstream", contexts: H, arity: "1more", handler: nextUpstream },
  { name: "proxy_next_upstream_tries", contexts: H, arity: [1], handler: (d, ctx) => setNumber(d, ctx.loc) },
  { name: "proxy_next_upstream_timeout", contexts: H, arity: [1], handler: (d, ctx) => setMsec(d, ctx.loc) },
  { name: "proxy_hide_header", contexts: H, arity: [1], handler: (d, ctx) => ctx.loc.push("proxy_hide_header", d.args[0].toLowerCase()) },
  { name: "proxy_pass_header", contexts: H, arity: [1], handler: (d, ctx) => ctx.loc.push("proxy_pass_header", d.args[0].toLowerCase()) },
  { name: "proxy_pass_request_headers", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "proxy_pass_request_body", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "proxy_intercept_errors", contexts: H, arity: "flag", handler: (d, ctx) => setFlag(d, ctx.loc) },
  { name: "proxy_redirect", contexts: H, arity: [1, 2], handler: proxyRedirect }
];

// labs/engines/nginx/directives-rewrite.ts
var isUrl = (s) => s.startsWith("http://") || s.startsWith("https://") || s.startsWith("$scheme");
function returnDirective(d, ctx) {
  const [first, second] = d.args;
  let op;
  if (d.args.length === 1 && isUrl(first)) {
    op = { kind: "return", code: 302, text: useTemplate(ctx, d, compileTemplate(first)) };
  } else {
    if (!/^\d+$/.test(first) || Number(first) > 999) fail(d, `invalid return code "${first}"`);
    op = { kind: "return", code: Number(first), ...second !== void 0 ? { text: useTemplate(ctx, d, compileTemplate(second)) } : {} };
  }
  ctx.loc.push("rewrite_ops", op);
}
function rewriteDirective(d, ctx) {
  const [pattern, replacement, flag] = d.args;
  if (flag !== void 0 && !["last", "break", "redirect", "permanent"].includes(flag)) fail(d, `invalid parameter "${flag}"`);
  const regex = compileRegex(d, pattern, false);
  ctx.loc.push("rewrite_ops", {
    kind: "rewrite",
    regex,
    replacement: useTemplate(ctx, d, compileTemplate(replacement)),
    flag,
    redirect: flag === "redirect" || flag === "permanent" || isUrl(replacement)
  });
}
var rewriteDirectives = [
  { name: "return", contexts: SL, arity: [1, 2], handler: returnDirective },
  { name: "rewrite", contexts: SL, arity: [2, 3], handler: rewriteDirective }
];

// labs/engines/nginx/directives-upstream.ts
import { isIP as isIP2 } from "node:net";
function upstreamBlock(d, ctx) {
  const http = ctx.http;
  const name = d.args[0].toLowerCase();
  const existing = http.upstreams.get(name);
  if (existing?.explicit) fail(d, `duplicate upstream "${d.args[0]}"`);
  const upstream = { name, servers: [], balancer: "round-robin", explicit: true, file: d.file, line: d.line };
  http.upstreams.set(name, upstream);
  const endLine = ctx.parseBlock({ kind: "upstream", http, upstream });
  if (upstream.servers.length === 0) fail({ ...d, line: endLine }, "no servers are inside upstream");
}
function splitHostPort(d, text, what) {
  if (text.startsWith("unix:")) fail(d, `valid in nginx, not supported by the course proxy: "${what} unix:"`);
  let host = text;
  let port = 80;
  const colon = text.lastIndexOf(":");
  if (colon !== -1 && !text.endsWith("]") && (text.startsWith("[") || text.indexOf(":") === colon)) {
    host = text.slice(0, colon);
    const p = text.slice(colon + 1);
    port = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!(port >= 1 && port <= 65535)) fail(d, `invalid port in upstream "${text}"`);
  }
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  return { host: host.toLowerCase(), port };
}
function upstreamServer(d, ctx) {
  const upstream = ctx.upstream;
  const { host, port } = splitHostPort(d, d.args[0], "server");
  const server2 = {
    address: d.args[0],
    host,
    port,
    weight: 1,
    maxFails: 1,
    failTimeoutMs: 1e4,
    backup: false,
    down: false,
    file: d.file,
    line: d.line
  };
  for (const param of d.args.slice(1)) {
    const [key, value] = param.includes("=") ? [param.slice(0, param.indexOf("=")), param.slice(param.indexOf("=") + 1)] : [param, void 0];
    const n = value !== void 0 && /^\d+$/.test(value) ? Number(value) : NaN;
    if (key === "weight" && n >= 1) server2.weight = n;
    else if (key === "max_fails" && n >= 0) server2.maxFails = n;
    else if (key === "fail_timeout" && value !== void 0 && parseTimeMs(value, true) !== void 0) server2.failTimeoutMs = parseTimeMs(value, true);
    else if (param === "backup") {
      if (upstream.balancer === "ip_hash") fail(d, 'balancing method does not support parameter "backup"');
      server2.backup = true;
    } else if (param === "down") server2.down = true;
    else if (key === "max_conns" || key === "slow_start" || key === "resolve" || key === "service" || key === "route") {
      fail(d, `valid in nginx, not supported by the course proxy: "server ... ${key}"`);
    } else fail(d, `invalid parameter "${param}"`);
  }
  if (!isIP2(host) && host !== "localhost") ctx.state.hostnames.push({ host, file: d.file, line: d.line, upstream: upstream.name });
  upstream.servers.push(server2);
}
function balancer(kind) {
  return (_d, ctx) => {
    const upstream = ctx.upstream;
    if (upstream.balancer !== "round-robin") ctx.state.warnings.push(`load balancing method redefined in ${_d.file}:${_d.line}`);
    if (kind === "ip_hash" && upstream.servers.some((s) => s.backup)) fail(_d, 'balancing method does not support parameter "backup"');
    upstream.balancer = kind;
  };
}
function keepalive(d, ctx) {
  const upstream = ctx.upstream;
  if (upstream.keepalive !== void 0) return "is duplicate";
  const n = /^\d+$/.test(d.args[0]) ? Number(d.args[0]) : 0;
  if (n === 0) fail(d, `invalid value "${d.args[0]}" in "${d.name}" directive`);
  upstream.keepalive = n;
}
var upstreamDirectives = [
  { name: "keepalive", contexts: ["upstream"], arity: [1], handler: keepalive },
  { name: "upstream", contexts: ["http"], arity: [1], block: true, handler: upstreamBlock },
  { name: "server", contexts: ["upstream"], arity: "1more", handler: upstreamServer },
  { name: "least_conn", contexts: ["upstream"], arity: [0], handler: balancer("least_conn") },
  { name: "ip_hash", contexts: ["upstream"], arity: [0], handler: balancer("ip_hash") }
];

// labs/engines/nginx/directives.ts
var table;
function allDirectives() {
  return [
    ...httpDirectives,
    ...coreDirectives,
    ...rewriteDirectives,
    ...headerDirectives,
    ...proxyDirectives,
    ...upstreamDirectives,
    ...gzipDirectives,
    ...limitReqDirectives,
    ...logDirectives,
    ...noEffectDirectives
  ];
}
function directivesNamed(name) {
  if (!table) {
    table = /* @__PURE__ */ new Map();
    for (const spec of allDirectives()) table.set(spec.name, [...table.get(spec.name) ?? [], spec]);
  }
  return table.get(name) ?? [];
}

// labs/engines/nginx/listeners.ts
function addressGroups(http) {
  const groups = /* @__PURE__ */ new Map();
  for (const server2 of http.servers) {
    for (const l of server2.listens) {
      const key = `${l.host}:${l.port}`;
      let group = groups.get(key);
      if (!group) {
        group = { host: l.host, port: l.port, servers: [], defaultServer: server2 };
        groups.set(key, group);
      }
      if (!group.servers.includes(server2)) group.servers.push(server2);
      if (l.defaultServer) group.defaultServer = server2;
    }
  }
  return groups;
}
function bindings(groups) {
  const out = [];
  const wildcardPorts = new Set([...groups.values()].filter((g) => g.host === "*").map((g) => g.port));
  for (const g of groups.values()) {
    if (g.host !== "*" && wildcardPorts.has(g.port)) continue;
    out.push({ host: g.host === "*" ? "0.0.0.0" : g.host.replace(/^\[(.*)\]$/, "$1"), port: g.port });
  }
  return out;
}
function groupFor(groups, localAddr, port) {
  const addr = localAddr.startsWith("::ffff:") ? localAddr.slice(7) : localAddr;
  return groups.get(`${addr}:${port}`) ?? groups.get(`[${addr}]:${port}`) ?? groups.get(`*:${port}`);
}

// labs/engines/nginx/load-config.ts
import { lookup } from "node:dns/promises";
import { isAbsolute as isAbsolute4 } from "node:path";

// labs/engines/nginx/parser.ts
import { readFileSync } from "node:fs";
import { isAbsolute as isAbsolute3 } from "node:path";

// labs/engines/nginx/glob.ts
import { readdirSync, statSync } from "node:fs";
var hasGlobChars = (pattern) => /[*?[]/.test(pattern);
function componentRegex(part) {
  let src = "";
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === "*") src += "[^/]*";
    else if (ch === "?") src += "[^/]";
    else if (ch === "[") {
      const end = part.indexOf("]", i + 2);
      if (end === -1) {
        src += "\\[";
        continue;
      }
      let body = part.slice(i + 1, end);
      if (body.startsWith("!")) body = "^" + body.slice(1);
      src += "[" + body.replace(/\\/g, "\\\\") + "]";
      i = end;
    } else src += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${src}$`);
}
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function expandGlob(pattern) {
  const parts = pattern.split("/").filter((p, i) => p !== "" || i === 0);
  let bases = [parts[0] === "" ? "/" : parts[0]];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    const next = [];
    for (const base of bases) {
      const join3 = (name) => base.endsWith("/") ? base + name : `${base}/${name}`;
      if (!hasGlobChars(part)) {
        next.push(join3(part));
        continue;
      }
      if (!isDirectory(base)) continue;
      const re = componentRegex(part);
      for (const name of readdirSync(base)) {
        if (name.startsWith(".") && !part.startsWith(".")) continue;
        if (re.test(name)) next.push(join3(name));
      }
    }
    bases = last ? next : next.filter(isDirectory);
  }
  return bases.filter((p) => {
    try {
      statSync(p);
      return true;
    } catch {
      return false;
    }
  }).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

// labs/engines/nginx/lexer.ts
var isSpace = (ch) => ch === " " || ch === "	" || ch === "\r" || ch === "\n";
var Lexer = class {
  pos = 0;
  line = 1;
  text;
  file;
  /** Directives given with -g are reported "in command line", without a line number. */
  commandLine;
  constructor(text, file, commandLine = false) {
    this.text = text;
    this.file = file;
    this.commandLine = commandLine;
  }
  get currentLine() {
    return this.commandLine ? 0 : this.line;
  }
  fail(detail) {
    throw new ConfError(detail, this.file, this.currentLine);
  }
  /** Reads the next statement: the words up to ";", "{", "}" or the end of the file. */
  next() {
    const args = [];
    const text = this.text;
    let needSpace = false;
    let lastSpace = true;
    let sharpComment = false;
    let quoted = false;
    let sQuoted = false;
    let dQuoted = false;
    let variable = false;
    let start = this.pos;
    for (; ; ) {
      if (this.pos >= text.length) {
        if (args.length > 0 || !lastSpace) {
          this.fail(this.commandLine ? 'unexpected end of parameter, expecting ";"' : 'unexpected end of file, expecting ";" or "}"');
        }
        return { kind: "eof", line: this.currentLine };
      }
      const ch = text[this.pos++];
      if (ch === "\n") {
        this.line++;
        sharpComment = false;
      }
      if (sharpComment) continue;
      if (quoted) {
        quoted = false;
        continue;
      }
      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === ";") return { kind: "directive", args, line: this.currentLine };
        if (ch === "{") return { kind: "block-start", args, line: this.currentLine };
        if (ch === ")") {
          lastSpace = true;
          needSpace = false;
        } else {
          this.fail(`unexpected "${ch}"`);
        }
      }
      if (lastSpace) {
        if (isSpace(ch)) continue;
        start = this.pos - 1;
        switch (ch) {
          case ";":
          case "{":
            if (args.length === 0) this.fail(`unexpected "${ch}"`);
            return { kind: ch === "{" ? "block-start" : "directive", args, line: this.currentLine };
          case "}":
            if (args.length > 0) this.fail('unexpected "}"');
            return { kind: "block-end", line: this.currentLine };
          case "#":
            sharpComment = true;
            continue;
          case "\\":
            quoted = true;
            lastSpace = false;
            continue;
          case '"':
            start++;
            dQuoted = true;
            lastSpace = false;
            continue;
          case "'":
            start++;
            sQuoted = true;
            lastSpace = false;
            continue;
          case "$":
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
            continue;
        }
      }
      if (ch === "{" && variable) continue;
      variable = false;
      if (ch === "\\") {
        quoted = true;
        continue;
      }
      if (ch === "$") {
        variable = true;
        continue;
      }
      let found = false;
      if (dQuoted) {
        if (ch === '"') {
          dQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (sQuoted) {
        if (ch === "'") {
          sQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (isSpace(ch) || ch === ";" || ch === "{") {
        lastSpace = true;
        found = true;
      }
      if (!found) continue;
      args.push(unescapeWord(text.slice(start, this.pos - 1)));
      if (ch === ";") return { kind: "directive", args, line: this.currentLine };
      if (ch === "{") return { kind: "block-start", args, line: this.currentLine };
    }
  }
};
function unescapeWord(raw) {
  if (!raw.includes("\\")) return raw;
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "\\" && i + 1 < raw.length) {
      const nx = raw[i + 1];
      if (nx === '"' || nx === "'" || nx === "\\") {
        out += nx;
        i++;
        continue;
      }
      if (nx === "t" || nx === "r" || nx === "n") {
        out += nx === "t" ? "	" : nx === "r" ? "\r" : "\n";
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

// labs/engines/nginx/nginx-directive-names.ts
var names = `
absolute_redirect accept_mutex accept_mutex_delay access_log add_after_body add_before_body
add_header add_trailer addition_types aio aio_write alias allow ancient_browser
ancient_browser_value auth_basic auth_basic_user_file auth_delay auth_request auth_request_set
autoindex autoindex_exact_size autoindex_format autoindex_localtime break charset charset_map
charset_types chunked_transfer_encoding client_body_buffer_size client_body_in_file_only
client_body_in_single_buffer client_body_temp_path client_body_timeout
client_header_buffer_size client_header_timeout client_max_body_size connection_pool_size
create_full_put_path daemon dav_access dav_methods debug_connection debug_points default_type
deny directio directio_alignment disable_symlinks empty_gif env epoll_events error_log
error_page etag events expires fastcgi_bind fastcgi_buffer_size fastcgi_buffering
fastcgi_buffers fastcgi_busy_buffers_size fastcgi_cache fastcgi_cache_background_update
fastcgi_cache_bypass fastcgi_cache_key fastcgi_cache_lock fastcgi_cache_lock_age
fastcgi_cache_lock_timeout fastcgi_cache_max_range_offset fastcgi_cache_methods
fastcgi_cache_min_uses fastcgi_cache_path fastcgi_cache_revalidate fastcgi_cache_use_stale
fastcgi_cache_valid fastcgi_catch_stderr fastcgi_connect_timeout fastcgi_force_ranges
fastcgi_hide_header fastcgi_ignore_client_abort fastcgi_ignore_headers fastcgi_index
fastcgi_intercept_errors fastcgi_keep_conn fastcgi_limit_rate fastcgi_max_temp_file_size
fastcgi_next_upstream fastcgi_next_upstream_timeout fastcgi_next_upstream_tries
fastcgi_no_cache fastcgi_param fastcgi_pass fastcgi_pass_header fastcgi_pass_request_body
fastcgi_pass_request_headers fastcgi_read_timeout fastcgi_request_buffering fastcgi_send_lowat
fastcgi_send_timeout fastcgi_socket_keepalive fastcgi_split_path_info fastcgi_store
fastcgi_store_access fastcgi_temp_file_write_size fastcgi_temp_path flv geo grpc_bind
grpc_buffer_size grpc_connect_timeout grpc_hide_header grpc_ignore_headers
grpc_intercept_errors grpc_next_upstream grpc_next_upstream_timeout grpc_next_upstream_tries
grpc_pass grpc_pass_header grpc_read_timeout grpc_send_timeout grpc_set_header
grpc_socket_keepalive grpc_ssl_certificate grpc_ssl_certificate_key grpc_ssl_ciphers
grpc_ssl_conf_command grpc_ssl_crl grpc_ssl_name grpc_ssl_password_file grpc_ssl_protocols
grpc_ssl_server_name grpc_ssl_session_reuse grpc_ssl_trusted_certificate grpc_ssl_verify
grpc_ssl_verify_depth gunzip gunzip_buffers gzip gzip_buffers gzip_comp_level gzip_disable
gzip_hash gzip_http_version gzip_min_length gzip_no_buffer gzip_proxied gzip_static gzip_types
gzip_vary gzip_window hash http http2_body_preread_size http2_chunk_size http2_idle_timeout
http2_max_concurrent_pushes http2_max_concurrent_streams http2_max_field_size
http2_max_header_size http2_max_requests http2_pool_size http2_push http2_push_preload
http2_recv_buffer_size http2_recv_timeout http2_streams_index_size if if_modified_since
ignore_invalid_headers include index internal ip_hash keepalive keepalive_disable
keepalive_requests keepalive_time keepalive_timeout large_client_header_buffers least_conn
limit_conn limit_conn_dry_run limit_conn_log_level limit_conn_status limit_conn_zone
limit_except limit_rate limit_rate_after limit_req limit_req_dry_run limit_req_log_level
limit_req_status limit_req_zone lingering_close lingering_time lingering_timeout listen
load_module location lock_file log_format log_not_found log_subrequest map map_hash_bucket_size
map_hash_max_size master_process max_headers max_ranges memcached_bind memcached_buffer_size
memcached_connect_timeout memcached_gzip_flag memcached_next_upstream
memcached_next_upstream_timeout memcached_next_upstream_tries memcached_pass
memcached_read_timeout memcached_send_timeout memcached_socket_keepalive merge_slashes
min_delete_depth mirror mirror_request_body modern_browser modern_browser_value mp4
mp4_buffer_size mp4_max_buffer_size mp4_start_key_frame msie_padding msie_refresh multi_accept
open_file_cache open_file_cache_errors open_file_cache_events open_file_cache_min_uses
open_file_cache_valid open_log_file_cache output_buffers override_charset pcre_jit pid
port_in_redirect post_action postpone_gzipping postpone_output proxy_bind proxy_buffer_size
proxy_buffering proxy_buffers proxy_busy_buffers_size proxy_cache proxy_cache_background_update
proxy_cache_bypass proxy_cache_convert_head proxy_cache_key proxy_cache_lock
proxy_cache_lock_age proxy_cache_lock_timeout proxy_cache_max_range_offset proxy_cache_methods
proxy_cache_min_uses proxy_cache_path proxy_cache_revalidate proxy_cache_use_stale
proxy_cache_valid proxy_connect_timeout proxy_cookie_domain proxy_cookie_flags
proxy_cookie_path proxy_force_ranges proxy_headers_hash_bucket_size proxy_headers_hash_max_size
proxy_hide_header proxy_http_version proxy_ignore_client_abort proxy_ignore_headers
proxy_intercept_errors proxy_limit_rate proxy_max_temp_file_size proxy_method
proxy_next_upstream proxy_next_upstream_timeout proxy_next_upstream_tries proxy_no_cache
proxy_pass proxy_pass_header proxy_pass_request_body proxy_pass_request_headers
proxy_read_timeout proxy_redirect proxy_request_buffering proxy_send_lowat proxy_send_timeout
proxy_set_body proxy_set_header proxy_socket_keepalive proxy_ssl_certificate
proxy_ssl_certificate_key proxy_ssl_ciphers proxy_ssl_conf_command proxy_ssl_crl proxy_ssl_name
proxy_ssl_password_file proxy_ssl_protocols proxy_ssl_server_name proxy_ssl_session_reuse
proxy_ssl_trusted_certificate proxy_ssl_verify proxy_ssl_verify_depth proxy_store
proxy_store_access proxy_temp_file_write_size proxy_temp_path random random_index read_ahead
real_ip_header real_ip_recursive recursive_error_pages referer_hash_bucket_size
referer_hash_max_size request_pool_size reset_timedout_connection resolver resolver_timeout
return rewrite rewrite_log root satisfy scgi_bind scgi_buffer_size scgi_buffering scgi_buffers
scgi_busy_buffers_size scgi_cache scgi_cache_background_update scgi_cache_bypass scgi_cache_key
scgi_cache_lock scgi_cache_lock_age scgi_cache_lock_timeout scgi_cache_max_range_offset
scgi_cache_methods scgi_cache_min_uses scgi_cache_path scgi_cache_revalidate
scgi_cache_use_stale scgi_cache_valid scgi_connect_timeout scgi_force_ranges scgi_hide_header
scgi_ignore_client_abort scgi_ignore_headers scgi_intercept_errors scgi_limit_rate
scgi_max_temp_file_size scgi_next_upstream scgi_next_upstream_timeout scgi_next_upstream_tries
scgi_no_cache scgi_param scgi_pass scgi_pass_header scgi_pass_request_body
scgi_pass_request_headers scgi_read_timeout scgi_request_buffering scgi_send_timeout
scgi_socket_keepalive scgi_store scgi_store_access scgi_temp_file_write_size scgi_temp_path
secure_link secure_link_md5 secure_link_secret send_lowat send_timeout sendfile
sendfile_max_chunk server server_name server_name_in_redirect server_names_hash_bucket_size
server_names_hash_max_size server_tokens set set_real_ip_from slice source_charset
split_clients ssi ssi_ignore_recycled_buffers ssi_last_modified ssi_min_file_chunk
ssi_silent_errors ssi_types ssi_value_length ssl ssl_buffer_size ssl_certificate
ssl_certificate_key ssl_ciphers ssl_client_certificate ssl_conf_command ssl_crl ssl_dhparam
ssl_early_data ssl_ecdh_curve ssl_engine ssl_ocsp ssl_ocsp_cache ssl_ocsp_responder
ssl_password_file ssl_prefer_server_ciphers ssl_protocols ssl_reject_handshake
ssl_session_cache ssl_session_ticket_key ssl_session_tickets ssl_session_timeout ssl_stapling
ssl_stapling_file ssl_stapling_responder ssl_stapling_verify ssl_trusted_certificate
ssl_verify_client ssl_verify_depth stub_status sub_filter sub_filter_last_modified
sub_filter_once sub_filter_types subrequest_output_buffer_size tcp_nodelay tcp_nopush
thread_pool timer_resolution try_files types types_hash_bucket_size types_hash_max_size
underscores_in_headers uninitialized_variable_warn upstream use user userid userid_domain
userid_expires userid_flags userid_mark userid_name userid_p3p userid_path userid_service
uwsgi_bind uwsgi_buffer_size uwsgi_buffering uwsgi_buffers uwsgi_busy_buffers_size uwsgi_cache
uwsgi_cache_background_update uwsgi_cache_bypass uwsgi_cache_key uwsgi_cache_lock
uwsgi_cache_lock_age uwsgi_cache_lock_timeout uwsgi_cache_max_range_offset uwsgi_cache_methods
uwsgi_cache_min_uses uwsgi_cache_path uwsgi_cache_revalidate uwsgi_cache_use_stale
uwsgi_cache_valid uwsgi_connect_timeout uwsgi_force_ranges uwsgi_hide_header
uwsgi_ignore_client_abort uwsgi_ignore_headers uwsgi_intercept_errors uwsgi_limit_rate
uwsgi_max_temp_file_size uwsgi_modifier1 uwsgi_modifier2 uwsgi_next_upstream
uwsgi_next_upstream_timeout uwsgi_next_upstream_tries uwsgi_no_cache uwsgi_param uwsgi_pass
uwsgi_pass_header uwsgi_pass_request_body uwsgi_pass_request_headers uwsgi_read_timeout
uwsgi_request_buffering uwsgi_send_timeout uwsgi_socket_keepalive uwsgi_ssl_certificate
uwsgi_ssl_certificate_key uwsgi_ssl_ciphers uwsgi_ssl_conf_command uwsgi_ssl_crl uwsgi_ssl_name
uwsgi_ssl_password_file uwsgi_ssl_protocols uwsgi_ssl_server_name uwsgi_ssl_session_reuse
uwsgi_ssl_trusted_certificate uwsgi_ssl_verify uwsgi_ssl_verify_depth uwsgi_store
uwsgi_store_access uwsgi_string uwsgi_temp_file_write_size uwsgi_temp_path valid_referers
variables_hash_bucket_size variables_hash_max_size worker_aio_requests worker_connections
worker_cpu_affinity worker_priority worker_processes worker_rlimit_core worker_rlimit_nofile
worker_shutdown_timeout working_directory zone`;
var nginxDirectiveNames = new Set(names.split(/\s+/).filter(Boolean));

// labs/engines/nginx/mime-types.ts
var builtinTypes = /* @__PURE__ */ new Map([
  ["html", "text/html"],
  ["gif", "image/gif"],
  ["jpg", "image/jpeg"]
]);
function addType(conf, type, ext, warn) {
  let types2 = conf.own("types");
  if (!types2) {
    types2 = /* @__PURE__ */ new Map();
    conf.values.set("types", types2);
  }
  const previous = types2.get(ext);
  if (previous !== void 0) {
    warn(`duplicate extension "${ext}", content type: "${type}", previous content type: "${previous}"`);
  }
  types2.set(ext, type);
}
function contentTypeFor(conf, path) {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  const types2 = conf.get("types") ?? builtinTypes;
  if (dot > slash) {
    const ext = path.slice(dot + 1);
    const found = types2.get(ext) ?? types2.get(ext.toLowerCase());
    if (found !== void 0) return found;
  }
  return conf.get("default_type") ?? "text/plain";
}

// labs/engines/nginx/parser.ts
function readConfFile(path, from) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = error.code;
    const reason = code === "ENOENT" ? "2: No such file or directory" : code === "EACCES" ? "13: Permission denied" : code === "EISDIR" ? "21: Is a directory" : String(code);
    throw new ConfError(`open() "${path}" failed (${reason})`, from?.file, from?.line);
  }
}
var ConfParser = class {
  state;
  /** Directory that relative include paths start from (nginx's conf_prefix). */
  confPrefix;
  constructor(state, confPrefix) {
    this.state = state;
    this.confPrefix = confPrefix;
  }
  /** Every file read, in order, with its text (for -T). */
  files = /* @__PURE__ */ new Map();
  parseFile(path, ctx, from) {
    const text = readConfFile(path, from);
    this.files.set(path, text);
    this.run(new Lexer(text, path), path, ctx, false);
  }
  /** Parses directives given on the command line with -g, as nginx does, in main context. */
  parseText(text, name, ctx) {
    this.run(new Lexer(text, name, true), name, ctx, false);
  }
  run(lexer, file, ctx, inBlock) {
    for (; ; ) {
      const st = lexer.next();
      if (st.kind === "eof") {
        if (inBlock) throw new ConfError('unexpected end of file, expecting "}"', file, st.line);
        return st.line;
      }
      if (st.kind === "block-end") {
        if (!inBlock) throw new ConfError('unexpected "}"', file, st.line);
        return st.line;
      }
      this.dispatch(st, lexer, file, ctx);
    }
  }
  dispatch(st, lexer, file, ctx) {
    const [name = "", ...args] = st.args;
    const d = { name, args, file, line: st.line };
    if (ctx.kind === "types" && name !== "include") {
      if (st.kind === "block-start") throw new ConfError('unexpected "{"', file, st.line);
      for (const ext of args) addType(ctx.loc, name, ext, (message) => this.state.warnings.push(`${message} in ${file}:${st.line}`));
      return;
    }
    const specs = directivesNamed(name);
    if (specs.length === 0) {
      if (nginxDirectiveNames.has(name)) {
        throw new ConfError(`valid in nginx, not supported by the course proxy: "${name}"`, file, st.line);
      }
      throw new ConfError(`unknown directive "${name}"`, file, st.line);
    }
    const spec = name === "include" ? specs[0] : specs.find((s) => s.contexts.includes(ctx.kind));
    if (!spec) throw new ConfError(`"${name}" directive is not allowed here`, file, st.line);
    if (!spec.block && st.kind !== "directive") throw new ConfError(`directive "${name}" is not terminated by ";"`, file, st.line);
    if (spec.block && st.kind !== "block-start") throw new ConfError(`directive "${name}" has no opening "{"`, file, st.line);
    if (!arityAccepts(spec.arity, args.length)) throw new ConfError(`invalid number of arguments in "${name}" directive`, file, st.line);
    if (name === "include") return this.include(d, ctx);
    if (!spec.handler) return;
    const blockCtx = { ...ctx, parseBlock: this.blockParser(lexer, file) };
    let rv;
    try {
      rv = spec.handler(d, blockCtx);
    } catch (error) {
      if (error instanceof TemplateError) throw new ConfError(error.message, file, st.line);
      throw error;
    }
    if (typeof rv === "string") throw new ConfError(`"${name}" directive ${rv}`, file, st.line);
  }
  blockParser(lexer, file) {
    return (child) => {
      const inner = { ...child, state: this.state, parseBlock: this.blockParser(lexer, file) };
      return this.run(lexer, file, inner, true);
    };
  }
  /** `include` (ngx_conf_include): a plain path must exist; a glob may match nothing. */
  include(d, ctx) {
    const pattern = isAbsolute3(d.args[0]) ? d.args[0] : this.confPrefix + d.args[0];
    const files = hasGlobChars(pattern) ? expandGlob(pattern) : [pattern];
    for (const path of files) this.parseFile(path, ctx, d);
  }
};

// labs/engines/nginx/load-config.ts
function resolvePaths(opts) {
  const prefix = opts.prefix.endsWith("/") ? opts.prefix : `${opts.prefix}/`;
  const confFile = isAbsolute4(opts.confFile) ? opts.confFile : prefix + opts.confFile;
  const confPrefix = confFile.slice(0, confFile.lastIndexOf("/") + 1);
  return { prefix, confFile, confPrefix };
}
async function resolveHostnames(state, addresses) {
  const hosts = [...state.hostnames];
  for (const upstream of state.config.http?.upstreams.values() ?? []) {
    for (const s of upstream.servers) hosts.push({ host: s.host, upstream: upstream.name, file: s.file, line: s.line });
  }
  for (const { host, file, line } of hosts) {
    if (addresses.has(host)) continue;
    if (/^[\d.]+$/.test(host) || host.includes(":")) {
      addresses.set(host, [host]);
      continue;
    }
    try {
      const found = await lookup(host, { all: true });
      addresses.set(host, found.map((a) => a.address));
    } catch {
      throw new ConfError(`host not found in upstream "${host}"`, file, line);
    }
  }
}
function freezeLocations(locations) {
  for (const l of locations) {
    l.conf.freeze();
    freezeLocations(l.locations);
  }
}
function freezeAll(config) {
  if (!config.http) return;
  config.http.conf.freeze();
  for (const server2 of config.http.servers) {
    server2.conf.freeze();
    freezeLocations(server2.locations);
  }
}
async function loadConfig(opts) {
  const { prefix, confFile, confPrefix } = resolvePaths(opts);
  const config = { prefix, confFile, http: void 0, hasEvents: false };
  const state = { config, warnings: [], variableUses: [], captureNames: /* @__PURE__ */ new Set(), proxyPasses: [], hostnames: [] };
  const parser = new ConfParser(state, confPrefix);
  const outcome = { confFile, warnings: state.warnings, addresses: /* @__PURE__ */ new Map(), files: parser.files };
  const root = { kind: "main", state, parseBlock: () => 0 };
  try {
    if (opts.globalDirectives) parser.parseText(opts.globalDirectives, "command line", root);
    parser.parseFile(confFile, root);
    await resolveHostnames(state, outcome.addresses);
  } catch (error) {
    if (!(error instanceof ConfError)) throw error;
    outcome.parseError = error;
    return outcome;
  }
  try {
    if (!config.hasEvents) throw new ConfError('no "events" section in configuration');
    for (const zone of config.http?.limitReqZones.values() ?? []) {
      if (zone.sizeBytes === 0) throw new ConfError(`zero size shared memory zone "${zone.name}"`);
    }
  } catch (error) {
    if (!(error instanceof ConfError)) throw error;
    outcome.initError = error;
    return outcome;
  }
  outcome.config = config;
  freezeAll(config);
  return outcome;
}

// labs/engines/nginx/location-match.ts
var isRegex2 = (l) => l.modifier === "~" || l.modifier === "~*";
var autoRedirects = (l) => l.name.endsWith("/") && l.conf.own("proxy_pass") !== void 0;
function findStatic(locations, uri, trace) {
  const exact = locations.find((l) => l.modifier === "=" && l.name === uri);
  if (exact) {
    trace?.push(`"location = ${uri}" matches exactly, so the search stops`);
    return { rc: "ok", loc: exact };
  }
  let best;
  for (const l of locations) {
    if ((l.modifier === "" || l.modifier === "^~") && uri.startsWith(l.name) && (!best || l.name.length > best.name.length)) best = l;
  }
  if (best && best.name.length === uri.length) {
    trace?.push(`prefix "location ${best.modifier ? best.modifier + " " : ""}${best.name}" equals the URI`);
    return { rc: "again", loc: best };
  }
  const redirect = locations.find((l) => l.modifier !== "@" && !isRegex2(l) && l.name === uri + "/" && autoRedirects(l));
  if (redirect) {
    trace?.push(`"${uri}" lacks the trailing slash of proxied "location ${redirect.name}", so nginx redirects (301)`);
    return { rc: "done", loc: redirect };
  }
  if (best) {
    trace?.push(`the longest matching prefix is "location ${best.modifier ? best.modifier + " " : ""}${best.name}"`);
    return { rc: "again", loc: best };
  }
  return { rc: "declined" };
}
function findIn(locations, uri, out) {
  const st = findStatic(locations, uri, out.trace);
  let rc = st.rc;
  let noregex = false;
  if (st.loc) out.location = st.loc;
  if (rc === "done") {
    out.redirectTo = st.loc;
    return rc;
  }
  if (rc === "again") {
    noregex = st.loc.modifier === "^~";
    if (st.loc.locations.length) rc = findIn(st.loc.locations, uri, out);
  }
  if (rc === "ok" || rc === "done") return rc;
  if (noregex) {
    out.trace?.push(`"^~" on that prefix skips the regular expressions`);
    return rc;
  }
  for (const l of locations) {
    if (!isRegex2(l)) continue;
    const m = l.regex.exec(uri);
    if (!m) continue;
    out.trace?.push(`regular expression "location ${l.modifier} ${l.name}" is the first that matches`);
    out.location = l;
    out.captures = [...m];
    out.named = { ...m.groups ?? {} };
    if (l.locations.length) findIn(l.locations, uri, out);
    return "ok";
  }
  if (rc === "again" && locations.some(isRegex2)) out.trace?.push("no regular expression matches, so the prefix is used");
  return rc;
}
function findLocation(locations, uri, explain = false) {
  const out = { location: void 0, captures: [], named: {}, trace: explain ? [] : void 0 };
  const rc = findIn(locations, uri, out);
  if (rc === "declined" && !out.location) out.trace?.push("no location matches; the server block itself handles the request");
  return out;
}
function findNamedLocation(locations, name) {
  return locations.find((l) => l.modifier === "@" && l.name === name);
}

// labs/engines/nginx/uri.ts
var BadRequest = class extends Error {
};
function parseTarget(raw, mergeSlashes = true) {
  let target = raw;
  let host;
  const absolute = /^https?:\/\/([^/?#]*)/i.exec(target);
  if (absolute) {
    host = absolute[1];
    target = target.slice(absolute[0].length) || "/";
  }
  if (!target.startsWith("/")) throw new BadRequest("invalid request target");
  const q = target.indexOf("?");
  const path = q === -1 ? target : target.slice(0, q);
  const args = q === -1 ? "" : target.slice(q + 1);
  const quoted = path.includes("%");
  const decoded = quoted ? percentDecode(path) : path;
  return { uri: normalizePath(decoded, mergeSlashes), args, quoted, ...host !== void 0 ? { host } : {} };
}
function percentDecode(path) {
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch !== "%") {
      out += ch;
      continue;
    }
    const hex2 = path.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(hex2)) throw new BadRequest("invalid percent-encoding");
    const code = parseInt(hex2, 16);
    if (code === 0) throw new BadRequest("encoded NUL in URI");
    out += String.fromCharCode(code);
    i += 2;
  }
  return out;
}
function normalizePath(path, mergeSlashes = true) {
  const segments = path.split("/");
  const out = [];
  const last = segments.length - 1;
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === ".") {
      if (i === last) out.push("");
      continue;
    }
    if (seg === "..") {
      if (out.length === 0) throw new BadRequest('".." above the root');
      out.pop();
      if (i === last) out.push("");
      continue;
    }
    if (seg === "" && mergeSlashes && i !== last) continue;
    out.push(seg);
  }
  return "/" + out.join("/");
}
var hex = "0123456789ABCDEF";
function escapeUri(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 35 || c === 37 || c === 63 || c >= 127) out += "%" + hex[c >> 4] + hex[c & 15];
    else out += s[i];
  }
  return out;
}

// labs/engines/nginx/variables.ts
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
var pad = (n, w = 2) => String(n).padStart(w, "0");
function timeLocal(d = /* @__PURE__ */ new Date()) {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  const tz = `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return `${pad(d.getDate())}/${months[d.getMonth()]}/${d.getFullYear()}:${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${tz}`;
}
function argValue(args, name) {
  for (const pair of args.split("&")) {
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (key.toLowerCase() === name) return eq === -1 ? "" : pair.slice(eq + 1);
  }
  return void 0;
}
function cookieValue(r, name) {
  for (const header of r.headerValues("cookie")) {
    for (const part of header.split(";")) {
      const eq = part.indexOf("=");
      if (eq !== -1 && part.slice(0, eq).trim().toLowerCase() === name) return part.slice(eq + 1).trim();
    }
  }
  return void 0;
}
function proxyAddXForwardedFor(r) {
  const xff = r.headerValues("x-forwarded-for");
  return xff.length ? `${xff.join(", ")}, ${r.client.remoteAddr}` : r.client.remoteAddr;
}
function requestHeader(r, name) {
  const header = name.replace(/_/g, "-");
  const values = r.headerValues(header);
  if (values.length === 0) return void 0;
  if (header === "cookie") return values.join("; ");
  if (header === "x-forwarded-for") return values.join(", ");
  return values[0];
}
function lookupVariable(r, name) {
  switch (name) {
    case "host":
      return r.host;
    case "remote_addr":
      return r.client.remoteAddr;
    case "binary_remote_addr":
      return r.client.remoteAddr;
    case "remote_port":
      return String(r.client.remotePort);
    case "server_addr":
      return r.client.localAddr;
    case "server_port":
      return String(r.client.localPort);
    case "scheme":
      return "http";
    case "request_uri":
      return r.requestUri;
    case "uri":
    case "document_uri":
      return r.uri;
    case "args":
    case "query_string":
      return r.args;
    case "is_args":
      return r.args ? "?" : "";
    case "request_method":
      return r.method;
    case "request":
      return r.requestLine;
    case "server_protocol":
      return `HTTP/${r.httpVersion}`;
    case "server_name":
      return r.server?.primaryName ?? "";
    case "hostname":
      return hostname();
    case "nginx_version":
      return "1.22.1";
    case "pid":
      return String(process.pid);
    case "msec":
      return (Date.now() / 1e3).toFixed(3);
    case "time_local":
      return timeLocal();
    case "time_iso8601":
      return (/* @__PURE__ */ new Date()).toISOString().replace(/\.\d{3}Z$/, "+00:00");
    case "request_time":
      return ((Date.now() - r.startMs) / 1e3).toFixed(3);
    case "status":
      return r.status ? pad(r.status, 3) : "000";
    case "body_bytes_sent":
      return String(r.bodyBytesSent);
    case "bytes_sent":
      return String(r.bytesSent);
    case "request_length":
      return String(r.requestLine.length + 2 + r.headers.reduce((n, [k, v]) => n + k.length + v.length + 4, 2) + r.body.length);
    case "connection":
      return String(r.client.connectionId);
    case "connection_requests":
      return String(r.client.connectionRequests);
    case "content_length":
      return r.header("content-length");
    case "content_type":
      return r.header("content-type");
    case "remote_user":
      return void 0;
    case "proxy_host":
      return r.proxyHost || void 0;
    case "proxy_port":
      return r.proxyPort || void 0;
    case "proxy_add_x_forwarded_for":
      return proxyAddXForwardedFor(r);
    case "upstream_addr":
      return r.upstreamAddrs.length ? r.upstreamAddrs.join(", ") : void 0;
    case "upstream_status":
      return r.upstreamStatuses.length ? r.upstreamStatuses.join(", ") : void 0;
    case "upstream_response_time":
      return r.upstreamTimes.length ? r.upstreamTimes.join(", ") : void 0;
    case "upstream_connect_time":
      return r.upstreamConnectTimes.length ? r.upstreamConnectTimes.join(", ") : void 0;
    case "request_id":
      return r.requestId ||= randomBytes(16).toString("hex");
    case "document_root":
    case "realpath_root":
      return r.conf?.get("root")?.template.source;
  }
  if (name.startsWith("http_")) return requestHeader(r, name.slice(5));
  if (name.startsWith("arg_")) return argValue(r.args, name.slice(4));
  if (name.startsWith("cookie_")) return cookieValue(r, name.slice(7));
  if (name.startsWith("sent_http_")) return headerIn(r.responseHeaders, name.slice(10));
  if (name.startsWith("upstream_http_")) return headerIn(r.upstreamHeaders, name.slice(14));
  if (name in r.namedCaptures) return r.namedCaptures[name];
  return void 0;
}
function headerIn(list, name) {
  const wanted = name.replace(/_/g, "-");
  return list.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

// labs/engines/nginx/proxy-request.ts
var bodyLength = { name: "Content-Length", value: compileTemplate("") };
var defaultHeaders = [
  { name: "Host", value: compileTemplate("$proxy_host") },
  { name: "Connection", value: compileTemplate("close") },
  bodyLength,
  { name: "Transfer-Encoding", value: compileTemplate("") },
  { name: "TE", value: compileTemplate("") },
  { name: "Keep-Alive", value: compileTemplate("") },
  { name: "Expect", value: compileTemplate("") },
  { name: "Upgrade", value: compileTemplate("") }
];
function effectiveProxyHeaders(userHeaders) {
  const names2 = new Set(userHeaders.map((h) => h.name.toLowerCase()));
  return [...userHeaders, ...defaultHeaders.filter((h) => !names2.has(h.name.toLowerCase()))];
}
function upstreamUri(r, pass) {
  const args = r.args ? `?${r.args}` : "";
  if (pass.uri === void 0) {
    if (r.validUnparsedUri) return r.requestUri.replace(/^https?:\/\/[^/?#]*/i, "") || "/";
    return escapeUri(r.uri) + args;
  }
  const loc = r.location;
  const prefixLen = loc && (loc.modifier === "" || loc.modifier === "^~" || loc.modifier === "=") ? loc.name.length : 0;
  const rest = r.uri.slice(Math.min(prefixLen, r.uri.length));
  const tail = r.quoted || r.internal ? escapeUri(rest) : rest;
  return pass.uri + tail + args;
}
function buildUpstreamHead(r, pass, method) {
  const conf = r.conf;
  const version = conf.get("proxy_http_version") ?? "1.0";
  const headers = effectiveProxyHeaders(conf.get("proxy_set_header") ?? []);
  const lookup2 = (name) => lookupVariable(r, name);
  const passBody = conf.get("proxy_pass_request_body") !== false;
  const hasBody = passBody && (r.body.length > 0 || r.header("content-length") !== void 0 || r.header("transfer-encoding") !== void 0);
  let head = `${method} ${upstreamUri(r, pass)} HTTP/${version}\r
`;
  const skip = /* @__PURE__ */ new Set();
  for (const h of headers) {
    const lower = h.name.toLowerCase();
    if (!passBody && h === bodyLength) continue;
    skip.add(lower);
    let value = renderTemplate(h.value, lookup2, r.captures);
    if (h === bodyLength) value = hasBody ? String(r.body.length) : "";
    if (value === "") continue;
    head += `${h.name}: ${value}\r
`;
  }
  if (conf.get("proxy_pass_request_headers") !== false) {
    for (const [name, value] of r.headers) {
      if (skip.has(name.toLowerCase())) continue;
      head += `${name}: ${value}\r
`;
    }
  }
  return Buffer.from(`${head}\r
`, "latin1");
}

// labs/engines/nginx/server-select.ts
function validateHost(raw) {
  let host = raw.toLowerCase();
  if (host.startsWith("[")) {
    const close = host.indexOf("]");
    if (close === -1) throw new BadRequest("invalid host");
    host = host.slice(0, close + 1);
  } else {
    const colon = host.indexOf(":");
    if (colon !== -1) host = host.slice(0, colon);
  }
  if (host.includes("..") || host.includes("/") || host.includes("\\") || host.includes("\0")) throw new BadRequest("invalid host");
  if (host.endsWith(".")) host = host.slice(0, -1);
  return host;
}
function selectServer(servers, defaultServer, host) {
  if (host) {
    for (const server2 of servers) {
      if (server2.names.some((n) => n.kind === "exact" && n.name === host)) return { server: server2, reason: `server_name "${host}" matches exactly` };
    }
    let best;
    for (const server2 of servers) {
      for (const n of server2.names) {
        if (n.kind !== "wildcard-head") continue;
        const suffix = n.name.slice(1);
        if (host.endsWith(suffix) && (!best || n.name.length > best.name.length)) best = { server: server2, name: n.name };
      }
    }
    if (best) return { server: best.server, reason: `server_name "${best.name}" is the longest matching leading wildcard` };
    for (const server2 of servers) {
      for (const n of server2.names) {
        if (n.kind !== "wildcard-tail") continue;
        const prefix = n.name.slice(0, -1);
        if (host.startsWith(prefix) && host.length > prefix.length && (!best || n.name.length > best.name.length)) best = { server: server2, name: n.name };
      }
    }
    if (best) return { server: best.server, reason: `server_name "${best.name}" is the longest matching trailing wildcard` };
    for (const server2 of servers) {
      for (const n of server2.names) {
        if (n.kind !== "regex") continue;
        const m = n.regex.exec(host);
        if (m) return { server: server2, reason: `server_name "${n.name}" is the first regular expression that matches`, ...m.groups ? { captures: { ...m.groups } } : {} };
      }
    }
  } else {
    for (const server2 of servers) {
      if (server2.names.some((n) => n.kind === "exact" && n.name === "")) return { server: server2, reason: 'the request has no Host and this server has server_name ""' };
    }
  }
  const which = defaultServer.listens.some((l) => l.defaultServer) ? "marked default_server" : "the first server on this address:port";
  return { server: defaultServer, reason: `no server_name matches "${host}", so the default server answers (${which})` };
}

// labs/engines/nginx/explain.ts
var at = (w) => `${w.file}:${w.line}`;
function describeOp(op) {
  if (op.kind === "return") return `return ${op.code}${op.text ? ` "${op.text.source}"` : ""}`;
  return `rewrite ${op.regex.source} ${op.replacement.source}${op.flag ? ` ${op.flag}` : ""}`;
}
function levelName(conf, depth, location) {
  const names2 = [];
  for (let l = location; l; l = l.parent) names2.push(`location ${l.modifier ? l.modifier + " " : ""}${l.name}`);
  names2.push("server", "http");
  void conf;
  return names2[depth] ?? "http";
}
function explainConfig(config, url, headers = []) {
  const u = new URL(url);
  const port = Number(u.port || 80);
  const hostHeader = headers.find((h) => /^host:/i.test(h))?.slice(5).trim() ?? u.host;
  const request = `GET ${u.pathname}${u.search} (Host: ${hostHeader}, port ${port})`;
  const empty = { request, handler: "", addHeaders: [], proxySetHeaders: [] };
  if (!config.http) return { ...empty, problem: "the configuration has no http block, so nothing answers HTTP" };
  const group = groupFor(addressGroups(config.http), u.hostname === "localhost" ? "127.0.0.1" : u.hostname.replace(/^\[|\]$/g, ""), port);
  if (!group) return { ...empty, problem: `no server block listens on port ${port}; add "listen ${port};" to a server block` };
  const choice = selectServer(group.servers, group.defaultServer, validateHost(hostHeader));
  const server2 = choice.server;
  const target = parseTarget(u.pathname + u.search);
  const found = findLocation(server2.locations, target.uri, true);
  const location = found.location;
  const conf = location?.conf ?? server2.conf;
  const pass = location?.conf.own("proxy_pass");
  let handler;
  if (found.redirectTo) handler = `301 redirect to "${found.redirectTo.name}" (proxied location names ending in "/" get the slash added)`;
  else if (server2.conf.own("rewrite_ops") || conf.own("rewrite_ops")) {
    const ops = [...server2.conf.own("rewrite_ops") ?? [], ...location ? conf.own("rewrite_ops") ?? [] : []];
    handler = `${ops.map(describeOp).join(", then ")}${pass ? `; otherwise proxy_pass ${pass.url}` : ""}`;
  } else if (pass) handler = `proxy_pass ${pass.url} (upstream group "${pass.upstreamName}")`;
  else handler = `static files under root/alias "${conf.get("root")?.template.source ?? ""}"`;
  const expires2 = conf.get("expires");
  return {
    request,
    server: { at: at(server2), names: server2.names.map((n) => n.name), reason: choice.reason },
    ...location ? { location: { at: at(location), name: `${location.modifier ? location.modifier + " " : ""}${location.name}`, trace: found.trace ?? [] } } : {},
    handler,
    addHeaders: (conf.get("add_header") ?? []).map((h) => ({
      name: h.name,
      value: h.value.source,
      always: h.always,
      from: levelName(conf, conf.depthOf("add_header"), location)
    })),
    proxySetHeaders: pass ? effectiveProxyHeaders(conf.get("proxy_set_header") ?? []).filter((h) => h.value.source !== "").map((h) => ({
      name: h.name,
      value: h.value.source,
      from: conf.depthOf("proxy_set_header") >= 0 && (conf.get("proxy_set_header") ?? []).includes(h) ? levelName(conf, conf.depthOf("proxy_set_header"), location) : "nginx default"
    })) : [],
    ...expires2 ? { expires: JSON.stringify(expires2) } : {}
  };
}
function explainRequest(outcome, url, headers) {
  return explainConfig(outcome.config, url, headers);
}
function formatExplanation(e) {
  const lines = [`request:  ${e.request}`];
  if (e.problem) return [...lines, `problem:  ${e.problem}`].join("\n");
  if (e.server) lines.push(`server:   ${e.server.at} (server_name ${e.server.names.join(" ") || '""'})`, `  why:    ${e.server.reason}`);
  if (e.location) {
    lines.push(`location: ${e.location.name} at ${e.location.at}`);
    for (const step of e.location.trace) lines.push(`  why:    ${step}`);
  } else lines.push("location: none matches; the server block itself handles it");
  lines.push(`handler:  ${e.handler}`);
  lines.push("add_header in effect:");
  if (e.addHeaders.length === 0) lines.push("  (none)");
  for (const h of e.addHeaders) lines.push(`  ${h.name}: ${h.value}${h.always ? " (always)" : ""}  [from ${h.from}]`);
  if (e.proxySetHeaders.length) {
    lines.push("headers sent upstream (proxy_set_header after inheritance):");
    for (const h of e.proxySetHeaders) lines.push(`  ${h.name}: ${h.value}  [${h.from}]`);
  }
  if (e.expires) lines.push(`expires:  ${e.expires}`);
  return lines.join("\n");
}

// labs/engines/nginx/proxy-server.ts
import { createServer } from "node:http";

// labs/engines/nginx/access-log.ts
import { appendFileSync } from "node:fs";
function escapeValue(v) {
  return v.replace(/[\x00-\x1f\x7f-\xff"\\]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function formatLogLine2(r, log) {
  return renderTemplate(log.format, (name) => {
    const v = lookupVariable(r, name);
    return v === void 0 || v === "" ? "-" : escapeValue(v);
  }, r.captures);
}
function createAccessLogWriter(stdout) {
  return {
    log(r) {
      const setting = r.conf?.get("access_log");
      if (setting === "off") return;
      if (!setting) {
        stdout(formatLogLine2(r, { path: "-", format: combinedFormat }));
        return;
      }
      for (const log of setting) {
        if (log === "off") continue;
        const line = formatLogLine2(r, log);
        if (log.path === "/dev/stdout") stdout(line);
        else {
          try {
            appendFileSync(log.path, `${line}
`);
          } catch {
          }
        }
      }
    }
  };
}

// labs/engines/nginx/reply.ts
function specialReply(status, location) {
  return { status, headers: [], body: Buffer.alloc(0), special: true, ...location !== void 0 ? { location } : {} };
}

// labs/engines/nginx/request.ts
var HttpRequest = class {
  client;
  /** The method; error_page redirects turn it into GET (except HEAD). */
  method;
  /** The method of the request line, for $request and the access log. */
  requestMethod;
  /** The request target exactly as sent: $request_uri. */
  requestUri;
  httpVersion;
  /** Headers as sent, in order, names in their original case. */
  headers;
  body = Buffer.alloc(0);
  startMs = Date.now();
  startHr = process.hrtime.bigint();
  server;
  /** $host: the validated Host, or the server name when the request has none. */
  host = "";
  uri = "/";
  args = "";
  quoted = false;
  /** False once a rewrite, try_files or internal redirect changed the URI (r->valid_unparsed_uri). */
  validUnparsedUri = true;
  /** True after an internal redirect (r->internal): `internal` locations become reachable. */
  internal = false;
  /** Internal redirects left before nginx gives up with 500 (NGX_HTTP_MAX_URI_CHANGES + 1). */
  uriChanges = 11;
  location;
  conf;
  captures = [];
  namedCaptures = {};
  errorPageDone = false;
  /** limit_req applies once per request, not again after internal redirects. */
  limitChecked = false;
  status = 0;
  bodyBytesSent = 0;
  bytesSent = 0;
  responseHeaders = [];
  upstreamAddrs = [];
  upstreamStatuses = [];
  upstreamTimes = [];
  upstreamConnectTimes = [];
  upstreamHeaders = [];
  proxyHost = "";
  proxyPort = "";
  requestId = "";
  constructor(client, method, requestUri, httpVersion2, headers) {
    this.client = client;
    this.method = method;
    this.requestMethod = method;
    this.requestUri = requestUri;
    this.httpVersion = httpVersion2;
    this.headers = headers;
  }
  /** First value of a request header (case-insensitive name). */
  header(name) {
    const lower = name.toLowerCase();
    for (const [n, v] of this.headers) if (n.toLowerCase() === lower) return v;
    return void 0;
  }
  headerValues(name) {
    const lower = name.toLowerCase();
    return this.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
  }
  get requestLine() {
    return `${this.requestMethod} ${this.requestUri} HTTP/${this.httpVersion}`;
  }
};

// labs/engines/nginx/proxy-redirect.ts
function defaultRule(r, pass) {
  if (pass.uri !== void 0) {
    const loc = r.location;
    if (!loc || loc.modifier === "~" || loc.modifier === "~*" || loc.modifier === "@") return void 0;
    return { from: pass.url, to: loc.name };
  }
  return { from: `${pass.url}/`, to: "/" };
}
function rewriteRedirect(r, pass, headers) {
  if (!headers.some(([n]) => n.length === 8 || n.length === 7 ? /^(location|refresh)$/i.test(n) : false)) return headers;
  const setting = r.conf.get("proxy_redirect") ?? ["default"];
  if (setting === "off") return headers;
  const rules = setting.flatMap((rule) => rule === "default" ? defaultRule(r, pass) ? [defaultRule(r, pass)] : [] : [rule]);
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower !== "location" && lower !== "refresh") return [name, value];
    for (const rule of rules) {
      if (lower === "location" && value.startsWith(rule.from)) return [name, rule.to + value.slice(rule.from.length)];
      const at2 = lower === "refresh" ? value.indexOf("url=") : -1;
      if (at2 !== -1 && value.startsWith(rule.from, at2 + 4)) return [name, value.slice(0, at2 + 4) + rule.to + value.slice(at2 + 4 + rule.from.length)];
    }
    return [name, value];
  });
}

// labs/engines/nginx/upstream-exchange.ts
import { connect } from "node:net";

// labs/engines/nginx/deadlines.ts
var tickMs = 10;
var active = /* @__PURE__ */ new Set();
var timer;
function sweep() {
  const now = Date.now();
  for (const d of active) {
    if (d.at <= now) {
      active.delete(d);
      d.expire();
    }
  }
  if (active.size === 0 && timer) {
    clearInterval(timer);
    timer = void 0;
  }
}
function watch(d) {
  active.add(d);
  if (!timer) {
    timer = setInterval(sweep, tickMs);
    timer.unref();
  }
}
function unwatch(d) {
  active.delete(d);
}

// labs/engines/nginx/upstream-keepalive.ts
var idleTimeoutMs = 6e4;
var KeepalivePool = class {
  max;
  idle = [];
  constructor(max) {
    this.max = max;
  }
  take(peer) {
    for (let i = this.idle.length - 1; i >= 0; i--) {
      const entry = this.idle[i];
      if (entry.peer !== peer) continue;
      this.idle.splice(i, 1);
      entry.socket.removeAllListeners("close");
      entry.socket.removeAllListeners("error");
      entry.socket.removeAllListeners("data");
      entry.socket.removeAllListeners("timeout");
      entry.socket.setTimeout(0);
      if (!entry.socket.destroyed) return entry.socket;
    }
    return void 0;
  }
  give(peer, socket) {
    socket.removeAllListeners("data");
    socket.removeAllListeners("end");
    socket.removeAllListeners("error");
    socket.removeAllListeners("timeout");
    const entry = { peer, socket };
    const drop = () => {
      const at2 = this.idle.indexOf(entry);
      if (at2 !== -1) this.idle.splice(at2, 1);
      socket.destroy();
    };
    socket.on("close", drop);
    socket.on("error", drop);
    socket.on("data", drop);
    socket.setTimeout(idleTimeoutMs, drop);
    this.idle.push(entry);
    if (this.idle.length > this.max) this.idle.shift().socket.destroy();
  }
  closeAll() {
    for (const { socket } of this.idle.splice(0)) socket.destroy();
  }
};
function reusable(status, headers, httpMinor) {
  if (httpMinor < 1) return false;
  const connection = headers.find(([n]) => n.toLowerCase() === "connection")?.[1]?.toLowerCase() ?? "";
  if (connection.includes("close")) return false;
  if (status === 204 || status === 304) return true;
  return headers.some(([n, v]) => n.toLowerCase() === "content-length" || n.toLowerCase() === "transfer-encoding" && v.toLowerCase().includes("chunked"));
}

// labs/engines/nginx/upstream-response-parser.ts
var InvalidUpstreamResponse = class extends Error {
};
var UpstreamResponseParser = class {
  buf = Buffer.alloc(0);
  head;
  mode = "close";
  remaining = 0;
  chunks = [];
  done = false;
  noBody;
  constructor(headRequest) {
    this.noBody = headRequest;
  }
  get headerReceived() {
    return this.head !== void 0;
  }
  /** Whether any byte of the response arrived. */
  bytesSeen = false;
  /** 0 for an HTTP/1.0 status line, 1 for HTTP/1.1. */
  httpMinor = 0;
  /** Feeds bytes; returns the response once it is complete. */
  push(data) {
    this.bytesSeen = true;
    this.buf = this.buf.length ? Buffer.concat([this.buf, data]) : data;
    if (!this.head && !this.parseHead()) return void 0;
    return this.parseBody();
  }
  /** The connection closed: complete if the body runs to the close, else an error. */
  end() {
    if (!this.head) throw new InvalidUpstreamResponse("upstream prematurely closed connection while reading response header from upstream");
    if (this.done) return this.result();
    if (this.mode === "close") {
      this.chunks.push(this.buf);
      return this.result();
    }
    throw new InvalidUpstreamResponse("upstream prematurely closed connection while reading upstream");
  }
  parseHead() {
    const end = this.buf.indexOf("\r\n\r\n");
    const endLf = end === -1 ? this.buf.indexOf("\n\n") : -1;
    if (end === -1 && endLf === -1) {
      if (this.buf.length > 65536) throw new InvalidUpstreamResponse("upstream sent too big header while reading response header from upstream");
      return false;
    }
    const headEnd = end !== -1 ? end : endLf;
    const lines = this.buf.subarray(0, headEnd).toString("latin1").split(/\r?\n/);
    this.buf = this.buf.subarray(headEnd + (end !== -1 ? 4 : 2));
    const m = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0]);
    if (!m) throw new InvalidUpstreamResponse("upstream sent no valid HTTP/1.0 header while reading response header from upstream");
    const headers = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon <= 0) throw new InvalidUpstreamResponse("upstream sent invalid header while reading response header from upstream");
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
    const status = Number(m[1]);
    this.httpMinor = lines[0].startsWith("HTTP/1.1") ? 1 : 0;
    this.head = { status, reason: m[2] ?? "", headers };
    const get = (n) => headers.find(([k]) => k.toLowerCase() === n)?.[1];
    if (this.noBody || status === 204 || status === 304 || status >= 100 && status < 200) this.mode = "none";
    else if (get("transfer-encoding")?.toLowerCase().includes("chunked")) this.mode = "chunked";
    else if (get("content-length") !== void 0) {
      this.mode = "length";
      this.remaining = Number(get("content-length"));
      if (!Number.isInteger(this.remaining) || this.remaining < 0) throw new InvalidUpstreamResponse('upstream sent invalid "Content-Length" header while reading response header from upstream');
    }
    return true;
  }
  parseBody() {
    if (this.mode === "none") {
      this.done = true;
      return this.result();
    }
    if (this.mode === "close") return void 0;
    if (this.mode === "length") {
      const take = this.buf.subarray(0, this.remaining);
      this.chunks.push(take);
      this.remaining -= take.length;
      this.buf = this.buf.subarray(take.length);
      if (this.remaining === 0) {
        this.done = true;
        return this.result();
      }
      return void 0;
    }
    for (; ; ) {
      const lineEnd = this.buf.indexOf("\r\n");
      if (lineEnd === -1) return void 0;
      const size = parseInt(this.buf.subarray(0, lineEnd).toString("latin1").split(";")[0], 16);
      if (Number.isNaN(size)) throw new InvalidUpstreamResponse("upstream sent invalid chunked response while reading upstream");
      if (size === 0) {
        if (this.buf.indexOf("\r\n\r\n", lineEnd) === -1 && this.buf.length < lineEnd + 4) return void 0;
        this.done = true;
        return this.result();
      }
      if (this.buf.length < lineEnd + 2 + size + 2) return void 0;
      this.chunks.push(this.buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      this.buf = this.buf.subarray(lineEnd + 2 + size + 2);
    }
  }
  /** Bytes after a complete response (a final answer following "100 Continue"). */
  rest() {
    return this.buf;
  }
  result() {
    const head = this.head;
    return { ...head, body: Buffer.concat(this.chunks) };
  }
};

// labs/engines/nginx/upstream-exchange.ts
function exchange(peer, o, pool) {
  const cached = pool?.take(peer);
  if (!cached) return attempt(peer, o, pool, void 0);
  return attempt(peer, o, pool, cached).then(
    (result) => (
      // A cached connection the upstream closed meanwhile is not the peer's fault: nginx tries
      // again on a new connection (ngx_http_upstream_next, u->peer.cached).
      result.kind === "error" && !result.responseStarted ? attempt(peer, o, pool, void 0) : result
    )
  );
}
function attempt(peer, o, pool, cached) {
  return new Promise((resolve) => {
    const started = Date.now();
    let connectMs = cached ? 0 : void 0;
    let requestSent = false;
    let settled = false;
    const parser = new UpstreamResponseParser(o.headRequest);
    const socket = cached ?? connect({ host: peer.host, port: peer.port });
    const deadline = {
      at: started + (cached ? o.readTimeoutMs : o.connectTimeoutMs),
      expire: () => {
        if (connectMs === void 0) {
          finish({ kind: "timeout", message: "upstream timed out (110: Connection timed out) while connecting to upstream", requestSent: false });
          return;
        }
        finish({
          kind: "timeout",
          message: `upstream timed out (110: Connection timed out) while reading ${parser.headerReceived ? "upstream" : "response header from upstream"}`,
          requestSent,
          connectMs
        });
      }
    };
    watch(deadline);
    const finish = (result, keep = false) => {
      if (settled) return;
      settled = true;
      unwatch(deadline);
      if (keep && pool) pool.give(peer, socket);
      else socket.destroy();
      resolve(result);
    };
    const send = () => {
      deadline.at = Date.now() + o.readTimeoutMs;
      socket.write(o.body.length ? Buffer.concat([o.head, o.body]) : o.head);
      requestSent = true;
    };
    if (cached) send();
    else {
      socket.once("connect", () => {
        connectMs = Date.now() - started;
        send();
      });
    }
    socket.on("data", (data) => {
      deadline.at = Date.now() + o.readTimeoutMs;
      try {
        const response = parser.push(data);
        if (response) finish({ kind: "response", response, connectMs: connectMs ?? 0, headerMs: Date.now() - started }, pool !== void 0 && reusable(response.status, response.headers, parser.httpMinor));
      } catch (error) {
        finish({ kind: "invalid", message: error.message, requestSent, connectMs: connectMs ?? 0 });
      }
    });
    socket.on("end", () => {
      try {
        finish({ kind: "response", response: parser.end(), connectMs: connectMs ?? 0, headerMs: Date.now() - started });
      } catch (error) {
        const kind = error instanceof InvalidUpstreamResponse && !parser.headerReceived ? "error" : "invalid";
        finish({ kind, message: error.message, requestSent, connectMs: connectMs ?? 0, responseStarted: parser.bytesSeen });
      }
    });
    socket.on("error", (error) => {
      const reason = error.code === "ECONNREFUSED" ? "111: Connection refused" : error.code === "ECONNRESET" ? "104: Connection reset by peer" : error.code === "EPIPE" ? "32: Broken pipe" : error.message;
      const stage = connectMs === void 0 ? "connect() failed" : "recv() failed";
      const where = connectMs === void 0 ? "while connecting to upstream" : "while reading response header from upstream";
      finish({ kind: "error", message: `${stage} (${reason}) ${where}`, requestSent, responseStarted: parser.bytesSeen, ...connectMs !== void 0 ? { connectMs } : {} });
    });
  });
}

// labs/engines/nginx/upstream-ip-hash.ts
import { isIP as isIP3 } from "node:net";

// labs/engines/nginx/upstream-peers.ts
var nowSec = () => Math.floor(Date.now() / 1e3);
function makeSet(peers, hasBackup = false) {
  return { peers, single: peers.length === 1 && !hasBackup, totalWeight: peers.reduce((n, p) => n + p.weight, 0) };
}
function buildUpstream(conf, addresses) {
  const primary = [];
  const backup = [];
  for (const s of conf.servers) {
    const addrs = addresses.get(s.host) ?? [s.host === "localhost" ? "127.0.0.1" : s.host];
    for (const addr of addrs) {
      const peer = {
        name: addr.includes(":") ? `[${addr}]:${s.port}` : `${addr}:${s.port}`,
        host: addr,
        port: s.port,
        weight: s.weight,
        effectiveWeight: s.weight,
        currentWeight: 0,
        maxFails: s.maxFails,
        failTimeoutSec: s.failTimeoutMs / 1e3,
        fails: 0,
        accessed: 0,
        checked: 0,
        down: s.down,
        conns: 0
      };
      (s.backup ? backup : primary).push(peer);
    }
  }
  return {
    name: conf.name,
    balancer: conf.balancer,
    primary: makeSet(primary, backup.length > 0),
    backup: backup.length ? makeSet(backup) : void 0,
    pool: conf.keepalive ? new KeepalivePool(conf.keepalive) : void 0
  };
}
function isUnavailable(p, now) {
  return p.down || p.maxFails > 0 && p.fails >= p.maxFails && now - p.checked <= p.failTimeoutSec;
}
function releasePeer(set, peer, failed) {
  peer.conns--;
  if (set.single) return;
  if (failed) {
    const now = nowSec();
    peer.fails++;
    peer.accessed = now;
    peer.checked = now;
    if (peer.maxFails) peer.effectiveWeight -= Math.floor(peer.weight / peer.maxFails);
    if (peer.effectiveWeight < 0) peer.effectiveWeight = 0;
  } else if (peer.accessed < peer.checked) {
    peer.fails = 0;
  }
}

// labs/engines/nginx/upstream-round-robin.ts
function pickRoundRobin(set, tried) {
  const now = nowSec();
  let best;
  let total = 0;
  for (const peer of set.peers) {
    if (tried.has(peer) || isUnavailable(peer, now)) continue;
    peer.currentWeight += peer.effectiveWeight;
    total += peer.effectiveWeight;
    if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
    if (!best || peer.currentWeight > best.currentWeight) best = peer;
  }
  if (!best) return void 0;
  best.currentWeight -= total;
  if (now - best.checked > best.failTimeoutSec) best.checked = now;
  return best;
}

// labs/engines/nginx/upstream-ip-hash.ts
function addressBytes(addr) {
  const v4 = addr.startsWith("::ffff:") && isIP3(addr.slice(7)) === 4 ? addr.slice(7) : addr;
  if (isIP3(v4) === 4) return v4.split(".").slice(0, 3).map(Number);
  const halves = v4.split("::");
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves[1] ? halves[1].split(":") : [];
  const groups = [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail];
  return groups.flatMap((g) => {
    const n = parseInt(g || "0", 16);
    return [n >> 8, n & 255];
  });
}
function pickIpHash(set, tried, clientAddr) {
  if (set.single) return pickRoundRobin(set, tried);
  const bytes = addressBytes(clientAddr);
  const now = nowSec();
  let hash = 89;
  for (let tries = 0; tries <= 20; tries++) {
    for (const b of bytes) hash = (hash * 113 + b) % 6271;
    let w = hash % set.totalWeight;
    let i = 0;
    while (w >= set.peers[i].weight) {
      w -= set.peers[i].weight;
      i++;
    }
    const peer = set.peers[i];
    if (!tried.has(peer) && !isUnavailable(peer, now)) {
      if (now - peer.checked > peer.failTimeoutSec) peer.checked = now;
      return peer;
    }
  }
  return pickRoundRobin(set, tried);
}

// labs/engines/nginx/upstream-least-conn.ts
function pickLeastConn(set, tried) {
  const now = nowSec();
  let best;
  let many = [];
  for (const peer of set.peers) {
    if (tried.has(peer) || isUnavailable(peer, now)) continue;
    if (!best || peer.conns * best.weight < best.conns * peer.weight) {
      best = peer;
      many = [peer];
    } else if (peer.conns * best.weight === best.conns * peer.weight) {
      many.push(peer);
    }
  }
  if (!best) return void 0;
  if (many.length > 1) {
    let total = 0;
    best = void 0;
    for (const peer of many) {
      peer.currentWeight += peer.effectiveWeight;
      total += peer.effectiveWeight;
      if (peer.effectiveWeight < peer.weight) peer.effectiveWeight++;
      if (!best || peer.currentWeight > best.currentWeight) best = peer;
    }
    best.currentWeight -= total;
  }
  if (now - best.checked > best.failTimeoutSec) best.checked = now;
  return best;
}

// labs/engines/nginx/proxy-handler.ts
var hidden = /* @__PURE__ */ new Set(["date", "server", "x-pad", "x-accel-expires", "x-accel-redirect", "x-accel-limit-rate", "x-accel-buffering", "x-accel-charset"]);
var hopByHop = /* @__PURE__ */ new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "upgrade"]);
var statusFor = { error: 502, invalid: 502, timeout: 504 };
function pick(u, set, tried, r) {
  if (set.single) {
    const only = set.peers[0];
    return only.down || tried.has(only) ? void 0 : only;
  }
  if (u.balancer === "least_conn") return pickLeastConn(set, tried);
  if (u.balancer === "ip_hash" && set === u.primary) return pickIpHash(set, tried, r.client.remoteAddr);
  return pickRoundRobin(set, tried);
}
async function proxyRequest(r, rt, pass) {
  const u = rt.upstreams.get(pass.upstreamName);
  const conf = r.conf;
  const explicit = rt.config.http.upstreams.get(pass.upstreamName).explicit;
  r.proxyHost = explicit ? pass.host : pass.port === void 0 || pass.port === 80 ? pass.host : `${pass.host}:${pass.port}`;
  r.proxyPort = String(pass.port ?? 80);
  const method = r.method;
  const head = buildUpstreamHead(r, pass, method);
  const nextUpstream2 = conf.get("proxy_next_upstream") ?? ["error", "timeout"];
  const triesLimit = conf.get("proxy_next_upstream_tries") ?? 0;
  const timeLimit = conf.get("proxy_next_upstream_timeout") ?? 0;
  const started = Date.now();
  let tries = u.primary.peers.length + (u.backup?.peers.length ?? 0);
  if (triesLimit && triesLimit < tries) tries = triesLimit;
  let set = u.primary;
  const tried = /* @__PURE__ */ new Set();
  const nonIdempotent = ["POST", "LOCK", "PATCH"].includes(method);
  for (; ; ) {
    let peer = pick(u, set, tried, r);
    if (!peer && set === u.primary && u.backup) {
      set = u.backup;
      tried.clear();
      peer = pick(u, set, tried, r);
    }
    if (!peer) {
      rt.errorLog(r, `no live upstreams while connecting to upstream`, `http://${u.name}${head.toString("latin1").split(" ")[1]}`);
      r.upstreamAddrs.push(u.name);
      r.upstreamStatuses.push("502");
      return specialReply(502);
    }
    tried.add(peer);
    peer.conns++;
    const t0 = Date.now();
    const result = await exchange(peer, {
      head,
      body: conf.get("proxy_pass_request_body") === false ? Buffer.alloc(0) : r.body,
      headRequest: method === "HEAD",
      connectTimeoutMs: conf.get("proxy_connect_timeout") ?? 6e4,
      readTimeoutMs: conf.get("proxy_read_timeout") ?? 6e4
    }, u.pool);
    r.upstreamAddrs.push(peer.name);
    r.upstreamTimes.push(((Date.now() - t0) / 1e3).toFixed(3));
    r.upstreamConnectTimes.push(result.connectMs !== void 0 ? (result.connectMs / 1e3).toFixed(3) : "-");
    tries--;
    const canRetry = (flag2, requestSent) => tries > 0 && !set.single && nextUpstream2.includes(flag2) && !(requestSent && nonIdempotent && !nextUpstream2.includes("non_idempotent")) && !(timeLimit && Date.now() - started >= timeLimit);
    if (result.kind === "response") {
      const status = result.response.status;
      const flag2 = `http_${status}`;
      const retryable = [500, 502, 503, 504, 403, 404, 429].includes(status) && nextUpstream2.includes(flag2);
      r.upstreamStatuses.push(String(status));
      if (retryable && canRetry(flag2, true)) {
        releasePeer(set, peer, status !== 403 && status !== 404);
        continue;
      }
      releasePeer(set, peer, false);
      r.upstreamHeaders = result.response.headers;
      const hiddenByConf = conf.get("proxy_hide_header");
      const passed = conf.get("proxy_pass_header");
      const headers = result.response.headers.filter(([n]) => {
        const lower = n.toLowerCase();
        if (hopByHop.has(lower) || hiddenByConf?.includes(lower)) return false;
        return !hidden.has(lower) || passed?.includes(lower) === true;
      });
      const lengthKnown = result.response.headers.some(([n]) => n.toLowerCase() === "content-length");
      const reply = { status, reason: result.response.reason, headers: rewriteRedirect(r, pass, headers), body: result.response.body, proxied: true, lengthKnown };
      if (conf.get("proxy_intercept_errors") && status >= 300 && hasErrorPage(r, status)) return { ...specialReply(status), proxied: true };
      return reply;
    }
    r.upstreamStatuses.push(String(statusFor[result.kind]));
    rt.errorLog(r, result.message, `http://${peer.name}${head.toString("latin1").split(" ")[1]}`);
    releasePeer(set, peer, true);
    const flag = result.kind === "invalid" ? "invalid_header" : result.kind;
    if (canRetry(flag, result.requestSent)) continue;
    return specialReply(statusFor[result.kind]);
  }
}
function hasErrorPage(r, status) {
  return (r.conf.get("error_page") ?? []).some((e) => e.codes.includes(status));
}

// labs/engines/nginx/rewrite-phase.ts
var redirectCodes = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
function runRewrites(r, conf) {
  const ops = conf.own("rewrite_ops") ?? [];
  let uriChanged = false;
  for (const op of ops) {
    if (op.kind === "return") {
      if (op.code === 444) return { kind: "reply", reply: { ...specialReply(444), close: true } };
      const text = op.text ? renderTemplate(op.text, (n) => lookupVariable(r, n), r.captures) : void 0;
      if (redirectCodes.has(op.code)) {
        return { kind: "reply", reply: specialReply(op.code, text ?? "") };
      }
      if (text === void 0) return { kind: "reply", reply: specialReply(op.code) };
      return { kind: "reply", reply: { status: op.code, headers: [], body: Buffer.from(text, "latin1"), textReturn: true } };
    }
    const m = op.regex.exec(r.uri);
    if (!m) continue;
    const captures = [...m];
    let target = renderTemplate(op.replacement, (n) => lookupVariable(r, n), captures);
    if (op.redirect) {
      if (target.endsWith("?")) target = target.slice(0, -1);
      else if (r.args) target += `${target.includes("?") ? "&" : "?"}${r.args}`;
      return { kind: "reply", reply: specialReply(op.flag === "permanent" ? 301 : 302, target) };
    }
    const q = target.indexOf("?");
    if (q !== -1) {
      const dropOriginal = target.endsWith("?");
      const own = target.slice(q + 1, dropOriginal ? -1 : void 0);
      r.args = dropOriginal || !r.args ? own : own ? `${own}&${r.args}` : r.args;
      target = target.slice(0, q);
    }
    r.uri = target;
    r.validUnparsedUri = false;
    r.captures = captures;
    uriChanged = true;
    if (op.flag === "last") return { kind: "last" };
    if (op.flag === "break") return { kind: "break" };
  }
  return { kind: "continue", uriChanged };
}

// labs/engines/nginx/static-files.ts
import { readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
function render(r, t) {
  return renderTemplate(t, (name) => lookupVariable(r, name), r.captures);
}
function mapUriToPath(r, uri) {
  const root = r.conf.get("root");
  if (!root) return uri;
  const base = render(r, root.template);
  if (!root.alias) return base + uri;
  const loc = r.location;
  if (loc && (loc.modifier === "~" || loc.modifier === "~*")) return base;
  const prefix = loc?.name ?? "";
  return base + uri.slice(Math.min(prefix.length, uri.length));
}
var diskPath = (binary) => Buffer.from(binary, "latin1").toString("utf8");
async function statPath(path) {
  return statSync2(diskPath(path), { throwIfNoEntry: false });
}
async function serveStatic(r) {
  if (r.uri.endsWith("/")) {
    const indexes = r.conf.get("index");
    const names2 = indexes ? indexes.map((t) => render(r, t)) : ["index.html"];
    for (const name of names2) {
      if (name.startsWith("/")) return { redirect: name };
      const path2 = mapUriToPath(r, r.uri + name);
      const st2 = await statPath(path2);
      if (st2) return { redirect: r.uri + name };
    }
    const dir = await statPath(mapUriToPath(r, r.uri));
    if (!dir) return specialReply(404);
    if (!["GET", "HEAD", "POST"].includes(r.method)) return specialReply(405);
    return specialReply(403);
  }
  if (!["GET", "HEAD", "POST"].includes(r.method)) return specialReply(405);
  const path = mapUriToPath(r, r.uri);
  const st = await statPath(path);
  if (!st) return specialReply(404);
  if (st.isDirectory()) {
    return specialReply(301, escapeForLocation(r.uri) + "/" + (r.args ? `?${r.args}` : ""));
  }
  if (r.method === "POST") return specialReply(405);
  let body;
  try {
    body = readFileSync2(diskPath(path));
  } catch {
    return specialReply(403);
  }
  return {
    status: 200,
    headers: [],
    body,
    contentType: contentTypeFor(r.conf, r.uri),
    mtimeMs: st.mtimeMs,
    fileSize: st.size
  };
}
function escapeForLocation(uri) {
  return uri.replace(/[\x00-\x20\x7f-\xff"#%?]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0"));
}

// labs/engines/nginx/request-handler.ts
function setUri(r, target, keepArgs) {
  const q = target.indexOf("?");
  r.uri = q === -1 ? target : target.slice(0, q);
  if (q !== -1) r.args = target.slice(q + 1);
  else if (!keepArgs) r.args = "";
}
async function internalRedirect(r, rt, target, keepArgs = false) {
  if (--r.uriChanges === 0) {
    rt.errorLog(r, `rewrite or internal redirection cycle while internally redirecting to "${target}"`);
    return specialReply(500);
  }
  setUri(r, target, keepArgs);
  r.internal = true;
  r.validUnparsedUri = false;
  return runPhases(r, rt, "server-rewrite");
}
async function namedRedirect(r, rt, name) {
  const named = findNamedLocation(r.server.locations, name);
  if (!named) {
    rt.errorLog(r, `could not find named location "${name}"`);
    return specialReply(500);
  }
  if (--r.uriChanges === 0) return specialReply(500);
  r.internal = true;
  useLocation(r, named);
  return runPhases(r, rt, "location-rewrite");
}
function useLocation(r, loc) {
  r.location = loc;
  r.conf = loc?.conf ?? r.server.conf;
}
async function runPhases(r, rt, start) {
  if (start === "server-rewrite") {
    useLocation(r, void 0);
    const sr = runRewrites(r, r.server.conf);
    if (sr.kind === "reply") return sr.reply;
  }
  for (let find = start === "server-rewrite"; ; find = true) {
    if (find) {
      const choice = findLocation(r.server.locations, r.uri);
      useLocation(r, choice.location);
      if (choice.location && (choice.location.modifier === "~" || choice.location.modifier === "~*")) {
        r.captures = choice.captures;
        Object.assign(r.namedCaptures, choice.named);
      }
      if (choice.redirectTo) {
        return specialReply(301, escapeUri(choice.redirectTo.name) + (r.args ? `?${r.args}` : ""));
      }
      if (r.location?.conf.own("internal") && !r.internal) return specialReply(404);
      const max = r.conf.get("client_max_body_size") ?? 1048576;
      if (max && Number(r.header("content-length") ?? r.body.length) > max) return specialReply(413);
    }
    if (!r.location) break;
    const lr = runRewrites(r, r.conf);
    if (lr.kind === "reply") return lr.reply;
    if (lr.kind === "break") break;
    if (lr.kind === "last" || lr.uriChanged) {
      if (--r.uriChanges === 0) return specialReply(500);
      continue;
    }
    break;
  }
  const limits = r.conf.get("limit_req");
  if (limits?.length && !r.limitChecked) {
    r.limitChecked = true;
    const decision = rt.limitReq.check(r, limits);
    if (decision.kind === "reject") {
      rt.errorLog(r, `limiting requests, excess: ${(decision.excess / 1e3).toFixed(3)} by zone "${decision.zone}"`);
      if (!r.conf.get("limit_req_dry_run")) return specialReply(r.conf.get("limit_req_status") ?? 503);
    } else if (decision.delayMs > 0 && !r.conf.get("limit_req_dry_run")) {
      await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    }
  }
  const tryFiles2 = r.location?.conf.own("try_files") ?? (!r.location ? r.server.conf.own("try_files") : void 0);
  if (tryFiles2) {
    const outcome = await runTryFiles(r, rt, tryFiles2);
    if (outcome) return outcome;
  }
  const pass = r.location?.conf.own("proxy_pass");
  if (pass) return proxyRequest(r, rt, pass);
  const result = await serveStatic(r);
  if ("redirect" in result) return internalRedirect(r, rt, result.redirect, true);
  return result;
}
async function runTryFiles(r, rt, list) {
  for (const t of list.slice(0, -1)) {
    const name = render(r, t);
    const testDir = name.endsWith("/");
    const st = await statPath(mapUriToPath(r, testDir ? name.slice(0, -1) : name));
    if (!st || st.isDirectory() !== testDir) continue;
    r.uri = testDir ? name.slice(0, -1) : name;
    return void 0;
  }
  const last = render(r, list[list.length - 1]);
  if (/^=\d{3}$/.test(last)) return specialReply(Number(last.slice(1)));
  if (last.startsWith("@")) return namedRedirect(r, rt, last);
  return internalRedirect(r, rt, last);
}
async function applyErrorPage(r, rt, reply) {
  if (!reply.special || reply.status < 300 || reply.close || r.errorPageDone) return reply;
  const page = (r.conf.get("error_page") ?? []).find((p) => p.codes.includes(reply.status));
  if (!page) return reply;
  if (!r.conf.get("recursive_error_pages")) r.errorPageDone = true;
  const uri = render(r, page.uri);
  const original = reply.status;
  if (!uri.startsWith("/") && !uri.startsWith("@")) {
    const code = typeof page.overwrite === "number" && [301, 302, 303, 307, 308].includes(page.overwrite) ? page.overwrite : 302;
    return specialReply(code, uri);
  }
  if (r.method !== "HEAD") r.method = "GET";
  let result = uri.startsWith("@") ? await namedRedirect(r, rt, uri) : await internalRedirect(r, rt, uri);
  result = await applyErrorPage(r, rt, result);
  const status = result.special || result.errorPage || page.overwrite === "=" ? result.status : page.overwrite ?? original;
  return { ...result, status, errorPage: true, ...page.overwrite === "=" ? {} : { reason: void 0 } };
}
async function handleRequest(r, rt) {
  const reply = await runPhases(r, rt, "server-rewrite");
  return applyErrorPage(r, rt, reply);
}

// labs/engines/nginx/gzip-filter.ts
import { gzipSync } from "node:zlib";
function acceptsGzip(value) {
  if (!value) return false;
  for (const part of value.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    if (coding.trim() !== "gzip") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}
function applyGzip(r, status, headers, body, lengthKnown = true) {
  const conf = r.conf;
  const unchanged = { headers, body, compressed: false };
  if (!conf.get("gzip")) return unchanged;
  if (status !== 200 && status !== 403 && status !== 404) return unchanged;
  if (headers.some(([n, v]) => n.toLowerCase() === "content-encoding" && v !== "")) return unchanged;
  if (lengthKnown && body.length < (conf.get("gzip_min_length") ?? 20)) return unchanged;
  const contentType = (headers.find(([n]) => n.toLowerCase() === "content-type")?.[1] ?? "").split(";")[0].trim().toLowerCase();
  const types2 = conf.get("gzip_types") ?? ["text/html"];
  if (types2 !== "*" && !types2.includes(contentType)) return unchanged;
  if (r.method === "HEAD" && body.length === 0) return unchanged;
  const vary = conf.get("gzip_vary") ? [["Vary", "Accept-Encoding"]] : [];
  const withVary = { headers: [...headers, ...vary], body, compressed: false };
  if (!acceptsGzip(r.header("accept-encoding"))) return withVary;
  const minVersion = conf.get("gzip_http_version") ?? "1.1";
  if (Number(r.httpVersion) < Number(minVersion)) return withVary;
  if (r.header("via") !== void 0) {
    const proxied = conf.get("gzip_proxied") ?? ["off"];
    if (!proxied.includes("any")) return withVary;
  }
  const ua = r.header("user-agent") ?? "";
  for (const rule of conf.get("gzip_disable") ?? []) {
    if (rule === "msie6" ? /MSIE [4-6]\./.test(ua) && !/SV1/.test(ua) : rule.test(ua)) return withVary;
  }
  const compressedBody = gzipSync(body, { level: conf.get("gzip_comp_level") ?? 1 });
  const out = withVary.headers.filter(([n]) => n.toLowerCase() !== "content-length").map(([n, v]) => n.toLowerCase() === "etag" && v.startsWith('"') ? [n, `W/${v}`] : [n, v]);
  out.push(["Content-Encoding", "gzip"]);
  return { headers: out, body: compressedBody, compressed: true };
}

// labs/engines/nginx/http-date.ts
var cachedSecond = -1;
var cachedText = "";
function httpDate(ms) {
  const second = Math.floor(ms / 1e3);
  if (second === cachedSecond) return cachedText;
  const text = new Date(second * 1e3).toUTCString();
  if (Math.abs(second * 1e3 - Date.now()) < 2e3) {
    cachedSecond = second;
    cachedText = text;
  }
  return text;
}

// labs/engines/nginx/special-response.ts
var reasons = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  206: "Partial Content",
  301: "Moved Permanently",
  302: "Moved Temporarily",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Not Allowed",
  406: "Not Acceptable",
  408: "Request Time-out",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Request Entity Too Large",
  414: "Request-URI Too Large",
  415: "Unsupported Media Type",
  416: "Requested Range Not Satisfiable",
  421: "Misdirected Request",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
  505: "HTTP Version Not Supported",
  507: "Insufficient Storage"
};
function reasonPhrase(status) {
  return reasons[status] ?? "";
}
var pageTitles = {
  301: "301 Moved Permanently",
  302: "302 Found",
  303: "303 See Other",
  307: "307 Temporary Redirect",
  308: "308 Permanent Redirect",
  400: "400 Bad Request",
  401: "401 Authorization Required",
  402: "402 Payment Required",
  403: "403 Forbidden",
  404: "404 Not Found",
  405: "405 Not Allowed",
  406: "406 Not Acceptable",
  408: "408 Request Time-out",
  409: "409 Conflict",
  410: "410 Gone",
  411: "411 Length Required",
  412: "412 Precondition Failed",
  413: "413 Request Entity Too Large",
  414: "414 Request-URI Too Large",
  415: "415 Unsupported Media Type",
  416: "416 Requested Range Not Satisfiable",
  421: "421 Misdirected Request",
  429: "429 Too Many Requests",
  494: "400 Request Header Or Cookie Too Large",
  500: "500 Internal Server Error",
  501: "501 Not Implemented",
  502: "502 Bad Gateway",
  503: "503 Service Temporarily Unavailable",
  504: "504 Gateway Time-out",
  505: "505 HTTP Version Not Supported",
  507: "507 Insufficient Storage"
};
var serverToken = (tokens) => tokens ? "course-nginx/1.22.1" : "course-nginx";
function specialPage(status, tokens) {
  const title = pageTitles[status];
  if (!title) return void 0;
  return `<html>\r
<head><title>${title}</title></head>\r
<body>\r
<center><h1>${title}</h1></center>\r
<hr><center>${tokens ? "nginx/1.22.1" : "nginx"}</center>\r
</body>\r
</html>\r
`;
}
var headerSafeStatuses = /* @__PURE__ */ new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

// labs/engines/nginx/headers-filter.ts
var fileEtag = (mtimeMs, size) => `"${Math.floor(mtimeMs / 1e3).toString(16)}-${size.toString(16)}"`;
function absoluteLocation(r, location) {
  if (!location.startsWith("/") || r.conf.get("absolute_redirect") === false) return location;
  const host = r.conf.get("server_name_in_redirect") ? r.server.primaryName : r.host || r.client.localAddr;
  const port = r.client.localPort !== 80 && r.conf.get("port_in_redirect") !== false ? `:${r.client.localPort}` : "";
  return `http://${host}${port}${location}`;
}
function expiresHeaders(e, now, mtimeMs) {
  if (e.kind === "off") return [];
  if (e.kind === "epoch") return [["Expires", "Thu, 01 Jan 1970 00:00:01 GMT"], ["Cache-Control", "no-cache"]];
  if (e.kind === "max") return [["Expires", "Thu, 31 Dec 2037 23:55:55 GMT"], ["Cache-Control", "max-age=315360000"]];
  const nowSec2 = Math.floor(now / 1e3);
  const seconds = e.seconds;
  let expiresSec;
  if (e.kind === "access") {
    if (e.seconds < 0) return [["Expires", httpDate((nowSec2 + e.seconds) * 1e3)], ["Cache-Control", "no-cache"]];
    return [["Expires", httpDate((nowSec2 + e.seconds) * 1e3)], ["Cache-Control", `max-age=${e.seconds}`]];
  }
  if (e.kind === "modified") expiresSec = Math.floor((mtimeMs ?? now) / 1e3) + seconds;
  else {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    expiresSec = Math.floor(midnight.getTime() / 1e3) + seconds;
    if (expiresSec <= nowSec2) expiresSec += 86400;
  }
  const maxAge = expiresSec - nowSec2;
  return [["Expires", httpDate(expiresSec * 1e3)], ["Cache-Control", maxAge <= 0 ? "no-cache" : `max-age=${maxAge}`]];
}
function responseHeaders(r, reply, now) {
  const tokens = r.conf.get("server_tokens") ?? true;
  const fromUpstream = (name) => reply.proxied === true && reply.headers.some(([n]) => n.toLowerCase() === name);
  const out = [];
  if (!fromUpstream("server")) out.push(["Server", serverToken(tokens)]);
  if (!fromUpstream("date")) out.push(["Date", httpDate(now)]);
  if (reply.contentType) out.push(["Content-Type", reply.contentType]);
  if (reply.mtimeMs !== void 0) {
    if (reply.status === 200 || reply.status === 206 || reply.status === 304) out.push(["Last-Modified", httpDate(reply.mtimeMs)]);
    out.push(["ETag", fileEtag(reply.mtimeMs, reply.fileSize ?? 0)]);
  }
  if (reply.location !== void 0) out.push(["Location", absoluteLocation(r, reply.location)]);
  for (const [name, value] of reply.headers) {
    out.push([name, name.toLowerCase() === "location" ? absoluteLocation(r, value) : value]);
  }
  const safe = headerSafeStatuses.has(reply.status);
  const expires2 = r.conf.get("expires");
  if (expires2 && safe) {
    const set = expiresHeaders(expires2, now, reply.mtimeMs);
    if (set.length) {
      for (let i = out.length - 1; i >= 0; i--) {
        const lower = out[i][0].toLowerCase();
        if (lower === "expires" || lower === "cache-control") out.splice(i, 1);
      }
      out.push(...set);
    }
  }
  for (const h of r.conf.get("add_header") ?? []) {
    if (!safe && !h.always) continue;
    const value = render(r, h.value);
    if (value !== "") out.push([h.name, value]);
  }
  return out;
}

// labs/engines/nginx/range-filter.ts
function notModified(r, reply) {
  if (reply.status !== 200 || reply.mtimeMs === void 0) return reply;
  const etag = fileEtag(reply.mtimeMs, reply.fileSize ?? 0);
  const ims = r.header("if-modified-since");
  const inm = r.header("if-none-match");
  const strip = (t) => t.trim().replace(/^W\//, "");
  let matches = false;
  if (inm !== void 0) matches = inm.trim() === "*" || inm.split(",").some((t) => strip(t) === etag);
  else if (ims !== void 0) matches = ims === httpDate(reply.mtimeMs);
  if (!matches) return reply;
  return { ...reply, status: 304, body: Buffer.alloc(0) };
}
function applyRange(r, reply, headers, body, compressed) {
  const plain = { status: reply.status, headers, body };
  if (reply.status !== 200 || reply.mtimeMs === void 0 || compressed) return plain;
  const range = r.header("range");
  const withAccept = [...headers, ["Accept-Ranges", "bytes"]];
  if (range === void 0) return { ...plain, headers: withAccept };
  const ifRange = r.header("if-range");
  if (ifRange !== void 0 && ifRange !== fileEtag(reply.mtimeMs, reply.fileSize ?? 0) && ifRange !== httpDate(reply.mtimeMs)) {
    return { ...plain, headers: withAccept };
  }
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (!m || m[1] === "" && m[2] === "") return { ...plain, headers: withAccept };
  const size = body.length;
  let start;
  let end;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) {
    return { status: 416, headers, body, special: { ...specialReply(416), headers: [["Content-Range", `bytes */${size}`]] } };
  }
  return { status: 206, headers: [...headers, ["Content-Range", `bytes ${start}-${end}/${size}`]], body: body.subarray(start, end + 1) };
}

// labs/engines/nginx/respond.ts
function respond(req, res, r, reply, rt) {
  if (reply.close) {
    r.status = 444;
    req.socket.destroy();
    rt.accessLog.log(r);
    return;
  }
  reply = notModified(r, reply);
  let body = reply.body;
  let contentType = reply.contentType;
  if (reply.special) {
    const page = specialPage(reply.status, r.conf.get("server_tokens") ?? true);
    body = page ? Buffer.from(page, "latin1") : Buffer.alloc(0);
    contentType = page ? "text/html" : void 0;
  } else if (reply.textReturn) {
    contentType = contentTypeFor(r.conf, r.uri);
  }
  let headers = responseHeaders(r, { ...reply, ...contentType !== void 0 ? { contentType } : {} }, Date.now());
  const gz = applyGzip(r, reply.status, headers, body, reply.lengthKnown !== false);
  const ranged = applyRange(r, reply, gz.headers, gz.body, gz.compressed);
  if (ranged.special) return respond(req, res, r, ranged.special, rt);
  const status = ranged.status;
  headers = ranged.headers;
  body = ranged.body;
  const noBody2 = status === 204 || status === 304 || status >= 100 && status < 200;
  if (noBody2) body = Buffer.alloc(0);
  if (status === 304) headers = headers.filter(([n]) => n.toLowerCase() !== "content-type");
  else if (!gz.compressed && reply.lengthKnown !== false) {
    const typeAt = headers.findIndex(([n]) => n.toLowerCase() === "content-type");
    headers.splice(typeAt === -1 ? 2 : typeAt + 1, 0, ["Content-Length", String(body.length)]);
  }
  r.status = status;
  r.responseHeaders = headers;
  res.sendDate = false;
  const flat = [];
  for (const [name, value] of headers) flat.push(name, value);
  res.writeHead(status, status === reply.status && reply.reason !== void 0 ? reply.reason : reasonPhrase(status), flat);
  const sendBody = r.method !== "HEAD" && req.method !== "HEAD" && !noBody2;
  const chunked = sendBody && !headers.some(([n]) => n.toLowerCase() === "content-length") && r.httpVersion === "1.1" && body.length > 0;
  r.bodyBytesSent = !sendBody ? 0 : chunked ? body.length + body.length.toString(16).length + 4 + 5 : body.length;
  if (r.httpVersion === "1.1" && r.header("expect")?.toLowerCase() === "100-continue") r.bodyBytesSent += 25;
  r.bytesSent = r.bodyBytesSent + flat.reduce((n, s) => n + s.length + 4, 17);
  res.end(sendBody ? body : void 0);
  rt.accessLog.log(r);
}

// labs/engines/nginx/limit-req.ts
var LimitReqState = class {
  zones = /* @__PURE__ */ new Map();
  confs;
  constructor(confs) {
    this.confs = confs;
  }
  check(r, limits, now = Date.now()) {
    let maxDelay = 0;
    const pending = [];
    for (const limit of limits) {
      const zone = this.confs.get(limit.zone);
      const key = renderTemplate(zone.key, (n) => lookupVariable(r, n), r.captures);
      if (key === "") continue;
      const buckets = this.zones.get(zone.name) ?? /* @__PURE__ */ new Map();
      this.zones.set(zone.name, buckets);
      const bucket = buckets.get(key);
      let excess = 0;
      let ms = 0;
      if (bucket) {
        ms = now - bucket.last;
        if (ms < -6e4) ms = 1;
        else if (ms < 0) ms = 0;
        excess = Math.max(0, bucket.excess - Math.floor(zone.ratePerMs1000 * ms / 1e3) + 1e3);
        if (excess > limit.burst * 1e3) return { kind: "reject", zone: zone.name, excess };
      }
      pending.push(() => {
        if (!bucket) buckets.set(key, { excess: 0, last: now });
        else {
          bucket.excess = excess;
          if (ms) bucket.last = now;
        }
      });
      const delay = limit.delay === Infinity ? Infinity : limit.delay * 1e3;
      if (excess > delay) maxDelay = Math.max(maxDelay, Math.floor((excess - delay) * 1e3 / zone.ratePerMs1000));
    }
    for (const account of pending) account();
    return { kind: "pass", delayMs: maxDelay };
  }
};

// labs/engines/nginx/runtime.ts
function errorTime() {
  const d = /* @__PURE__ */ new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
function createRuntime(config, addresses, accessLog2, writeError) {
  const upstreams = /* @__PURE__ */ new Map();
  for (const [name, conf] of config.http?.upstreams ?? []) upstreams.set(name, buildUpstream(conf, addresses));
  return {
    config,
    upstreams,
    limitReq: new LimitReqState(config.http?.limitReqZones ?? /* @__PURE__ */ new Map()),
    accessLog: accessLog2,
    errorLog(r, message, upstream) {
      const parts = [`client: ${r.client.remoteAddr}`, `server: ${r.server?.primaryName ?? ""}`, `request: "${r.requestLine}"`];
      if (upstream) parts.push(`upstream: "${upstream}"`);
      const host = r.header("host");
      if (host) parts.push(`host: "${host}"`);
      writeError(`${errorTime()} [error] ${process.pid}#0: *${r.client.connectionId} ${message}, ${parts.join(", ")}`);
    }
  };
}

// labs/engines/nginx/proxy-server.ts
var defaultIo = {
  stdout: (line) => process.stdout.write(`${line}
`),
  stderr: (line) => process.stderr.write(`${line}
`)
};
var validHeaderName = /^[A-Za-z0-9-]+$/;
var connectionCounter = 0;
var connectionIds = /* @__PURE__ */ new WeakMap();
var noBody = Buffer.alloc(0);
function readBody(req) {
  if (req.headers["content-length"] === void 0 && req.headers["transfer-encoding"] === void 0) {
    req.resume();
    return noBody;
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
async function serve(req, res, group, rt) {
  const socket = req.socket;
  let conn = connectionIds.get(socket);
  if (!conn) {
    conn = { id: ++connectionCounter, requests: 0 };
    connectionIds.set(socket, conn);
  }
  conn.requests++;
  const headers = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (validHeaderName.test(req.rawHeaders[i])) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
  }
  const rawUrl = Buffer.from(req.url ?? "/", "utf8").toString("latin1");
  const r = new HttpRequest(
    {
      remoteAddr: (socket.remoteAddress ?? "").replace(/^::ffff:/, ""),
      remotePort: socket.remotePort ?? 0,
      localAddr: (socket.localAddress ?? "").replace(/^::ffff:/, ""),
      localPort: socket.localPort ?? 0,
      connectionId: conn.id,
      connectionRequests: conn.requests
    },
    req.method ?? "GET",
    rawUrl,
    req.httpVersion,
    headers
  );
  r.body = await readBody(req);
  let reply;
  try {
    const target = parseTarget(rawUrl);
    const host = validateHost(target.host ?? r.header("host") ?? "");
    const choice = selectServer(group.servers, group.defaultServer, host);
    r.server = choice.server;
    r.conf = choice.server.conf;
    r.host = host || choice.server.primaryName;
    Object.assign(r.namedCaptures, choice.captures ?? {});
    const parsed = choice.server.conf.get("merge_slashes") === false ? parseTarget(rawUrl, false) : target;
    r.uri = parsed.uri;
    r.args = parsed.args;
    r.quoted = parsed.quoted;
    reply = await handleRequest(r, rt);
  } catch (error) {
    r.server ??= group.defaultServer;
    r.conf ??= group.defaultServer.conf;
    if (error instanceof BadRequest) reply = specialReply(400);
    else {
      rt.errorLog(r, `course proxy internal error: ${error.stack ?? error}`);
      reply = specialReply(500);
    }
  }
  if (!res.writableEnded && !socket.destroyed) respond(req, res, r, reply, rt);
}
async function startProxy(outcome, io = defaultIo) {
  const config = outcome.config;
  const rt = createRuntime(config, outcome.addresses, createAccessLogWriter(io.stdout), io.stderr);
  const groups = config.http ? addressGroups(config.http) : /* @__PURE__ */ new Map();
  const servers = [];
  const addresses = [];
  try {
    for (const b of bindings(groups)) {
      const server2 = createServer({ keepAliveTimeout: 75e3, headersTimeout: 6e4 }, (req, res) => {
        const local = req.socket.localAddress ?? b.host;
        const group = groupFor(groups, local, b.port);
        serve(req, res, group, rt).catch((error) => {
          io.stderr(`course proxy internal error: ${error.stack ?? error}`);
          if (!res.headersSent) res.writeHead(500).end();
        });
      });
      await new Promise((resolve, reject) => {
        server2.once("error", (error) => {
          const reason = error.code === "EADDRINUSE" ? "98: Address already in use" : error.code === "EACCES" ? "13: Permission denied" : error.message;
          reject(new Error(`bind() to ${b.host}:${b.port} failed (${reason})`));
        });
        server2.listen(b.port, b.host, () => resolve());
      });
      servers.push(server2);
      const info = server2.address();
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
      await Promise.all(servers.map((s) => new Promise((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    }
  };
}

// labs/engines/nginx/cli.ts
var versionLine = "nginx version: course-nginx/1.22.1 (the course proxy: a teaching subset of nginx 1.22.1)";
function isUrl2(text) {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
var processIo = {
  out: (line) => process.stdout.write(`${line}
`),
  err: (line) => process.stderr.write(`${line}
`)
};
function printOutcome(o, opts, io) {
  for (const w of o.warnings) io.err(formatLogLine("warn", w));
  if (o.parseError) {
    io.err(formatLogLine("emerg", o.parseError.message));
    if (opts.test) io.err(`nginx: configuration file ${o.confFile} test failed`);
    return false;
  }
  if (opts.test && !opts.quiet) io.err(`nginx: the configuration file ${o.confFile} syntax is ok`);
  if (o.initError) {
    io.err(formatLogLine("emerg", o.initError.message));
    if (opts.test) io.err(`nginx: configuration file ${o.confFile} test failed`);
    return false;
  }
  if (opts.test && !opts.quiet) io.err(`nginx: configuration file ${o.confFile} test is successful`);
  return true;
}
async function runCli(argv, io = processIo, signalSource = process) {
  let opts;
  try {
    opts = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.err(`nginx: ${error.message}`);
    return 1;
  }
  if (opts.version || opts.help) {
    io.err(versionLine);
    if (opts.help) io.err(usage);
    if (opts.versionConfigure) {
      const names2 = [...new Set(allDirectives().filter((d) => !d.noEffect).map((d) => d.name))].sort();
      io.err(`course proxy subset: ${names2.join(" ")}`);
      io.err(`accepted without effect: ${allDirectives().filter((d) => d.noEffect).map((d) => d.name).sort().join(" ")}`);
    }
    return 0;
  }
  if (opts.signal !== void 0) {
    io.err(`nginx: [emerg] valid in nginx, not supported by the course proxy: "-s ${opts.signal}" (it has no master process; stop it with Ctrl-C or SIGTERM)`);
    return 1;
  }
  const outcome = await loadConfig({
    prefix: opts.prefix ?? process.cwd(),
    confFile: opts.confFile ?? "nginx.conf",
    ...opts.globalDirectives !== void 0 ? { globalDirectives: opts.globalDirectives } : {}
  });
  if (opts.explain !== void 0) {
    if (!/^http:\/\/[^/]+/i.test(opts.explain) || !isUrl2(opts.explain)) {
      io.err(`nginx: --explain needs an http:// URL, for example http://localhost:8080/api/users (got "${opts.explain}")`);
      return 1;
    }
    if (!printOutcome(outcome, { ...opts, test: false }, io)) return 1;
    io.out(formatExplanation(explainRequest(outcome, opts.explain, opts.explainHeaders)));
    return 0;
  }
  const ok = printOutcome(outcome, opts, io);
  if (opts.test) {
    if (ok && opts.dump) for (const [file, text] of outcome.files) io.out(`# configuration file ${file}:
${text}
`);
    return ok ? 0 : 1;
  }
  if (!ok) return 1;
  let proxy;
  try {
    proxy = await startProxy(outcome);
  } catch (error) {
    io.err(formatLogLine("emerg", error.message));
    return 1;
  }
  await new Promise((resolve) => {
    const stop = () => resolve();
    signalSource.once("SIGINT", stop);
    signalSource.once("SIGTERM", stop);
  });
  await proxy.close();
  return 0;
}
function invokedDirectly() {
  try {
    return process.argv[1] !== void 0 && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}
if (invokedDirectly()) process.exitCode = await runCli(process.argv.slice(2));
export {
  runCli,
  versionLine
};
