// A lab's common/ files reach every program of the lab: the starter a learner copies, the
// solution, and each mutant, without being committed twice.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { commonFolder } from '../../graders/kit/program-layers.ts';
import { copyProgram, labDir, labIds, mutants, type Variant } from '../../scripts/lab/lab-folders.ts';
import { labPageData } from '../../src/workbench/server/lab-page-data.ts';
import { readManifest } from '../../graders/kit/manifest-file.ts';

const withCommon = labIds().filter((id) => existsSync(join(labDir(id), commonFolder)));

describe.each(withCommon)('the common files of lab %s', (id) => {
  const common = readdirSync(join(labDir(id), commonFolder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(join(labDir(id), commonFolder).length + 1));

  test('are not committed again in starter/ or solution/', () => {
    for (const file of common) {
      for (const kind of ['starter', 'solution']) expect(existsSync(join(labDir(id), kind, file)), `${kind}/${file}`).toBe(false);
    }
  });

  const variants: Variant[] = [{ kind: 'starter' }, { kind: 'solution' }, ...mutants(id).slice(0, 1).map((mutant) => ({ kind: 'mutant' as const, name: mutant.name }))];
  test.each(variants.map((variant) => [variant.kind, variant] as const))('are in every %s program copy', (_kind, variant) => {
    const dir = copyProgram(id, variant);
    try {
      for (const file of common) expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(labDir(id), commonFolder, file), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('are in the starter and the solution the lab page shows', () => {
    const data = labPageData(readManifest(labDir(id)));
    for (const file of common) {
      expect(Object.keys(data.starter)).toContain(file);
      expect(Object.keys(data.solution)).toContain(file);
    }
  });
});
