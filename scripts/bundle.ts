// Builds what runs inside a lab sandbox into single .mjs files with no dependencies
// (DESIGN principle 3), plus the runtime files some engines load, into public/bundles/ so the
// site serves them too:
//   graders/<lab>.mjs          from graders/<lab>/grader.ts
//   engines/<name>.mjs         from labs/engines/<name>/cli.ts
//   engines/<name>-client.mjs  from labs/engines/<name>/client.ts (a client library labs ship)
//   labs/<lab>/<file>.mjs      from labs/<lab>/provided/<file>.ts (a lab's own read-only program)
//   pyodide/<file>             copied from node_modules/pyodide (Python on WebAssembly)
// Lab manifests name these paths in `files.provided`; see scripts/lab/provided-files.ts.
import { build, buildSync, type BuildOptions } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const bundleDir = join(repoRoot, 'public', 'bundles');

/** One file under public/bundles/: bundled from a TypeScript entry, or copied as it is. */
export type BundleEntry = { out: string; entry: string } | { out: string; copy: string };

/** The files loadPyodide() reads from its indexURL. */
const pyodideFiles = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

function folders(root: string): string[] {
  const path = join(repoRoot, root);
  return existsSync(path) ? readdirSync(path, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
}

function tsFiles(root: string): string[] {
  const path = join(repoRoot, root);
  return existsSync(path) ? readdirSync(path).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')) : [];
}

export function bundleEntries(): BundleEntry[] {
  const entries: BundleEntry[] = [];
  const add = (entry: string, out: string) => {
    if (existsSync(join(repoRoot, entry))) entries.push({ entry, out });
  };
  for (const lab of folders('graders')) add(join('graders', lab, 'grader.ts'), `graders/${lab}.mjs`);
  for (const engine of folders('labs/engines')) {
    add(join('labs/engines', engine, 'cli.ts'), `engines/${engine}.mjs`);
    add(join('labs/engines', engine, 'client.ts'), `engines/${engine}-client.mjs`);
  }
  for (const lab of folders('labs')) {
    for (const file of tsFiles(join('labs', lab, 'provided'))) add(join('labs', lab, 'provided', file), `labs/${lab}/${file.replace(/\.ts$/, '.mjs')}`);
  }
  for (const file of pyodideFiles) entries.push({ copy: join('node_modules/pyodide', file), out: `pyodide/${file}` });
  return entries;
}

function esbuildOptions(entry: string): BuildOptions {
  return {
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'esm',
    legalComments: 'none',
    // Bundles travel to the learner's browser sandbox: drop whitespace and dead syntax, but keep
    // identifiers so a stack trace from a grader or an engine stays readable.
    minifyWhitespace: true,
    minifySyntax: true,
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: {
      js: `// Provided by the course, built from ${entry.split('\\').join('/')}; do not edit.\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);`,
    },
    logLevel: 'warning',
  };
}

/** Writes through a temporary name, so a test or runner reading the file never sees half of it. */
function writeAtomically(target: string, contents: Uint8Array | string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, target);
}

function copyAtomically(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  copyFileSync(source, temporary);
  renameSync(temporary, target);
}

function sourceMissing(entry: BundleEntry): Error {
  const source = 'entry' in entry ? entry.entry : entry.copy;
  return new Error(`cannot build bundles/${entry.out}: ${source} is missing${'copy' in entry ? ' (run npm install)' : ''}`);
}

/** Builds one entry now, synchronously; used when a lab needs a fresh provided file. */
export function bundleSync(entry: BundleEntry): string {
  const target = join(bundleDir, entry.out);
  if ('copy' in entry) {
    if (!existsSync(join(repoRoot, entry.copy))) throw sourceMissing(entry);
    copyAtomically(join(repoRoot, entry.copy), target);
    return target;
  }
  const result = buildSync({ ...esbuildOptions(entry.entry), write: false, outfile: target });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error(`esbuild wrote nothing for ${entry.entry}`);
  writeAtomically(target, file.contents);
  return target;
}

/** Builds the bundles at these paths (relative to public/bundles/) from their current sources. */
export function refreshBundles(paths: Iterable<string>): void {
  const byOut = new Map(bundleEntries().map((entry) => [entry.out, entry]));
  for (const path of new Set(paths)) {
    const entry = byOut.get(path);
    if (!entry) throw new Error(`nothing builds bundles/${path}: it is not a grader, engine, engine client, lab provided/ file or Pyodide file (see scripts/bundle.ts)`);
    bundleSync(entry);
  }
}

export async function bundleAll(): Promise<void> {
  rmSync(bundleDir, { recursive: true, force: true });
  for (const entry of bundleEntries()) {
    const target = join(bundleDir, entry.out);
    if ('copy' in entry) {
      if (!existsSync(join(repoRoot, entry.copy))) throw sourceMissing(entry);
      copyAtomically(join(repoRoot, entry.copy), target);
      console.log(`copied ${entry.copy} → ${relative(repoRoot, target)}`);
      continue;
    }
    await build({ ...esbuildOptions(entry.entry), outfile: target });
    console.log(`bundled ${entry.entry} → ${relative(repoRoot, target)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleAll();
