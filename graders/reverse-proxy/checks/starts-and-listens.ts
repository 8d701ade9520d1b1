import { describePortHolder } from '../../../labs/engines/nginx/port-holder.ts';
import { defineCheck, fail } from '../../kit/check.ts';
import { confListenPorts, portTaken } from '../conf-ports.ts';
import { instancePorts, type LabWorld } from '../lab-world.ts';

export const startsAndListens = defineCheck<LabWorld>({
  slug: 'starts-and-listens',
  title: 'The proxy starts with your nginx.conf and accepts connections on port 8080',
  hint: 'The lab runs `node launch.mjs`, which starts `node course-nginx.mjs -p ./ -c nginx.conf`. If it stops at once, its last output above quotes the line of nginx.conf it could not read; `node course-nginx.mjs -t -p ./ -c nginx.conf` tests the file without starting. Keep the events block and a server block with `listen 8080;`, and stop anything else using ports 8080 to 8082 (a Run still going, too). See https://nginx.org/en/docs/http/ngx_http_core_module.html#listen',
  timeoutMs: 8000,
  needsProgram: false,
  async run(ctx) {
    ctx.setRepro(`cd ${ctx.dir} && ${ctx.program.commandLine}`);
    if (ctx.env.blocked) {
      fail({ message: ctx.env.blocked, expected: `ports ${instancePorts(ctx.port).join(' and ')} free for the app instances`, actual: 'a port in use by another program' });
    }
    // The checks can only use the port nginx.conf names: when it is not the one they were given,
    // that port was taken when the run began (or the file names another one).
    const listens = confListenPorts(ctx.dir);
    if (listens.length > 0 && !listens.includes(ctx.port)) {
      for (const port of listens) {
        if (!(await portTaken(ctx.host, port))) continue;
        fail({
          message: `Your nginx.conf listens on port ${port}, but ${describePortHolder(port)} nginx.conf cannot take its port from the environment, so the checks cannot move your proxy elsewhere: they need ${port} for the proxy and the two ports after it for the app instances.`,
          expected: `port ${port} free for your proxy`,
          actual: `port ${port} already in use`,
        });
      }
      fail({
        message: `Your nginx.conf listens on ${listens.join(', ')}, but the checks talk to the proxy on port ${ctx.port}. Write listen ${ctx.port}; in the server block.`,
        expected: `listen ${ctx.port};`,
        actual: `listen ${listens.join('; listen ')};`,
      });
    }
    const readyMs = await ctx.program.start(ctx.signal);
    const [first, second] = instancePorts(ctx.port);
    return `The proxy accepts connections on ${ctx.host}:${ctx.port} (ready after ${readyMs} ms); the app instances listen on ${ctx.host}:${first} and ${ctx.host}:${second}.`;
  },
});
