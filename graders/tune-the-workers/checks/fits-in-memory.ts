import { defineCheck } from '../../kit/check.ts';
import { bootMemoryFormula, bootMemoryMib } from '../gunicorn-settings.ts';
import type { LabWorld } from '../lab-world.ts';
import { machine } from '../lab-settings.ts';
import { readSettings } from '../read-settings.ts';
import { startWorkers } from '../workers-ready.ts';

export const fitsInMemory = defineCheck<LabWorld>({
  slug: 'fits-in-memory',
  title: `Boots every worker within the box's ${machine.memory_mib} MiB of memory`,
  hint: `Every worker is a whole process with its own copy of the app: on this box ${machine.worker_mib} MiB each, plus ${machine.thread_mib} MiB per extra thread, plus ${machine.master_mib} MiB for the master. Multiply before you add workers, and keep room for what workers grow to while they run (the leak check below needs some). More workers than requests in flight add memory, not speed. See https://docs.gunicorn.org/en/stable/design.html#how-many-workers`,
  timeoutMs: 30_000,
  needsProgram: false,
  async run(ctx) {
    const settings = await readSettings(ctx);
    ctx.note(`model: ${bootMemoryFormula(settings)}, box ${machine.memory_mib} MiB`);
    ctx.setRepro(`PORT=${ctx.port} ${ctx.program.commandLine}`);
    const booted = await startWorkers(ctx, settings, 20_000);
    const used = bootMemoryMib(settings);
    ctx.note(`log: ${booted.length} × "Booting worker with pid: N"`);
    return `All ${settings.workers} workers booted: ${bootMemoryFormula(settings)} of the box's ${machine.memory_mib} MiB, ${machine.memory_mib - used} MiB to spare.`;
  },
});
