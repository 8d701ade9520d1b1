// A small reader for Gunicorn- and Uvicorn-style command lines: "-b X", "-bX", "--bind X",
// "--bind=X", flags without values, and one positional app string.

export class UsageError extends Error {}

export interface OptionSpec {
  /** Every spelling, e.g. ['-b', '--bind']; the last one names the option in results. */
  names: string[];
  value: boolean;
}

export interface ParsedOptions {
  values: Map<string, string[]>;
  positionals: string[];
}

export function parseOptions(argv: string[], specs: OptionSpec[]): ParsedOptions {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  const byName = new Map(specs.flatMap((spec) => spec.names.map((name) => [name, spec] as const)));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name = arg;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) [name, inline] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    else if (!arg.startsWith('--') && arg.length > 2 && byName.get(arg.slice(0, 2))?.value) [name, inline] = [arg.slice(0, 2), arg.slice(2)];
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unrecognized argument: ${arg}`);
    const key = spec.names[spec.names.length - 1];
    let value = 'true';
    if (spec.value) {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`option ${name} needs a value`);
      value = next;
    } else if (inline !== undefined) {
      throw new UsageError(`option ${name} takes no value`);
    }
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return { values, positionals };
}

export function lastValue(parsed: ParsedOptions, key: string): string | undefined {
  return parsed.values.get(key)?.at(-1);
}

export function portNumber(text: string, what: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`${what} ${JSON.stringify(text)} is not a valid port number (0-65535)`);
  return port;
}
