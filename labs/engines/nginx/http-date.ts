// Dates in HTTP headers: "Sun, 22 Nov 2026 02:54:15 GMT" (ngx_http_time).
export const httpDate = (ms: number) => new Date(ms).toUTCString();
