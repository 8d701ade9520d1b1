import { describe, expect, it } from 'vitest';
import { productionHeaders } from '../../../scripts/hosting/dev-headers.ts';
import { siteHeaders } from '../../../scripts/hosting/headers.ts';

type Setup = (options: { updateConfig: (config: Record<string, unknown>) => void }) => void;

describe('production headers on the dev server', () => {
  it('gives the dev and preview servers the production headers, CSP included, and turns off the dev toolbar', () => {
    const updates: Array<Record<string, any>> = [];
    const setup = productionHeaders().hooks['astro:config:setup'] as unknown as Setup;
    setup({ updateConfig: (config) => updates.push(config) });
    const [config] = updates;
    expect(config?.server.headers).toEqual(siteHeaders);
    expect(config?.vite.server.headers).toEqual(siteHeaders);
    expect(config?.vite.preview.headers).toEqual(siteHeaders);
    expect(config?.server.headers['Content-Security-Policy']).toMatch(/^default-src 'self'/);
    expect(config?.devToolbar).toEqual({ enabled: false });
  });
});
