// A default Starlight site holding one of our chapters, for the Lighthouse bench to compare
// with our own chapter page. It is built in .work/bench-starlight/ (never committed), with
// @astrojs/starlight installed there from the npm registry and the same Astro as ours.
// The chapter goes in as the HTML our build rendered (the <article>, scripts removed), through
// Starlight's <StarlightPage> with its headings, so both pages carry the same text, code and
// diagrams, and Starlight adds its own layout, sidebar, table of contents and search.
// https://starlight.astro.build/guides/pages/#using-starlights-design-in-custom-pages
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const starlightVersion = '0.42.4';
const installTimeoutMs = 5 * 60_000;
const buildTimeoutMs = 5 * 60_000;

export interface StarlightBuild {
  dist: string;
  seconds: number;
}

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** The chapter's article without its scripts and title, and the h2/h3 headings for Starlight's TOC. */
export function chapterBody(html: string): { title: string; description: string; body: string; headings: Heading[] } {
  const article = /<article\b[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1];
  if (!article) throw new Error('the built chapter page has no <article>; the Starlight comparison copies the chapter from it');
  const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(article)?.[1]?.replace(/<[^>]+>/g, '').trim() ?? 'Chapter';
  const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const body = article.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<h1\b[\s\S]*?<\/h1>/, '');
  const headings = [...body.matchAll(/<h([23])\b[^>]*\sid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) => ({
    depth: Number(match[1]),
    slug: match[2]!,
    text: match[3]!.replace(/<[^>]+>/g, '').trim(),
  }));
  return { title, description, body, headings };
}

function run(command: string, args: string[], cwd: string, timeout: number, what: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit ${result.status}`;
    throw new Error(`${what} failed in ${cwd} (${why}):\n${(result.stderr || result.stdout).slice(-2000)}`);
  }
}

/** Writes, installs (once) and builds the Starlight site with the chapter at /chapters/<id>/. */
export function buildStarlightSite(dir: string, chapterId: string, chapterHtml: string): StarlightBuild {
  const astroVersion = JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')).version as string;
  write(join(dir, 'package.json'), `${JSON.stringify({ name: 'starlight-comparison', private: true, type: 'module', dependencies: { astro: astroVersion, '@astrojs/starlight': starlightVersion } }, null, 2)}\n`);
  write(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({ integrations: [starlight({ title: 'Port to Production' })] });\n");
  write(join(dir, 'src/content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n");
  write(join(dir, 'src/content/docs/index.md'), '---\ntitle: Port to Production\ndescription: The course, as a default Starlight site.\n---\n\nOne chapter of the course, for comparison.\n');
  const { title, description, body, headings } = chapterBody(chapterHtml);
  write(join(dir, 'src/chapter.json'), JSON.stringify({ title, description, body, headings }));
  write(
    join(dir, `src/pages/chapters/${chapterId}.astro`),
    "---\nimport StarlightPage from '@astrojs/starlight/components/StarlightPage.astro';\nimport chapter from '../../chapter.json';\n---\n" +
      '<StarlightPage frontmatter={{ title: chapter.title, description: chapter.description }} headings={chapter.headings}>\n  <Fragment set:html={chapter.body} />\n</StarlightPage>\n',
  );
  if (!existsSync(join(dir, 'node_modules/@astrojs/starlight/package.json'))) {
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir, installTimeoutMs, `npm install @astrojs/starlight@${starlightVersion}`);
  }
  const started = process.hrtime.bigint();
  run('node_modules/.bin/astro', ['build'], dir, buildTimeoutMs, 'the Starlight build');
  return { dist: join(dir, 'dist'), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
