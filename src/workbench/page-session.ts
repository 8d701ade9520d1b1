// The one LabSession of a lab page, shared by the page's two scripts: the light workbench
// (workbench-entry.ts) and the editor (editor-entry.ts), which loads in parallel from the start.
import { readGraderResult } from './grader-result.ts';
import { readLabPageData } from './lab-data.ts';
import { progressLabMemory } from './lab-memory.ts';
import { LabSession } from './lab-session.ts';

export interface LabPage {
  page: HTMLElement;
  root: HTMLElement;
  session: LabSession;
  find<T extends Element>(selector: string, within?: ParentNode): T;
}

function createLabPage(): LabPage | null {
  const page = document.querySelector<HTMLElement>('[data-lab-page]');
  const root = document.querySelector<HTMLElement>('lab-workbench');
  if (!page || !root) return null;
  const data = readLabPageData(document.getElementById('lab-data'));
  return {
    page,
    root,
    session: new LabSession(data, progressLabMemory(data.id), readGraderResult),
    find: <T extends Element>(selector: string, within: ParentNode = root) => within.querySelector<T>(selector) as T,
  };
}

export const labPage = createLabPage();
