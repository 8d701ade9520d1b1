import { defineCheck } from '../../kit/check.ts';
import { instancePorts, type LabWorld } from '../lab-world.ts';

export const startsAndListens = defineCheck<LabWorld>({
  slug: 'starts-and-listens',
  title: 'The proxy starts with your nginx.conf and accepts connections on port 8080',
  hint: 'The lab runs `node course-nginx.mjs -p ./ -c nginx.conf`. If it stops at once, its last output above quotes the line of nginx.conf it could not read; `node course-nginx.mjs -t -p ./ -c nginx.conf` tests the file without starting. Keep the events block and a server block with `listen 8080;`. See https://nginx.org/en/docs/http/ngx_http_core_module.html#listen',
  timeoutMs: 8000,
  needsProgram: false,
  async run(ctx) {
    ctx.setRepro(`cd ${ctx.dir} && ${ctx.program.commandLine}`);
    const readyMs = await ctx.program.start(ctx.signal);
    const [first, second] = instancePorts(ctx.port);
    return `The proxy accepts connections on ${ctx.host}:${ctx.port} (ready after ${readyMs} ms); the app instances listen on ${ctx.host}:${first} and ${ctx.host}:${second}.`;
  },
});
