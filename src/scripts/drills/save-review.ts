// Saves one answered drill as an FSRS review, with a notice instead of a crash if storage fails.
import { saveProgress } from '../../progress/browser.ts';
import type { RatingValue } from '../../drills/rating.ts';
import { reviewDrill } from '../../drills/scheduler.ts';

export function saveReview(drillId: string, rating: RatingValue): void {
  saveProgress((store) => store.update((draft) => void reviewDrill(draft, drillId, rating, new Date())));
}
