// Reads a whole request body. Node's parser has already removed chunked framing and stops at
// Content-Length, so what arrives is exactly the body the client declared.
import type { IncomingMessage } from 'node:http';

export function readRequestBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.once('error', reject);
    // A connection closed early (by the client, or by the worker timeout) ends the wait too.
    req.once('close', () => reject(new Error('the connection closed before the whole request body arrived')));
  });
}

/** Lets Node flush what was written before Python produces the next piece of a streamed body. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
