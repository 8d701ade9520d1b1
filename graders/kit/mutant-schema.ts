// A mutant is a deliberately wrong solution: `labs/<id>/mutants/<name>/mutant.json` names the
// one check it must fail and, as `edits`, the small changes that turn the solution into the
// mutant; files in the folder beside it replace the solution's whole file instead.
// The grader tests prove each mutant fails exactly that check, so every check can fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { checkSlugSchema } from './manifest-schema.ts';
import { parseJsonFile, parseWithFriendlyErrors } from './friendly-errors.ts';

export const mutantDeclarationFile = 'mutant.json';

export const mutantDeclarationSchema = z.strictObject({
  fails: checkSlugSchema.check(z.describe('Slug of the one check this mutant must fail; every earlier check must pass.')),
  why: z.string().check(z.minLength(1), z.describe('The mistake the mutant makes, as a learner might make it.')),
  edits: z
    ._default(
      z.array(
        z.strictObject({
          file: z.string().check(z.minLength(1), z.describe('Path of a solution file, relative to solution/.')),
          find: z.string().check(z.minLength(1), z.describe('Text that occurs exactly once in that file.')),
          replace: z.string().check(z.describe('What the mutant has instead.')),
        }),
      ),
      [],
    )
    .check(z.describe('Changes applied to the solution, in order; scripts/lab/compact-mutants.ts writes them from full-file mutants.')),
});

export type MutantEdit = MutantDeclaration['edits'][number];

export type MutantDeclaration = z.infer<typeof mutantDeclarationSchema>;

export function readMutantDeclaration(mutantDir: string): MutantDeclaration {
  const file = join(mutantDir, mutantDeclarationFile);
  return parseWithFriendlyErrors(mutantDeclarationSchema, parseJsonFile(readFileSync(file, 'utf8'), file), file);
}
