// Dates in HTTP headers: "Sun, 22 Nov 2026 02:54:15 GMT" (ngx_http_time).
let cachedSecond = -1;
let cachedText = '';

export function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second === cachedSecond) return cachedText;
  const text = new Date(second * 1000).toUTCString();
  if (Math.abs(second * 1000 - Date.now()) < 2000) {
    cachedSecond = second;
    cachedText = text;
  }
  return text;
}
