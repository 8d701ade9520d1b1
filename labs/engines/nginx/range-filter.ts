// Conditional requests and byte ranges for static files: the not_modified filter
// (ngx_http_not_modified_filter_module.c: If-Modified-Since must equal Last-Modified,
// If-None-Match compares ETags, the answer is 304) and the range filter
// (ngx_http_range_filter_module.c: "Accept-Ranges: bytes", a single "bytes=" range gives 206
// with Content-Range, an unsatisfiable one 416). Several ranges in one request would be a
// multipart/byteranges answer in nginx; the course proxy then sends the whole file.
import { fileEtag } from './headers-filter.ts';
import { httpDate } from './http-date.ts';
import type { Reply } from './reply.ts';
import { specialReply } from './reply.ts';
import type { HttpRequest } from './request.ts';

export function notModified(r: HttpRequest, reply: Reply): Reply {
  if (reply.status !== 200 || reply.mtimeMs === undefined) return reply;
  const etag = fileEtag(reply.mtimeMs, reply.fileSize ?? 0);
  const ims = r.header('if-modified-since');
  const inm = r.header('if-none-match');
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  let matches = false;
  if (inm !== undefined) matches = inm.trim() === '*' || inm.split(',').some((t) => strip(t) === etag);
  else if (ims !== undefined) matches = ims === httpDate(reply.mtimeMs);
  if (!matches) return reply;
  return { ...reply, status: 304, body: Buffer.alloc(0) };
}

export interface Ranged {
  status: number;
  headers: Array<[string, string]>;
  body: Buffer;
  special?: Reply;
}

export function applyRange(r: HttpRequest, reply: Reply, headers: Array<[string, string]>, body: Buffer, compressed: boolean): Ranged {
  const plain = { status: reply.status, headers, body };
  if (reply.status !== 200 || reply.mtimeMs === undefined || compressed) return plain;
  const range = r.header('range');
  const withAccept: Array<[string, string]> = [...headers, ['Accept-Ranges', 'bytes']];
  if (range === undefined) return { ...plain, headers: withAccept };
  const ifRange = r.header('if-range');
  if (ifRange !== undefined && ifRange !== fileEtag(reply.mtimeMs, reply.fileSize ?? 0) && ifRange !== httpDate(reply.mtimeMs)) {
    return { ...plain, headers: withAccept };
  }
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (!m || (m[1] === '' && m[2] === '')) return { ...plain, headers: withAccept };
  const size = body.length;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) {
    return { status: 416, headers, body, special: { ...specialReply(416), headers: [['Content-Range', `bytes */${size}`]] } };
  }
  return { status: 206, headers: [...headers, ['Content-Range', `bytes ${start}-${end}/${size}`]], body: body.subarray(start, end + 1) };
}
