// Runs the whole corpus against real Redis and the course engine side by side and sorts every
// step into agreeing, known difference (listed with a reviewed reason) or unexpected.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Sequence, Step } from './corpus.ts';
import { runSequence, type StepOutcome } from './run-sequence.ts';

const knownDifferenceSchema = z.strictObject({
  sequence: z.string().describe('the corpus sequence name'),
  step: z.number().int().min(0).describe('the step index inside the sequence, from 0'),
  reason: z.string().min(20).describe('why the engine answers differently and why that is acceptable'),
});

export type KnownDifference = z.infer<typeof knownDifferenceSchema>;

export function loadKnownDifferences(): KnownDifference[] {
  const file = new URL('../known-differences.json', import.meta.url);
  return z.array(knownDifferenceSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

export interface Mismatch {
  sequence: string;
  step: number;
  sent: Step;
  redis: StepOutcome;
  engine: StepOutcome;
}

export interface DifferentialReport {
  sequences: number;
  steps: number;
  agreeing: number;
  known: Mismatch[];
  unexpected: Mismatch[];
  /** Listed differences that no longer differ (or name no step): the list must be updated. */
  stale: KnownDifference[];
}

function agree(step: Step, redis: StepOutcome, engine: StepOutcome): boolean {
  if (!redis.complete || !engine.complete) return false;
  if (!Array.isArray(step) && 'closes' in step && step.closes !== undefined) {
    if (redis.closed !== step.closes || engine.closed !== step.closes) return false;
  }
  if (!Array.isArray(step) && 'range' in step) return redis.inRange === true && engine.inRange === true;
  return redis.observed === engine.observed;
}

export interface SequenceResult {
  steps: number;
  agreeing: number;
  known: Mismatch[];
  unexpected: Mismatch[];
}

/** Plays one sequence on both servers at the same time, so TTLs are read at the same moments. */
export async function compareSequence(redisPort: number, enginePort: number, sequence: Sequence, known: KnownDifference[]): Promise<SequenceResult> {
  const [redis, engine] = await Promise.all([runSequence(redisPort, sequence), runSequence(enginePort, sequence)]);
  const result: SequenceResult = { steps: sequence.steps.length, agreeing: 0, known: [], unexpected: [] };
  sequence.steps.forEach((sent, step) => {
    if (agree(sent, redis[step], engine[step])) {
      result.agreeing++;
      return;
    }
    const mismatch = { sequence: sequence.name, step, sent, redis: redis[step], engine: engine[step] };
    const listed = known.some((entry) => entry.sequence === sequence.name && entry.step === step);
    (listed ? result.known : result.unexpected).push(mismatch);
  });
  return result;
}

export function emptyReport(): DifferentialReport {
  return { sequences: 0, steps: 0, agreeing: 0, known: [], unexpected: [], stale: [] };
}

export function addToReport(report: DifferentialReport, result: SequenceResult): void {
  report.sequences++;
  report.steps += result.steps;
  report.agreeing += result.agreeing;
  report.known.push(...result.known);
  report.unexpected.push(...result.unexpected);
}

/** Listed differences that did not show up as a difference in this run. */
export function staleKnownDifferences(report: DifferentialReport, known: KnownDifference[]): KnownDifference[] {
  return known.filter((entry) => !report.known.some((m) => m.sequence === entry.sequence && m.step === entry.step));
}

export async function runDifferential(redisPort: number, enginePort: number, corpus: Sequence[], known: KnownDifference[]): Promise<DifferentialReport> {
  const report = emptyReport();
  for (const sequence of corpus) addToReport(report, await compareSequence(redisPort, enginePort, sequence, known));
  report.stale = staleKnownDifferences(report, known);
  return report;
}

export function summarize(report: DifferentialReport): string {
  const percent = report.steps === 0 ? 0 : (100 * report.agreeing) / report.steps;
  return `${report.sequences} sequences, ${report.steps} steps: ${report.agreeing} byte-equal or in range (${percent.toFixed(1)}%), ` +
    `${report.known.length} known differences, ${report.unexpected.length} unexpected`;
}

export function describeMismatch(mismatch: Mismatch): string {
  return [
    `sequence "${mismatch.sequence}", step ${mismatch.step}: ${JSON.stringify(mismatch.sent)}`,
    `  redis-server: ${JSON.stringify(mismatch.redis)}`,
    `  course-redis: ${JSON.stringify(mismatch.engine)}`,
  ].join('\n');
}
