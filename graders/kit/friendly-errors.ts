// Turns zod issues into sentences a person can act on: which file, which field, what was
// received, what was expected. Every external input of the kit (manifests, mutant
// declarations, grader results) is parsed through `parseWithFriendlyErrors`.
import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * zod/mini loads no message catalogue ("Invalid input" for every issue), so the kit passes
 * zod's English one to each parse. Per parse rather than `z.config()`, so importing the kit
 * changes no other schema's messages, such as the site's progress store.
 */
const english = { error: en().localeError };

/** Parses with zod's English messages, for callers that word the issues themselves. */
export function safeParseInEnglish<S extends z.core.$ZodType>(schema: S, data: unknown): z.core.util.SafeParseResult<z.output<S>> {
  return z.safeParse(schema, data, english);
}

export class InvalidFileError extends Error {
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidFileError';
    this.file = file;
    this.problems = problems;
  }
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(the whole file)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function describeIssues(issues: ReadonlyArray<z.core.$ZodIssue>, data: unknown): string[] {
  return issues.map((issue) => {
    const where = fieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
    }
    return `${where}: ${issue.message}; received ${describeReceived(valueAt(data, issue.path))}`;
  });
}

export function parseWithFriendlyErrors<S extends z.core.$ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const parsed = safeParseInEnglish(schema, data);
  if (!parsed.success) throw new InvalidFileError(file, describeIssues(parsed.error.issues, data));
  return parsed.data;
}

export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InvalidFileError(file, [`the file is not valid JSON (${why}); fix the syntax and try again`]);
  }
}
