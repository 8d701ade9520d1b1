import { defineCheck, fail } from '../../kit/check.ts';
import { curlCommand } from '../../kit/http/curl.ts';
import { otherLocalAddress, tryConnect } from '../../kit/process/port-probe.ts';
import type { LabFiles } from '../lab-files.ts';

export const bindsLoopbackOnly = defineCheck<LabFiles>({
  slug: 'binds-loopback-only',
  title: 'Listens only on the address in HOST (127.0.0.1), not on every address',
  hint: 'server.listen(port) without an address listens on every address of the machine. Pass the address too: server.listen(port, host), with host read from process.env.HOST.',
  timeoutMs: 4000,
  async run(ctx) {
    const other = await otherLocalAddress();
    if (!other) return `Not tested: this machine has no address besides ${ctx.host} to try.`;
    ctx.note(`connecting to ${other}:${ctx.port}, an address of this machine other than HOST=${ctx.host}`);
    ctx.setRepro(curlCommand({ method: 'GET', host: other, port: ctx.port, path: '/' }));
    const outcome = await tryConnect(other, ctx.port, 1000);
    ctx.note(outcome.ok ? 'the connection was accepted' : `the connection failed (${outcome.code})`);
    if (outcome.ok) {
      fail({
        message: `Your program also accepted a connection on ${other}:${ctx.port}, an address other than HOST=${ctx.host}. It listens on every address of the machine (0.0.0.0 or ::), so on a real server anyone on the network could reach it, not just programs on the same machine.`,
        expected: `connections refused on ${other}:${ctx.port}; accepted only on ${ctx.host}:${ctx.port}`,
        actual: `${other}:${ctx.port} accepted a connection`,
      });
    }
    return `Your program answers on ${ctx.host}:${ctx.port} and refuses connections on ${other}:${ctx.port}.`;
  },
});
