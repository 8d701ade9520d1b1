// `npm run lab -- list | start <id> | check <id>`: work on a lab in your own editor.
// Exit codes: 0 success (every check passed), 1 a check failed, 2 usage or grader error.
import { InvalidFileError } from '../graders/kit/friendly-errors.ts';
import { CliError, labUsage, parseLabArgs } from './lab/cli-args.ts';
import { checkCommand } from './lab/check-command.ts';
import { listCommand } from './lab/list-command.ts';
import { startCommand } from './lab/start-command.ts';

const write = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  try {
    const command = parseLabArgs(argv);
    switch (command.command) {
      case 'help':
        write(labUsage);
        return 0;
      case 'list':
        return listCommand(write);
      case 'start':
        return await startCommand(command.id as string, command.dir, command.rest, write);
      case 'check':
        return await checkCommand(command.id as string, command.dir, command.rest);
    }
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`lab: ${error.message}\n${error.showUsage ? `\n${labUsage}\n` : ''}`);
      return 2;
    }
    if (error instanceof InvalidFileError) {
      process.stderr.write(`lab: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
