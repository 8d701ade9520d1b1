// The resolved settings of the learner's gunicorn.conf.py, read once per run: the first check
// reads them, and any later check that runs without it (with --all) reads them itself.
import { fail, type CheckContext } from '../kit/check.ts';
import { describeRun, runEngine } from './engine-command.ts';
import { parsePrintedConfig, workerSettings, type WorkerSettings } from './gunicorn-settings.ts';
import type { LabWorld } from './lab-world.ts';

export function programEnv(ctx: CheckContext<LabWorld>): Record<string, string> {
  return { PORT: String(ctx.port), HOST: ctx.host };
}

export async function readSettings(ctx: CheckContext<LabWorld>): Promise<WorkerSettings> {
  if (ctx.env.settings) return ctx.env.settings;
  const printed = await runEngine(ctx.dir, ['--print-config'], programEnv(ctx), ctx.signal);
  if (printed.exit?.code !== 0) {
    fail({
      message: `course-gunicorn could not read gunicorn.conf.py: it ${describeRun(printed)}.`,
      expected: 'a config that loads (see the first check)',
      actual: printed.stderr.slice(-4).join('\n') || '(no output)',
    });
  }
  const settings = workerSettings(parsePrintedConfig(printed.stdout));
  ctx.env.settings = settings;
  return settings;
}
