// Loads machine.json through the schema, with errors that name the file and the field.
import { readFileSync } from 'node:fs';
import { InvalidFileError, parseJsonFile, parseWithFriendlyErrors } from '../../../graders/kit/friendly-errors.ts';
import { machineSchema, type Machine } from './machine-schema.ts';

export class MachineFileError extends Error {}

export function loadMachine(path: string): Machine {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new MachineFileError(
      `the machine file ${path} cannot be read: the course arbiter runs on a modelled box, declared in JSON as {"cores": 2, "memory_mib": 1024, "master_mib": 40, "worker_mib": 100, "thread_mib": 8, "endpoints": {"GET /": {"cpu_ms": 1}}}. Create it, or pass --machine FILE.`,
    );
  }
  try {
    return parseWithFriendlyErrors(machineSchema, parseJsonFile(text, path), path);
  } catch (error) {
    if (error instanceof InvalidFileError || error instanceof Error) throw new MachineFileError(error.message);
    throw error;
  }
}
