// A link to one drill: its chapter's practice page with `#drill-<id>` as the fragment. Search
// results lead there (scripts/hosting/search-records.ts), and the practice page starts its
// session with that drill (src/scripts/drills/drill-session.ts).
const prefix = '#drill-';

/** The fragment that opens a drill on its practice page. */
export function drillFragment(id: string): string {
  return `${prefix}${id}`;
}

/** The drill id a fragment names, or undefined when it names none. */
export function drillIdFromFragment(fragment: string): string | undefined {
  if (!fragment.startsWith(prefix) || fragment.length === prefix.length) return undefined;
  try {
    return decodeURIComponent(fragment.slice(prefix.length));
  } catch {
    return undefined;
  }
}

/** The queue with the drill `id` moved to the front; unchanged when the queue lacks it. */
export function withDrillFirst<T extends { id: string }>(queue: readonly T[], id: string | undefined): T[] {
  const linked = queue.find((drill) => drill.id === id);
  return linked ? [linked, ...queue.filter((drill) => drill !== linked)] : [...queue];
}
