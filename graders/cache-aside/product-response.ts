// Reading products out of the learner's answers: which product a body holds, and failures that
// show the product the database has next to what came back.
import type { Product } from '../../labs/cache-aside/services/product.ts';
import { fail } from '../kit/check.ts';
import { describeStatus } from '../kit/expect.ts';
import type { HttpResponse } from '../kit/http/http-connection.ts';

export function productPath(id: number): string {
  return `/products/${id}`;
}

export function describeProduct(product: Product): string {
  return JSON.stringify(product);
}

function excerpt(response: HttpResponse): string {
  const text = response.body.toString('utf8').trim();
  if (!text) return 'an empty body';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** The body as a product-like object, or undefined when it is not a JSON object. */
export function bodyObject(response: HttpResponse): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(response.body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when the answer is 200 with exactly this product's id, name and price. */
export function holdsProduct(response: HttpResponse, product: Product): boolean {
  const body = bodyObject(response);
  return response.status === 200 && body !== undefined && String(body.id) === String(product.id) && body.name === product.name && body.price === product.price;
}

/** Fails unless the answer is 200 with this product; `situation` says why it should be. */
export function expectProduct(response: HttpResponse, product: Product, request: string, situation = ''): void {
  if (holdsProduct(response, product)) return;
  const expected = `200 with ${describeProduct(product)}`;
  if (response.status !== 200) {
    fail({
      message: `${request} answered ${describeStatus(response)}${situation ? ` ${situation}` : ''}; the database has product ${product.id}, so the answer should be 200 with it.`,
      expected,
      actual: `${describeStatus(response)} with ${excerpt(response)}`,
    });
  }
  const body = bodyObject(response);
  fail({
    message: body
      ? `${request} answered 200 with a different product than the database has${situation ? ` ${situation}` : ''}.`
      : `${request} answered 200, but its body is not the product as a JSON object.`,
    expected,
    actual: `200 with ${excerpt(response)}`,
  });
}

/** Fails unless the status is in the 5xx range: the request failed, but not because of the client. */
export function expectServerError(response: HttpResponse, request: string, situation: string): void {
  if (response.status >= 500 && response.status <= 599) return;
  fail({
    message: `${request} answered ${describeStatus(response)} ${situation}.`,
    expected: 'a 5xx status such as 502 Bad Gateway or 503 Service Unavailable, and nothing cached',
    actual: `${describeStatus(response)} with ${excerpt(response)}`,
  });
}
