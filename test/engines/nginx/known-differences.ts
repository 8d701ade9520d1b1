// Reviewed differences between nginx 1.22.1 and the course proxy on the differential corpus
// (differences outside the corpus are listed in labs/engines/nginx/README.md).
// Each entry names a case, the field whose comparison is skipped, and why the difference is
// accepted. Everything else in the corpus must agree.
import type { Field } from './harness/compare.ts';

export interface KnownDifference {
  case: string;
  fields: Field[] | ['config-test'];
  reason: string;
}

const gzipSize =
  'gzip output is a few bytes shorter in nginx: it links the system zlib while Node bundles its own zlib build, and the ' +
  'two deflate implementations pick different encodings at level 1. Status, headers and the decompressed body agree; ' +
  'only $body_bytes_sent in the access log differs.';

export const knownDifferences: KnownDifference[] = [
  { case: 'compresses text/html only by default and only for clients that accept gzip', fields: ['access-log'], reason: gzipSize },
  { case: 'compresses proxied responses by content type', fields: ['access-log'], reason: gzipSize },
];
