// The `lab` command: list, start and check labs. Exit codes: 0 success (every check
// passed), 1 a check failed, 2 usage or grader error, 130 interrupted.
import { InvalidFileError } from '../../graders/kit/friendly-errors.ts';
import { CliError, labUsage, parseLabArgs } from './cli-args.ts';
import { checkCommand } from './check-command.ts';
import { listCommand } from './list-command.ts';
import { startCommand } from './start-command.ts';

const write = (line: string) => process.stdout.write(`${line}\n`);

export async function main(argv: string[]): Promise<number> {
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

