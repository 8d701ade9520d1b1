// Turns a gunicorn.conf.py into setting values: reads its statements, then checks every
// assigned name as Gunicorn would (a setting gets validated, a non-setting is ignored) — except
// that the course refuses a name that is neither a setting nor used later, because Gunicorn
// silently ignoring `worker = 4` is the classic way a config change does nothing.
// https://docs.gunicorn.org/en/20.1.0/configure.html#configuration-file
import { ConfError } from './conf-error.ts';
import { readStatements } from './conf-statements.ts';
import { closestName } from './did-you-mean.ts';
import { gunicornSettingNames } from './gunicorn-setting-names.ts';
import { pyRepr } from './py-values.ts';
import { convertSetting, settingSpecs, SettingValueError, supportedNames, type SettingName, type Settings } from './settings.ts';

export interface ConfValues {
  values: Partial<Settings>;
  /** The line that set each setting, for later messages. */
  lines: Partial<Record<SettingName, number>>;
}

const expectations: Record<string, string> = {
  int: 'a whole number of 0 or more, such as 4',
  list: "an address string such as '127.0.0.1:8000', or a list of them",
  class: "'sync' or 'gthread'",
};

export function readConfSource(source: string, cpuCount: number): ConfValues {
  const { assignments, namesRead } = readStatements(source, cpuCount);
  const result: ConfValues = { values: {}, lines: {} };
  const supportedList = [...supportedNames].join(', ');
  for (const { name, value, line } of assignments.values()) {
    const spec = settingSpecs.find((s) => s.name === name);
    if (spec) {
      try {
        (result.values as Record<string, unknown>)[name] = convertSetting(spec, value);
        result.lines[spec.name] = line;
      } catch (error) {
        if (!(error instanceof SettingValueError)) throw error;
        throw new ConfError(line, `Invalid value for ${name}: ${pyRepr(value)} (${error.message}); expected ${expectations[spec.kind]}.`);
      }
      continue;
    }
    if (gunicornSettingNames.has(name)) {
      throw new ConfError(line, `\`${name}\` is a Gunicorn setting the course arbiter does not support; remove the line (supported: ${supportedList}).`);
    }
    if (name.startsWith('_') || namesRead.has(name)) continue;
    const suggestion = closestName(name, gunicornSettingNames);
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '.';
    throw new ConfError(
      line,
      `unknown setting \`${name}\`${hint} Gunicorn 20.1 silently ignores names that are not settings, so this line changes nothing. A helper variable must be used by a later line (or start with _).`,
    );
  }
  return result;
}
