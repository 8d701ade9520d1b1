// Argument handling of `npm run lab -- <command> ...`: the command, the lab id, --dir, and
// whatever else belongs to the grader (--json, --all, --port, --seed).
export const labUsage = `Usage: npm run lab -- <command>

  list                         the labs, and which ones you have started
  start <id> [--dir D] [--port N]
                               copy the lab's starter into your work folder (first time only)
                               and run it; edit the files there in your own editor
  check <id> [--dir D] [--json] [--all] [--port N] [--seed N]
                               grade your work folder (or D): exit 0 all checks pass,
                               1 a check fails, 2 the grader could not grade

Your work folder for a lab is .work/labs/<id>/ unless you pass --dir.`;

export class CliError extends Error {
  /** True when the command line itself was wrong, so the usage text helps. */
  readonly showUsage: boolean;

  constructor(message: string, showUsage = false) {
    super(message);
    this.name = 'CliError';
    this.showUsage = showUsage;
  }
}

export interface LabCommand {
  command: 'list' | 'start' | 'check' | 'help';
  id?: string;
  dir?: string;
  /** Arguments passed on untouched (to the grader for check). */
  rest: string[];
}

export function parseLabArgs(argv: readonly string[]): LabCommand {
  const [command, ...tail] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help', rest: [] };
  if (command !== 'list' && command !== 'start' && command !== 'check') {
    throw new CliError(`unknown command "${command}"; use list, start or check`, true);
  }
  if (command === 'list') {
    if (tail.length) throw new CliError(`list takes no arguments; received ${tail.join(' ')}`, true);
    return { command, rest: [] };
  }
  const [id, ...options] = tail;
  if (id === undefined || id.startsWith('-')) throw new CliError(`${command} needs a lab id, e.g. npm run lab -- ${command} first-web-server`, true);
  const rest: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < options.length; i += 1) {
    if (options[i] === '--dir') {
      dir = options[++i];
      if (!dir) throw new CliError('--dir needs a folder', true);
    } else rest.push(options[i] as string);
  }
  return { command, id, dir, rest };
}
