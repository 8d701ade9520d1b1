// The products of the practice database that `node launch.mjs` starts for trying the API by
// hand. The checks use their own, random, products instead.
import type { Product } from './product.ts';

/** Slow enough to feel the difference between a cache hit and a database query. */
export const practiceReadLatencyMs = 200;

export const practiceProducts: readonly Product[] = [
  { id: 1, name: 'Walnut desk lamp', price: 48.5 },
  { id: 2, name: 'Linen notebook', price: 12 },
  { id: 3, name: 'Enamel coffee mug', price: 9.75 },
  { id: 4, name: 'Wool desk mat', price: 34 },
  { id: 5, name: 'Brass pencil sharpener', price: 15.25 },
  { id: 6, name: 'Canvas tote bag', price: 22 },
  { id: 7, name: 'Ceramic plant pot', price: 18.4 },
  { id: 8, name: 'Oak monitor stand', price: 65 },
];
