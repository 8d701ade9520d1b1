// The shape of the differential corpus: each case is data — an http block, the requests to
// send, and what must agree between real nginx and the course proxy.
import type { RawRequest } from './raw-client.ts';

export interface HttpCase {
  name: string;
  /** Content of the http block; the harness adds events, pid, logs and temp paths. */
  http: string;
  /** Extra files in the prefix (the www/ fixture and mime.types are always there). */
  files?: Record<string, string>;
  requests: RawRequest[];
  /** Ports the config listens on (default [4470]); the harness waits for each. */
  ports?: number[];
  /** Request header list to hide from the upstream comparison (e.g. none by default). */
  ignoreUpstreamHeaders?: string[];
}

export interface ConfigTestCase {
  name: string;
  /** Files of the prefix; "nginx.conf" is the one tested. */
  files: Record<string, string>;
}
