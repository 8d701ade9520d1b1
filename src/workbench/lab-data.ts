// What a lab page hands its workbench, written into the page at build time by
// src/pages/labs/[id].astro from labs/<id>/ (manifest, starter/, solution/).
export interface LabCheckInfo {
  slug: string;
  title: string;
  hint: string;
}

export interface LabPageData {
  id: string;
  title: string;
  /** Every starter file by path ("public/index.html"). */
  starter: Record<string, string>;
  solution: Record<string, string>;
  /** Paths the learner may edit; every other file is shown read-only. */
  editable: string[];
  start: { command: string; args: string[] };
  ports: number[];
  checks: LabCheckInfo[];
  graderUrl: string;
  /** Built files the course provides read-only (manifest `files.provided`): path → URL. */
  provided: Record<string, string>;
  /** The site's base path, for the runner's endpoints. */
  base: string;
}

export function readLabPageData(element: Element | null): LabPageData {
  if (!element?.textContent) throw new Error('This lab page is missing its lab data (the #lab-data script); rebuild the site with `npm run build`.');
  return JSON.parse(element.textContent) as LabPageData;
}
