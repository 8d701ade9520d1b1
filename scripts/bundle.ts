// Bundles what runs inside a lab sandbox into single .mjs files with no dependencies
// (DESIGN principle 3): every grader `graders/<lab>/grader.ts` and every engine
// `labs/engines/<name>/cli.ts`. Output goes to public/bundles/ so the site serves it too.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const bundleDir = 'public/bundles';

export function bundleEntries(): Array<{ entry: string; out: string }> {
  const entries: Array<{ entry: string; out: string }> = [];
  const dirs = (root: string) =>
    existsSync(root) ? readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
  for (const lab of dirs('graders')) {
    const entry = join('graders', lab, 'grader.ts');
    if (existsSync(entry)) entries.push({ entry, out: join(bundleDir, 'graders', `${lab}.mjs`) });
  }
  for (const engine of dirs('labs/engines')) {
    const entry = join('labs/engines', engine, 'cli.ts');
    if (existsSync(entry)) entries.push({ entry, out: join(bundleDir, 'engines', `${engine}.mjs`) });
  }
  return entries;
}

export async function bundleAll(): Promise<void> {
  rmSync(bundleDir, { recursive: true, force: true });
  for (const { entry, out } of bundleEntries()) {
    await build({
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'esm',
      legalComments: 'none',
      // Bundles travel to the learner's browser sandbox: drop whitespace and dead syntax, but keep
      // identifiers so a grader's own stack trace (status "error") stays readable.
      minifyWhitespace: true,
      minifySyntax: true,
      // Some dependencies are CommonJS and call require(); give the ESM bundle one.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    console.log(`bundled ${entry} → ${out}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bundleAll();
