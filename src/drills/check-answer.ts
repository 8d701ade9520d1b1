// Answer checking for the auto-graded drill types. Pure functions, shared by the drill pages
// and the unit tests; the page only renders what these return.

export interface EstimateResult {
  correct: boolean;
  /** How far the guess is from the answer, in percent of the answer (always ≥ 0). */
  offByPercent: number;
}

const multipliers: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/**
 * Reads a learner's number: "1200", "1,200", "1 200", "1.2k", "3 million", "2.5e4".
 * Returns null when the text is not a number, so the page can say what it expected.
 */
export function parseEstimate(input: string): number | null {
  const match = /^([0-9][0-9,_ ]*(?:\.[0-9]+)?(?:e[0-9]+)?)\s*([a-z]*)$/i.exec(input.trim());
  if (!match) return null;
  const digits = (match[1] ?? '').replace(/[,_ ]/g, '');
  const suffix = (match[2] ?? '').toLowerCase();
  const multiplier = suffix === '' ? 1 : multipliers[suffix];
  const value = Number(digits);
  if (multiplier === undefined || !Number.isFinite(value)) return null;
  return value * multiplier;
}

/** A guess counts when it is within tolerancePercent of the answer (inclusive). */
export function checkEstimate(answer: number, tolerancePercent: number, guess: number): EstimateResult {
  const offByPercent = (Math.abs(guess - answer) / answer) * 100;
  // Rounding in the percentage (e.g. 10.000000000000002) must not fail an answer on the boundary.
  return { correct: offByPercent <= tolerancePercent + 1e-9, offByPercent };
}

export interface OrderResult {
  correct: boolean;
  /** How many steps sit in their right place. */
  inPlace: number;
}

/** `order` lists the original step indexes in the order the learner arranged them. */
export function checkOrder(stepCount: number, order: readonly number[]): OrderResult {
  if (order.length !== stepCount || new Set(order).size !== stepCount) return { correct: false, inPlace: 0 };
  const inPlace = order.filter((step, position) => step === position).length;
  return { correct: inPlace === stepCount, inPlace };
}

/** For choice and diagnosis items: right when the chosen option is the correct one. */
export function checkChoice(options: ReadonlyArray<{ correct: boolean }>, chosen: number): boolean {
  return options[chosen]?.correct === true;
}

/** The indexes 0..count-1 in random order (Fisher–Yates). */
export function shuffle(count: number, random: () => number = Math.random): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const swap = Math.floor(random() * (index + 1));
    [order[index], order[swap]] = [order[swap] as number, order[index] as number];
  }
  return order;
}

/** Shuffles step indexes so the starting order is never already the answer. */
export function shuffledOrder(stepCount: number, random: () => number = Math.random): number[] {
  let order = shuffle(stepCount, random);
  while (stepCount > 1 && checkOrder(stepCount, order).correct) order = shuffle(stepCount, random);
  return order;
}
