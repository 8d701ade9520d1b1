// A mutant is a deliberately wrong solution: `labs/<id>/mutants/<name>/` holds the files that
// differ from the solution plus `mutant.json`, which names the one check it must fail.
// The grader tests prove each mutant fails exactly that check, so every check can fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkSlugSchema } from './manifest-schema.ts';
import { parseJsonFile, parseWithFriendlyErrors } from './friendly-errors.ts';

export const mutantDeclarationFile = 'mutant.json';

export const mutantDeclarationSchema = z
  .object({
    fails: checkSlugSchema.describe('Slug of the one check this mutant must fail; every earlier check must pass.'),
    why: z.string().min(1).describe('The mistake the mutant makes, as a learner might make it.'),
  })
  .strict();

export type MutantDeclaration = z.infer<typeof mutantDeclarationSchema>;

export function readMutantDeclaration(mutantDir: string): MutantDeclaration {
  const file = join(mutantDir, mutantDeclarationFile);
  return parseWithFriendlyErrors(mutantDeclarationSchema, parseJsonFile(readFileSync(file, 'utf8'), file), file);
}
