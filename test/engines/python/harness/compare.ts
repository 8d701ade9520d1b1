// What a client notices of a response, reduced to comparable fields. Server, Date and the
// connection-management headers name the server or the moment and are never compared.
import { createHash } from 'node:crypto';
import type { RawResponse } from './raw-http.ts';

export const comparedHeaders = ['content-type', 'content-length', 'set-cookie', 'allow', 'location', 'x-custom'] as const;
export type Field = 'status' | 'reason' | 'body' | 'complete' | 'chunked' | (typeof comparedHeaders)[number];

export type Observation = Record<Field, string>;

export function observe(response: RawResponse): Observation {
  const header = (name: string) =>
    response.headers
      .filter(([n]) => n === name)
      .map(([, v]) => v)
      .join(' | ');
  const body = response.body.length > 2048 ? `${response.body.length} bytes, sha256 ${createHash('sha256').update(response.body).digest('hex')}` : response.body.toString('latin1');
  const observation = {
    status: String(response.status),
    reason: response.reason,
    body,
    complete: String(response.complete),
    chunked: String(response.chunked),
  } as Observation;
  for (const name of comparedHeaders) observation[name] = header(name);
  return observation;
}

/** Lines naming each field where the course server and the real one disagree. */
export function differences(real: Observation, course: Observation, skipped: ReadonlySet<Field>): string[] {
  return (Object.keys(real) as Field[])
    .filter((field) => !skipped.has(field) && real[field] !== course[field])
    .map((field) => `${field}: real ${JSON.stringify(real[field])}, course ${JSON.stringify(course[field])}`);
}
