// Command-line options of a grader bundle: `node <lab>.mjs --dir D [--json] [--all] [--port N] [--seed N]`.
import { maxSeed } from './seeded-random.ts';

export interface GraderArgs {
  dir: string;
  json: boolean;
  all: boolean;
  port?: number;
  seed?: number;
  help: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const graderUsage = `Options:
  --dir <folder>  the folder with your program (default: the current folder)
  --json          print only the result as JSON
  --all           run every check, even after one fails
  --port <n>      the PORT to give your program (default: the lab's port, or a free one if it is busy)
  --seed <n>      repeat a run's random paths and bodies (the seed is printed with every result)`;

function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${flag} needs a whole number from ${min} to ${max}; received ${text === undefined ? 'nothing' : `"${text}"`}`);
  }
  return value;
}

export function parseGraderArgs(argv: readonly string[]): GraderArgs {
  const args: GraderArgs = { dir: '.', json: false, all: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] as string;
    const value = () => argv[++i];
    switch (flag) {
      case '--dir': {
        const dir = value();
        if (!dir) throw new UsageError('--dir needs a folder, e.g. --dir .work/labs/first-web-server');
        args.dir = dir;
        break;
      }
      case '--json': args.json = true; break;
      case '--all': args.all = true; break;
      case '--port': args.port = wholeNumber('--port', value(), 1, 65535); break;
      case '--seed': args.seed = wholeNumber('--seed', value(), 0, maxSeed); break;
      case '--help': case '-h': args.help = true; break;
      default: throw new UsageError(`unknown option "${flag}"`);
    }
  }
  return args;
}
