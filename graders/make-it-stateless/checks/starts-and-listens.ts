import { defineCheck } from '../../kit/check.ts';
import type { LabWorld } from '../lab-world.ts';

export const startsAndListens = defineCheck<LabWorld>({
  slug: 'starts-and-listens',
  title: 'Three instances of your server start with the cache they are given and listen on their PORTs behind the proxy',
  hint: 'The checks run `node launch.mjs` three times, each with its own PORT and INSTANCE_NAME and the same CACHE_URL and SESSION_TTL_SECONDS, and put the course proxy in front of them on port 8080. Read all of it from process.env (server.listen(port, host), createClient({ url: process.env.CACHE_URL })): configuration that comes from the environment lets the same code run as any number of instances. If an instance crashes, its last output above says why. See https://12factor.net/config',
  timeoutMs: 12_000,
  needsProgram: false,
  async run(ctx) {
    const { instances, cache } = ctx.env;
    ctx.setRepro(instances.commandLine());
    const readyMs = await ctx.env.start(ctx.signal);
    const listening = instances.addresses.map((address) => `${address.name} on ${address.port}`).join(', ');
    return `Your server runs as ${listening} (all listening after ${readyMs} ms) with CACHE_URL=${cache.url}; the proxy balances ${ctx.host}:${ctx.port} over them.`;
  },
});
