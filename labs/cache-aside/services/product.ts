// A product row and the changes a PUT may make to it, checked field by field so that a
// learner who forwards a malformed body gets an answer saying what is wrong.

export interface Product {
  id: number;
  name: string;
  /** In the shop's currency, with at most two decimals. */
  price: number;
}

export interface ProductChanges {
  name?: string;
  price?: number;
}

export type ParsedChanges = { ok: true; changes: ProductChanges } | { ok: false; error: string };

const expected = 'expected a JSON object with "name" (a non-empty string), "price" (a number of 0 or more) or both, such as {"name":"Desk lamp","price":24.5}';

export function parseProductChanges(body: string): ParsedChanges {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, error: `the body is not JSON (received ${JSON.stringify(body.slice(0, 80))}); ${expected}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: `the body is not a JSON object; ${expected}` };
  const changes: ProductChanges = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === 'name' && typeof fieldValue === 'string' && fieldValue.trim() !== '') changes.name = fieldValue;
    else if (field === 'price' && typeof fieldValue === 'number' && Number.isFinite(fieldValue) && fieldValue >= 0) changes.price = fieldValue;
    // The id is in the path; a body that repeats it is fine.
    else if (field !== 'id') return { ok: false, error: `the field "${field}" has the value ${JSON.stringify(fieldValue)}; ${expected}` };
  }
  if (changes.name === undefined && changes.price === undefined) return { ok: false, error: `the body changes nothing; ${expected}` };
  return { ok: true, changes };
}
