// Build-time validation of the props authors give MDX components. A bad prop stops the build
// with the chapter file, the component and the field, e.g.
// "content/chapters/hit-a-url.mdx: <Quiz id="dns-order">: options.2.explanation: ...".
import type { z } from 'astro/zod';
import { chapterFile } from './paths.ts';

/** The chapter a page renders, from its URL: /<base>/chapters/<id>/ → <id>. */
export function chapterIdFromUrl(url: URL): string | undefined {
  return /\/chapters\/([^/]+)\/?$/.exec(url.pathname)?.[1];
}

export function parseComponentProps<Schema extends z.ZodType>(
  component: string,
  schema: Schema,
  props: unknown,
  url: URL,
): z.infer<Schema> {
  const parsed = schema.safeParse(props);
  if (parsed.success) return parsed.data;
  const chapter = chapterIdFromUrl(url);
  const where = chapter ? chapterFile(chapter) : url.pathname;
  const id = typeof props === 'object' && props !== null && 'id' in props ? ` id="${String(props.id)}"` : '';
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(props)'}: ${issue.message}`);
  throw new Error(`${where}: <${component}${id}> has invalid props:\n  - ${issues.join('\n  - ')}`);
}
