import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCheck, fail } from '../../kit/check.ts';
import { expectMediaType, expectStatus } from '../../kit/expect.ts';
import type { HttpResponse } from '../../kit/http/http-connection.ts';
import { appHits, labSettings, type LabWorld } from '../lab-world.ts';

const files = [
  { name: 'app.css', type: ['text/css'] },
  { name: 'app.js', type: ['application/javascript', 'text/javascript'] },
  { name: 'logo.svg', type: ['image/svg+xml'] },
] as const;

/** max-age from Cache-Control, or undefined when there is none. */
function maxAge(response: HttpResponse): number | undefined {
  const match = /(?:^|,)\s*max-age=(\d+)/i.exec(response.header('cache-control') ?? '');
  return match ? Number(match[1]) : undefined;
}

export const servesStaticFiles = defineCheck<LabWorld>({
  slug: 'serves-static-files',
  title: 'Files under /static/ come from public/ with the right Content-Type and Cache-Control max-age of at least one day',
  hint: 'Serve /static/ from disk in its own location: location /static/ { alias public/; expires 30d; }. alias swaps /static/ for public/ (root would append the whole URI); expires adds Cache-Control: max-age. Content-Type comes from the types that `include mime.types;` loads in the http block. See https://nginx.org/en/docs/http/ngx_http_core_module.html#alias and https://nginx.org/en/docs/http/ngx_http_headers_module.html#expires',
  timeoutMs: 6000,
  async run(ctx) {
    const before = appHits(ctx.env);
    const ages: string[] = [];
    for (const file of files) {
      const path = `/static/${file.name}`;
      const response = await ctx.http.get(path);
      expectStatus(response, 200, `GET ${path}`, `public/${file.name} exists`);
      const onDisk = readFileSync(join(ctx.dir, 'public', file.name));
      if (!response.body.equals(onDisk)) {
        fail({ message: `GET ${path} answered 200, but not with the bytes of public/${file.name}.`, expected: `${onDisk.length} bytes, the content of public/${file.name}`, actual: `${response.body.length} bytes: ${JSON.stringify(response.body.toString('utf8').slice(0, 80))}` });
      }
      const type = (response.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(file.type as readonly string[]).includes(type)) expectMediaType(response, file.type[0], `GET ${path}`);
      const age = maxAge(response);
      if (age === undefined || age < labSettings.minimumMaxAgeSeconds) {
        fail({
          message: `GET ${path} answered without a long-lived Cache-Control header, so browsers ask for the file again and again.`,
          expected: `Cache-Control: max-age=${labSettings.minimumMaxAgeSeconds} or more`,
          actual: response.header('cache-control') ? `Cache-Control: ${response.header('cache-control')}` : 'no Cache-Control header',
        });
      }
      ages.push(`${file.name} ${type} max-age=${age}`);
    }
    if (appHits(ctx.env) > before) fail({ message: 'The static files were answered, but the proxy also asked an app instance for them; /static/ should be served from disk alone.', expected: 'no request reaches the app instances', actual: `${appHits(ctx.env) - before} requests reached them` });
    return `Served from public/: ${ages.join('; ')}.`;
  },
});
