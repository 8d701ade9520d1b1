// The drills a page carries, as JSON the build wrote into it (validated by the content schema
// at build time, so the page does not parse it again).
import type { Drill } from '../../drills/drill.ts';

export function drillsInPage(root: ParentNode = document): Drill[] {
  const data = root.querySelector('script[data-drill-bank]');
  return data?.textContent ? (JSON.parse(data.textContent) as Drill[]) : [];
}
