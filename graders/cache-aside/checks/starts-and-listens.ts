import { defineCheck } from '../../kit/check.ts';
import type { LabWorld } from '../lab-world.ts';
import { startCommandLine, startWithEnvironment } from '../program-environment.ts';

export const startsAndListens = defineCheck<LabWorld>({
  slug: 'starts-and-listens',
  title: 'Starts with the database and cache it is given, and listens on PORT',
  hint: 'The lab runs `node launch.mjs`, which loads your server.js. Read where to listen from PORT and HOST (server.listen(port, host)), the database from DATABASE_URL and the cache from CACHE_URL (createClient({ url })): configuration comes from the environment, never from the code. If your program crashes, its last output above says why. See https://12factor.net/config',
  timeoutMs: 8000,
  needsProgram: false,
  async run(ctx) {
    ctx.setRepro(startCommandLine(ctx.program, ctx.port, ctx.host, ctx.env.programEnv));
    const readyMs = await startWithEnvironment(ctx.program, ctx.env.programEnv, ctx.signal);
    return `Your program accepts connections on ${ctx.host}:${ctx.port} (ready after ${readyMs} ms), with DATABASE_URL=${ctx.env.database.url} and CACHE_URL=${ctx.env.cache.url}.`;
  },
});
