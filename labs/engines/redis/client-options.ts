// The options of createClient(), named as node-redis v4 names them, and the address they give.

export interface ClientOptions {
  /** redis://host:port, as for node-redis; default redis://127.0.0.1:6379. */
  url?: string;
  socket?: { host?: string; port?: number; /** ms to wait for a connection; default 5000. */ connectTimeout?: number };
  /** ms each command may take, connecting included, before it rejects; default: no limit. */
  commandTimeout?: number;
}

/** The host and port to connect to: from `url` when given, else from `socket`. */
export function serverAddress(options: ClientOptions): { host: string; port: number } {
  let host = options.socket?.host ?? '127.0.0.1';
  let port = options.socket?.port ?? 6379;
  if (options.url !== undefined) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new TypeError(`createClient: url ${JSON.stringify(options.url)} is not a URL; expected redis://host:port, such as redis://127.0.0.1:6380`);
    }
    if (url.protocol !== 'redis:') throw new TypeError(`createClient: url must start with redis:// (got ${url.protocol}//); expected redis://host:port`);
    if (url.username || url.password || (url.pathname !== '' && url.pathname !== '/' && url.pathname !== '/0')) {
      throw new TypeError('createClient: this client connects to database 0 without a password; use a url of the form redis://host:port');
    }
    host = url.hostname.replace(/^\[(.*)\]$/, '$1') || host;
    port = url.port === '' ? 6379 : Number(url.port);
  }
  return { host, port };
}
