// The state of one request as it moves through the phases: what the client sent, the server
// and location chosen, the URI after rewrites and internal redirects, and what the upstream
// answered (for $upstream_* variables and the access log).
import type { LocationBlock, ServerConf } from './config.ts';
import type { LocConf } from './loc-conf.ts';

export interface ClientInfo {
  remoteAddr: string;
  remotePort: number;
  localAddr: string;
  localPort: number;
  connectionId: number;
  connectionRequests: number;
}

const noBody = Buffer.alloc(0);

export class HttpRequest {
  readonly client: ClientInfo;
  /** The method; error_page redirects turn it into GET (except HEAD). */
  method: string;
  /** The method of the request line, for $request and the access log. */
  readonly requestMethod: string;
  /** The request target exactly as sent: $request_uri. */
  readonly requestUri: string;
  readonly httpVersion: string;
  /** Headers as sent, in order, names in their original case. */
  readonly headers: Array<[string, string]>;
  body: Buffer = noBody;
  readonly startMs = Date.now();

  server!: ServerConf;
  /** $host: the validated Host, or the server name when the request has none. */
  host = '';
  uri = '/';
  args = '';
  quoted = false;
  /** False once a rewrite, try_files or internal redirect changed the URI (r->valid_unparsed_uri). */
  validUnparsedUri = true;
  /** True after an internal redirect (r->internal): `internal` locations become reachable. */
  internal = false;
  /** Internal redirects left before nginx gives up with 500 (NGX_HTTP_MAX_URI_CHANGES + 1). */
  uriChanges = 11;
  location: LocationBlock | undefined;
  conf!: LocConf;
  captures: (string | undefined)[] = [];
  namedCaptures: Record<string, string> = {};
  errorPageDone = false;
  /** limit_req applies once per request, not again after internal redirects. */
  limitChecked = false;

  status = 0;
  bodyBytesSent = 0;
  bytesSent = 0;
  responseHeaders: Array<[string, string]> = [];
  upstreamAddrs: string[] = [];
  upstreamStatuses: string[] = [];
  /** Milliseconds each attempt took, and took to connect (undefined: it never connected). */
  upstreamTimes: number[] = [];
  upstreamConnectTimes: Array<number | undefined> = [];
  upstreamHeaders: Array<[string, string]> = [];
  proxyHost = '';
  proxyPort = '';
  requestId = '';

  constructor(client: ClientInfo, method: string, requestUri: string, httpVersion: string, headers: Array<[string, string]>) {
    this.client = client;
    this.method = method;
    this.requestMethod = method;
    this.requestUri = requestUri;
    this.httpVersion = httpVersion;
    this.headers = headers;
  }

  /** Lower-cased name to first value, built on the first lookup: phases ask for many headers. */
  private firstValues: Map<string, string> | undefined;

  /** First value of a request header (case-insensitive name; callers pass lower case). */
  header(name: string): string | undefined {
    if (!this.firstValues) {
      this.firstValues = new Map();
      for (const [n, v] of this.headers) {
        const lower = n.toLowerCase();
        if (!this.firstValues.has(lower)) this.firstValues.set(lower, v);
      }
    }
    return this.firstValues.get(name.toLowerCase());
  }

  headerValues(name: string): string[] {
    const lower = name.toLowerCase();
    return this.headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
  }

  get requestLine(): string {
    return `${this.requestMethod} ${this.requestUri} HTTP/${this.httpVersion}`;
  }
}
