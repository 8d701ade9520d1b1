import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainFromFile } from '../../../labs/engines/nginx/explain.ts';

const site = join(resolve(import.meta.dirname, '../../..'), 'test/fixtures/nginx/site');

describe('explainFromFile, the explain mode for the workbench', () => {
  it('names the default server when no server_name matches', async () => {
    const { explanation } = await explainFromFile({ prefix: site, confFile: 'nginx.conf', url: 'http://other.test:4472/' });
    expect(explanation?.server?.reason).toBe('no server_name matches "other.test", so the default server answers (marked default_server)');
  });

  it('says when nothing listens on the port of the URL', async () => {
    const { explanation } = await explainFromFile({ prefix: site, confFile: 'nginx.conf', url: 'http://www.example.test:9999/' });
    expect(explanation?.problem).toBe('no server block listens on port 9999; add "listen 9999;" to a server block');
  });

  it('returns the -t error instead of an explanation for a broken configuration', async () => {
    const result = await explainFromFile({ prefix: site, confFile: 'broken.conf', url: 'http://localhost:4472/' });
    expect(result.error).toBe(`nginx: [emerg] unknown directive "proxy_pas" in ${site}/broken.conf:6`);
  });
});
