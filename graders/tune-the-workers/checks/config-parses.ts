import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { defineCheck, fail } from '../../kit/check.ts';
import { describeRun, runEngine } from '../engine-command.ts';
import { describeSettings, parsePrintedConfig, workerSettings } from '../gunicorn-settings.ts';
import type { LabWorld } from '../lab-world.ts';
import { labSettings, machine } from '../lab-settings.ts';
import { programEnv } from '../read-settings.ts';

function machineFileProblem(dir: string): string | undefined {
  const file = join(dir, labSettings.machineFile);
  if (!existsSync(file)) return `${labSettings.machineFile} is missing from your folder`;
  try {
    return isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), machine) ? undefined : `${labSettings.machineFile} differs from the lab's`;
  } catch {
    return `${labSettings.machineFile} is not valid JSON any more`;
  }
}

export const configParses = defineCheck<LabWorld>({
  slug: 'config-parses',
  title: 'gunicorn.conf.py loads: plain assignments of supported settings, with valid values',
  hint: 'gunicorn.conf.py is Python, read as Gunicorn reads it: each setting is a plain assignment such as `workers = 2 * multiprocessing.cpu_count() + 1`, named exactly as in Gunicorn\'s settings reference. The error above gives the line. Leave `bind` out: the lab passes the port in PORT, which Gunicorn binds to when bind is not set. Run `node course-gunicorn.mjs -c gunicorn.conf.py --check-config app:app` to try it yourself. See https://docs.gunicorn.org/en/stable/settings.html',
  timeoutMs: 20_000,
  needsProgram: false,
  async run(ctx) {
    const engine = join(ctx.dir, labSettings.engineFile);
    if (!existsSync(engine)) throw new Error(`the course's ${labSettings.engineFile} is missing from ${ctx.dir}; the course puts it there (manifest files.provided), so rebuild the bundles with npm run build`);
    const machineProblem = machineFileProblem(ctx.dir);
    if (machineProblem) {
      fail({
        message: `${machineProblem}. It describes the box the checks model, and it is read-only: restore it (Reset in the workbench, or copy it from the lab's starter folder).`,
        expected: `the lab's ${labSettings.machineFile}`,
        actual: machineProblem,
      });
    }
    const check = await runEngine(ctx.dir, ['--check-config'], programEnv(ctx), ctx.signal);
    ctx.setRepro(check.commandLine);
    ctx.note(`$ ${check.commandLine}`);
    for (const line of check.stderr.slice(-6)) ctx.note(`  ${line}`);
    if (check.exit?.code !== 0) {
      fail({
        message: `course-gunicorn could not load gunicorn.conf.py: it ${describeRun(check)}.`,
        expected: 'exit status 0 from --check-config',
        actual: check.stderr.filter((line) => line.trim() !== '').slice(-3).join('\n') || '(nothing printed)',
      });
    }
    const printed = await runEngine(ctx.dir, ['--print-config'], programEnv(ctx), ctx.signal);
    const values = parsePrintedConfig(printed.stdout);
    const settings = workerSettings(values);
    if (!settings.bind.includes(`:${ctx.port}`)) {
      fail({
        message: `gunicorn.conf.py sets bind = ${settings.bind}, so your server would not listen on the port the checks give it (PORT=${ctx.port}). Remove the bind line: without it Gunicorn binds to the port in PORT.`,
        expected: `a bind on port ${ctx.port} (bind left out)`,
        actual: `bind = ${settings.bind}`,
      });
    }
    ctx.env.settings = settings;
    return `gunicorn.conf.py loads: ${describeSettings(settings)}.`;
  },
});
