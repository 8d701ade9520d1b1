import { defineCheck, fail } from '../../kit/check.ts';
import type { HttpResponse } from '../../kit/http/http-connection.ts';
import type { LabWorld } from '../lab-world.ts';
import { expectProduct, productPath } from '../product-response.ts';

function expectLabel(response: HttpResponse, wanted: 'HIT' | 'MISS', request: string, why: string): void {
  const label = response.header('x-cache');
  if (label?.trim().toUpperCase() === wanted) return;
  fail({
    message: label === undefined ? `${request} answered without an X-Cache header; ${why}.` : `${request} answered X-Cache: ${label}; ${why}.`,
    expected: `X-Cache: ${wanted}`,
    actual: label === undefined ? 'no X-Cache header' : `X-Cache: ${label}`,
  });
}

export const labelsHitsAndMisses = defineCheck<LabWorld>({
  slug: 'labels-hits-and-misses',
  title: 'Labels each answer X-Cache: MISS when it came from the database and X-Cache: HIT when it came from the cache',
  hint: 'Add the header X-Cache: MISS to an answer you read from the database and X-Cache: HIT to one you found in the cache. CDNs such as Fastly and CloudFront send the same header, and it lets anyone see the cache at work with curl -i. See https://www.fastly.com/documentation/reference/http/http-headers/X-Cache/',
  timeoutMs: 5000,
  async run(ctx) {
    const product = ctx.env.catalog.fresh();
    const path = productPath(product.id);
    const first = await ctx.http.get(path);
    expectProduct(first, product, `GET ${path} (first request)`);
    expectLabel(first, 'MISS', `The first GET ${path}`, 'nothing was cached yet, so the answer came from the database');
    const second = await ctx.http.get(path);
    expectProduct(second, product, `GET ${path} (second request)`);
    expectLabel(second, 'HIT', `The second GET ${path}`, 'the first one cached the product, so this answer came from the cache');
    return `GET ${path} answered X-Cache: MISS the first time and X-Cache: HIT the second.`;
  },
});
