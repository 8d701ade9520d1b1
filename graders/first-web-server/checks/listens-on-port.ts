import { defineCheck } from '../../kit/check.ts';
import type { LabFiles } from '../lab-files.ts';

export const listensOnPort = defineCheck<LabFiles>({
  slug: 'listens-on-port',
  title: 'Starts and listens on the port in PORT',
  hint: 'Read the port with Number(process.env.PORT) and the address with process.env.HOST, then call server.listen(port, host). If your program crashes, its last output above says why.',
  timeoutMs: 8000,
  needsProgram: false,
  async run(ctx) {
    ctx.setRepro(`PORT=${ctx.port} HOST=${ctx.host} ${ctx.program.commandLine}`);
    const readyMs = await ctx.program.start(ctx.signal);
    return `Your program accepts connections on ${ctx.host}:${ctx.port} (ready after ${readyMs} ms).`;
  },
});
