// Every internal link goes through here so the site works under any BASE_PATH
// (e.g. GitHub Pages serves it from /<repo>/).

/** Joins the configured base path and a site path: withBase('/chapters/x/') → '/course/chapters/x/'. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  const suffix = path.startsWith('/') ? path : `/${path}`;
  return `${prefix}${suffix}`;
}

export function chapterPath(id: string): string {
  return withBase(`/chapters/${id}/`);
}
