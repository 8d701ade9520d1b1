// The folders a lab program is made of, copied in order: `common/` holds what every program of
// the lab starts with (assets, read-only modules, package.json), `starter/` or `solution/` only
// what differs. So the starter and the solution never carry two copies of the same file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const commonFolder = 'common';

export function programLayers(labFolder: string, kind: 'starter' | 'solution'): string[] {
  const common = join(labFolder, commonFolder);
  return [...(existsSync(common) ? [common] : []), join(labFolder, kind)];
}
