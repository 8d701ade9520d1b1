import { defineCheck, fail } from '../../kit/check.ts';
import { describeStatus } from '../../kit/expect.ts';
import { labSettings, type LabWorld } from '../lab-world.ts';
import { seconds } from '../waiting.ts';

const boundMs = labSettings.gatewayTimeoutBoundMs;

export const timesOutSlowUpstream = defineCheck<LabWorld>({
  slug: 'times-out-slow-upstream',
  title: `When the app instances stop answering, GET /api/ gets 504 Gateway Timeout (or 502 when no instance is left to try) within ${boundMs / 1000} s instead of hanging`,
  hint: 'nginx waits 60 s for an upstream by default, so a hung app hangs every client with it. Set proxy_connect_timeout 2s; and proxy_read_timeout 2s; where /api/ is proxied: after the timeout nginx tries the other instance, then answers 504 itself. See https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_read_timeout',
  timeoutMs: boundMs + 5000,
  async run(ctx) {
    const instances = ctx.env.instances;
    try {
      for (const instance of instances) instance.fail({ kind: 'hang' });
      ctx.note('app-1 and app-2 now accept requests but never answer');
      const path = '/api/products?slow=1';
      const sentAt = Date.now();
      const outcome = await ctx.http.attempt({ path, timeoutMs: boundMs });
      const took = Date.now() - sentAt;
      if (!outcome.ok && outcome.error.code === 'TIMEOUT') {
        fail({ message: `GET ${path} got no answer within ${seconds(boundMs)} while the app instances hung: the proxy is still waiting for them, and so is every client.`, expected: `504 within ${seconds(boundMs)}`, actual: `no answer after ${seconds(took)}` });
      }
      if (!outcome.ok) throw ctx.http.failureFor({ path }, outcome.error);
      const tried = instances.filter((instance) => instance.requests.some((seen) => seen.url === path)).map((instance) => instance.name);
      ctx.note(`the request reached ${tried.join(' and ') || 'no instance'}`);
      // nginx answers 502 ("no live upstreams") instead when the one instance it could try timed
      // out and the other is still marked failed (max_fails) since the previous check killed it.
      const noLiveUpstreams = outcome.response.status === 502 && tried.length === 1;
      if (outcome.response.status !== 504 && !noLiveUpstreams) {
        fail({ message: `GET ${path} answered ${describeStatus(outcome.response)} after ${seconds(took)} while the app instances hung; a proxy that gives up on its upstream answers 504 Gateway Timeout.`, expected: 'status 504', actual: `status ${describeStatus(outcome.response)}` });
      }
      const answer = noLiveUpstreams ? `502 (${tried[0]} timed out and the other instance was still marked failed)` : '504';
      return `With the instances hanging, GET ${path} answered ${answer} after ${seconds(took)}.`;
    } finally {
      for (const instance of instances) instance.heal();
    }
  },
});
