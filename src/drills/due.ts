// What the daily review holds: drills whose card is due, and new drills up to the daily allowance
// (counted by the day of their first review, as Anki's "new cards/day" limit does). Kept apart
// from scheduler.ts so the due count on the home page does not load ts-fsrs.
import type { Progress } from '../progress/schema.ts';

export const newPerDay = 10;

function sameLocalDay(iso: string, now: Date): boolean {
  const day = new Date(iso);
  return day.getFullYear() === now.getFullYear() && day.getMonth() === now.getMonth() && day.getDate() === now.getDate();
}

export interface DueSummary {
  /** Drills with a card whose due time has come, soonest first. */
  reviews: string[];
  /** Drills never reviewed that today's new-drill allowance still admits, in bank order. */
  fresh: string[];
}

/** What the daily review holds now, among `drillIds` (the bank, in order). */
export function dueDrills(progress: Progress, drillIds: readonly string[], now: Date): DueSummary {
  const known = new Set(drillIds);
  const reviews = Object.entries(progress.drills)
    .filter(([id, card]) => known.has(id) && Date.parse(card.due) <= now.getTime())
    .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))
    .map(([id]) => id);
  const introducedToday = Object.values(progress.drills).filter((card) => sameLocalDay(card.introducedAt, now)).length;
  const allowance = Math.max(0, newPerDay - introducedToday);
  const fresh = drillIds.filter((id) => !progress.drills[id]).slice(0, allowance);
  return { reviews, fresh };
}

/** "12 due" as the home page and the drills page say it. */
export function dueCount(progress: Progress, drillIds: readonly string[], now: Date): number {
  const { reviews, fresh } = dueDrills(progress, drillIds, now);
  return reviews.length + fresh.length;
}
