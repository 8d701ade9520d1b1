// Rules about a chapter's MDX body that a frontmatter schema cannot see. Each problem is a
// sentence naming what is wrong and what to do; course.ts fails the build with the file name.
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The `id` of every <Quiz> in source order (the first `id="…"` after each `<Quiz`). */
export function quizIdsIn(body: string): string[] {
  const ids: string[] = [];
  for (const part of body.split(/<Quiz\b/).slice(1)) {
    const match = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/.exec(part);
    ids.push(match ? (match[1] ?? match[2] ?? match[3] ?? '') : '');
  }
  return ids;
}

/** The `id` of every <Lab> placed in the body. */
export function labIdsIn(body: string): string[] {
  return [...body.matchAll(/<Lab\b[^>]*?\bid\s*=\s*["']([^"']*)["']/g)].map((match) => match[1] ?? '');
}

export function checkChapterBody(body: string, headings: Heading[], labExists: (id: string) => boolean): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const id of quizIdsIn(body)) {
    if (!kebabCase.test(id)) problems.push(`<Quiz id="${id}">: a quiz id is kebab-case and unique in the chapter, e.g. id="loopback-binding".`);
    else if (seen.has(id)) problems.push(`<Quiz id="${id}"> appears twice: each quiz needs its own id, because progress is stored under it.`);
    seen.add(id);
  }
  for (const id of labIdsIn(body)) {
    if (!labExists(id)) problems.push(`<Lab id="${id}">: no labs/${id}/manifest.json exists. Fix the id or add the lab first.`);
  }
  if (headings.some((heading) => heading.depth === 1)) {
    problems.push('the body has an h1 ("# …"): the layout prints the title, so start sections at "## ".');
  }
  const sections = headings.filter((heading) => heading.depth === 2);
  if (sections.some((heading) => heading.text.trim().toLowerCase() === 'sources')) {
    problems.push('the body has a "## Sources" section: list sources in the frontmatter `sources` field; the layout renders them.');
  }
  const last = sections.at(-1);
  if (!last || last.text.trim() !== 'Summary') {
    problems.push(`the last "## " section is ${last ? `"${last.text}"` : 'missing'}: a chapter ends with "## Summary".`);
  }
  return problems;
}
