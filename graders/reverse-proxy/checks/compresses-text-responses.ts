import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defineCheck, fail } from '../../kit/check.ts';
import { expectStatus } from '../../kit/expect.ts';
import type { LabWorld } from '../lab-world.ts';

const acceptGzip = { 'Accept-Encoding': 'gzip' };

function gunzipped(body: Buffer, request: string): Buffer {
  try {
    return gunzipSync(body);
  } catch (error) {
    fail({ message: `${request} said Content-Encoding: gzip, but its body is not valid gzip data (${(error as Error).message}).`, expected: 'a gzip body', actual: `${body.length} bytes that gunzip refuses` });
  }
}

export const compressesTextResponses = defineCheck<LabWorld>({
  slug: 'compresses-text-responses',
  title: 'CSS from /static/ and JSON from /api/ are gzip-compressed for clients that send Accept-Encoding: gzip, and only for them',
  hint: 'Turn compression on in the http block with gzip on;. nginx compresses only text/html until you list the other types: gzip_types text/css application/javascript application/json image/svg+xml;. It skips clients that did not ask for gzip by itself. See https://nginx.org/en/docs/http/ngx_http_gzip_module.html#gzip_types',
  timeoutMs: 6000,
  async run(ctx) {
    const css = readFileSync(join(ctx.dir, 'public', 'app.css'));
    const cssRequest = 'GET /static/app.css with Accept-Encoding: gzip';
    const compressed = await ctx.http.get('/static/app.css', { headers: acceptGzip });
    expectStatus(compressed, 200, cssRequest);
    if (compressed.header('content-encoding')?.toLowerCase() !== 'gzip') {
      fail({ message: `${cssRequest} came back uncompressed (${compressed.body.length} bytes), so every visitor downloads the full stylesheet.`, expected: 'Content-Encoding: gzip', actual: compressed.header('content-encoding') ? `Content-Encoding: ${compressed.header('content-encoding')}` : 'no Content-Encoding header' });
    }
    if (!gunzipped(compressed.body, cssRequest).equals(css)) fail({ message: `${cssRequest} decompresses to something other than public/app.css.`, expected: 'the bytes of public/app.css', actual: 'different bytes' });
    const apiRequest = 'GET /api/products with Accept-Encoding: gzip';
    const json = await ctx.http.get('/api/products', { headers: acceptGzip });
    expectStatus(json, 200, apiRequest);
    if (json.header('content-encoding')?.toLowerCase() !== 'gzip') {
      fail({ message: `${apiRequest} came back uncompressed (${json.body.length} bytes of ${json.header('content-type') ?? 'unknown type'}): the proxy compresses the app's answers too when their type is listed.`, expected: 'Content-Encoding: gzip', actual: json.header('content-encoding') ? `Content-Encoding: ${json.header('content-encoding')}` : 'no Content-Encoding header' });
    }
    const products = JSON.parse(gunzipped(json.body, apiRequest).toString('utf8')) as { items?: unknown[] };
    if (!Array.isArray(products.items)) fail({ message: `${apiRequest} decompresses to JSON without the product list the app sent.`, expected: 'the JSON the app instance sent', actual: 'other JSON' });
    const plain = await ctx.http.get('/static/app.css');
    if (plain.header('content-encoding')) {
      fail({ message: 'GET /static/app.css without Accept-Encoding came back compressed; a client that did not ask for gzip cannot read it.', expected: 'no Content-Encoding header', actual: `Content-Encoding: ${plain.header('content-encoding')}` });
    }
    return `app.css: ${css.length} → ${compressed.body.length} bytes; /api/products: ${json.body.length} bytes compressed; uncompressed for a client without Accept-Encoding.`;
  },
});
