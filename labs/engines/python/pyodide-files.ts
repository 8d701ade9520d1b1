// Finds the folder holding the Pyodide runtime (see README.md, "Where the Pyodide runtime files
// sit"). The engine never falls back to a CDN: without these files it stops and says where it
// looked, so a lab or a learner sees at once which provided file is missing.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What loadPyodide() reads from its indexURL; scripts/bundle.ts copies the same five files. */
export const pyodideRuntimeFiles = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

export class PyodideFilesMissing extends Error {}

function complete(dir: string): boolean {
  return pyodideRuntimeFiles.every((name) => existsSync(join(dir, name)));
}

/** node_modules/pyodide in the nearest folder above `from`, for runs from the repository. */
function installedPackage(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'pyodide');
    if (complete(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The runtime folder: `explicit` (--pyodide) or COURSE_PYODIDE_DIR when given, else pyodide/
 * next to the engine file, else ../pyodide/ (the public/bundles/ layout), else the npm package.
 */
export function findPyodideDir(explicit: string | undefined, engineUrl: string = import.meta.url): string {
  const chosen = explicit ?? process.env.COURSE_PYODIDE_DIR;
  if (chosen) {
    const dir = resolve(chosen);
    if (complete(dir)) return dir;
    const missing = pyodideRuntimeFiles.filter((name) => !existsSync(join(dir, name)));
    throw new PyodideFilesMissing(`the Pyodide folder ${dir} lacks ${missing.join(', ')}; it needs all of ${pyodideRuntimeFiles.join(', ')} (copy them from node_modules/pyodide, or run node scripts/bundle.ts and use public/bundles/pyodide)`);
  }
  const here = dirname(fileURLToPath(engineUrl));
  const candidates = [join(here, 'pyodide'), join(here, '..', 'pyodide')];
  const found = candidates.find(complete) ?? installedPackage(here);
  if (found) return found;
  throw new PyodideFilesMissing(`cannot find the Python runtime: looked for ${pyodideRuntimeFiles[0]} and its four companion files in ${candidates.join(' and ')}. A lab provides them as pyodide/… next to this program; elsewhere pass --pyodide DIR (for example public/bundles/pyodide after node scripts/bundle.ts)`);
}
