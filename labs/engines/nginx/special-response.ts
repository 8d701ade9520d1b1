// Status lines and nginx's built-in error pages (src/http/ngx_http_header_filter_module.c and
// src/http/ngx_http_special_response.c, nginx 1.22). The pages are nginx's byte for byte, footer
// included, so that sizes in access logs and what a learner sees match real nginx; the course
// proxy names itself in the Server header instead ("course-nginx/1.22.1").

const reasons: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Not Allowed', 406: 'Not Acceptable', 408: 'Request Time-out', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request-URI Too Large', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
  421: 'Misdirected Request', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out', 505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
};

/** The reason phrase nginx puts in the status line ("" for codes it does not know). */
export function reasonPhrase(status: number): string {
  return reasons[status] ?? '';
}

const pageTitles: Record<number, string> = {
  301: '301 Moved Permanently', 302: '302 Found', 303: '303 See Other', 307: '307 Temporary Redirect',
  308: '308 Permanent Redirect', 400: '400 Bad Request', 401: '401 Authorization Required',
  402: '402 Payment Required', 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Not Allowed',
  406: '406 Not Acceptable', 408: '408 Request Time-out', 409: '409 Conflict', 410: '410 Gone',
  411: '411 Length Required', 412: '412 Precondition Failed', 413: '413 Request Entity Too Large',
  414: '414 Request-URI Too Large', 415: '415 Unsupported Media Type',
  416: '416 Requested Range Not Satisfiable', 421: '421 Misdirected Request', 429: '429 Too Many Requests',
  494: '400 Request Header Or Cookie Too Large', 500: '500 Internal Server Error', 501: '501 Not Implemented',
  502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable', 504: '504 Gateway Time-out',
  505: '505 HTTP Version Not Supported', 507: '507 Insufficient Storage',
};

export const serverToken = (tokens: boolean) => (tokens ? 'course-nginx/1.22.1' : 'course-nginx');

/** The HTML body nginx sends for an error or redirect status, or undefined for none. */
export function specialPage(status: number, tokens: boolean): string | undefined {
  const title = pageTitles[status];
  if (!title) return undefined;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>${tokens ? 'nginx/1.22.1' : 'nginx'}</center>\r\n</body>\r\n</html>\r\n`;
}

/** Statuses for which add_header (without "always") and expires apply (ngx_http_headers_filter). */
export const headerSafeStatuses = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);
