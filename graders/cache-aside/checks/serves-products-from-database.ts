import { defineCheck } from '../../kit/check.ts';
import { expectMediaType } from '../../kit/expect.ts';
import type { LabWorld } from '../lab-world.ts';
import { expectProduct, productPath } from '../product-response.ts';

export const servesProductsFromDatabase = defineCheck<LabWorld>({
  slug: 'serves-products-from-database',
  title: 'GET /products/:id answers 200 with the product as JSON, as the database has it',
  hint: 'Read the product from the database with fetch(`${process.env.DATABASE_URL}/products/${id}`) and answer with its JSON unchanged: status 200, Content-Type: application/json, and the id, name and price the database gave. The ids are random in every run, so nothing can be hard-coded. See https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API/Using_Fetch',
  timeoutMs: 5000,
  async run(ctx) {
    const first = ctx.env.catalog.fresh();
    const second = ctx.env.catalog.fresh();
    for (const product of [first, second]) {
      const request = `GET ${productPath(product.id)}`;
      const response = await ctx.http.get(productPath(product.id));
      expectProduct(response, product, request);
      expectMediaType(response, 'application/json', request);
    }
    return `GET ${productPath(first.id)} and GET ${productPath(second.id)} answered with the products the database has.`;
  },
});
