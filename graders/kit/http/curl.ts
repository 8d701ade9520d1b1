// The curl command that repeats a request, so a learner can see the same reply themselves.
export interface CurlRequest {
  method: string;
  host: string;
  port: number;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function urlOf(host: string, port: number, path: string): string {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${port}${path}`;
}

export function curlCommand(request: CurlRequest): string {
  const parts = ['curl'];
  // -I sends HEAD and shows only headers; -i shows headers and body for any other method.
  if (request.method === 'HEAD') parts.push('-I');
  else {
    parts.push('-i');
    if (request.method !== 'GET' && request.method !== 'POST') parts.push('-X', request.method);
    if (request.method === 'POST' && request.body === undefined) parts.push('-X', 'POST');
  }
  // Paths with "../" or encoded dots must reach the server untouched; curl would normalise them.
  if (/(^|\/)\.\.?(\/|$)|%2e/i.test(request.path)) parts.push('--path-as-is');
  for (const [name, value] of Object.entries(request.headers ?? {})) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-binary', shellQuote(request.body));
  parts.push(shellQuote(urlOf(request.host, request.port, request.path)));
  return parts.join(' ');
}
