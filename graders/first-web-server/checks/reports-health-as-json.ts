import { defineCheck, fail } from '../../kit/check.ts';
import { expectMediaType, expectStatus } from '../../kit/expect.ts';
import type { LabFiles } from '../lab-files.ts';

export const reportsHealthAsJson = defineCheck<LabFiles>({
  slug: 'reports-health-as-json',
  title: 'GET /health answers 200 with the JSON {"status": "ok"}',
  hint: 'Answer GET /health with Content-Type: application/json and a body made with JSON.stringify, for example {"status":"ok"}. Load balancers and monitors call this path to ask whether your server is alive.',
  timeoutMs: 5000,
  async run(ctx) {
    const response = await ctx.http.get('/health');
    expectStatus(response, 200, 'GET /health');
    expectMediaType(response, 'application/json', 'GET /health');
    const text = response.body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      fail({
        message: `GET /health is labelled application/json, but its body is not valid JSON (${(error as Error).message}).`,
        expected: '{"status":"ok"}',
        actual: JSON.stringify(text.slice(0, 80)),
      });
    }
    const status = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>).status : undefined;
    if (status !== 'ok') {
      fail({
        message: 'GET /health answered JSON without "status": "ok".',
        expected: 'a JSON object with "status": "ok"',
        actual: text.slice(0, 120),
      });
    }
    return `GET /health answered 200 with ${text.trim().slice(0, 80)}.`;
  },
});
