// One drill item (content/drills/<id>.yaml): six types that share a chapter tag and a prompt.
// Astro prints a failing field as "**field**: message" with the file name, so each message
// says what was expected and gives an example to copy. Authoring guide: content/README.md.
import { z } from 'astro/zod';

/** How the schema learns whether a chapter id may be used (the file system, or a fake in tests). */
export interface ChapterTagChecker {
  chapterTagAllowed(id: string): boolean;
  /** The ids an author may use, for the error message. */
  allowedChapterTags(): string[];
}

const text = (field: string, example: string) =>
  z.string({ error: `${field} is required text, e.g. ${example}` }).trim().min(1, `${field} must not be empty`);

const optionSchema = z.strictObject({
  text: text('an option\'s text', '"Round robin"'),
  correct: z.boolean({ error: 'correct is true for the right option and false for the others' }).default(false),
  explanation: text('an option\'s explanation', '"Right: a worker is a process ..."'),
});

function exactlyOneCorrect(options: Array<{ correct: boolean }>): boolean {
  return options.filter((option) => option.correct).length === 1;
}

const options = z
  .array(optionSchema, { error: 'options is a list of { text, correct, explanation }' })
  .min(2, 'options needs at least 2 items')
  .max(6, 'options has at most 6 items')
  .refine(exactlyOneCorrect, 'exactly one option must have correct: true');

export function createDrillSchema(tags: ChapterTagChecker) {
  const common = {
    chapter: z
      .string({ error: 'chapter is the id of the chapter this drill practises, e.g. "caching"' })
      .refine(tags.chapterTagAllowed, {
        error: (issue) => `unknown chapter "${String(issue.input)}"; use one of: ${tags.allowedChapterTags().join(', ')}`,
      }),
    section: z
      .string({ error: 'section is the slug of a ## heading in the chapter, e.g. "littles-law"' })
      .regex(/^[a-z0-9-]+$/, 'section is a heading slug: lowercase letters, digits and "-", e.g. "littles-law"')
      .optional(),
    prompt: text('prompt', '"Why put Gunicorn in front of a Flask app?"'),
  };
  return z.discriminatedUnion(
    'type',
    [
      z.strictObject({
        type: z.literal('concept'),
        ...common,
        answer: text('answer', 'a model answer of two to five sentences'),
        keyPoints: z.array(text('a key point', '"workers are processes"'), { error: 'keyPoints is a list of short sentences' }).min(2, 'keyPoints needs at least 2 items'),
      }),
      z.strictObject({ type: z.literal('choice'), ...common, options }),
      z.strictObject({
        type: z.literal('estimation'),
        ...common,
        answer: z.number({ error: 'answer is the expected number, e.g. 40' }).positive('answer must be greater than 0'),
        unit: text('unit', '"servers"'),
        tolerancePercent: z.number({ error: 'tolerancePercent is how far off (in %) still counts, e.g. 10' }).min(0).max(100),
        working: z.array(text('a working step', '"1,000,000 × 0.8 = 800,000 requests/s reach the origin"')).min(2, 'working needs at least 2 steps of arithmetic'),
      }),
      z.strictObject({
        type: z.literal('ordering'),
        ...common,
        steps: z.array(text('a step', '"DNS lookup"'), { error: 'steps is the list in the correct order' }).min(3, 'steps needs at least 3 items').max(9, 'steps has at most 9 items'),
        explanation: text('explanation', 'why this order'),
      }),
      z.strictObject({
        type: z.literal('diagnosis'),
        ...common,
        options: z
          .array(optionSchema.extend({ layer: text('layer', '"application server"') }), { error: 'options is a list of { layer, text, correct, explanation }' })
          .min(2, 'options needs at least 2 items')
          .max(6, 'options has at most 6 items')
          .refine(exactlyOneCorrect, 'exactly one option must have correct: true'),
      }),
      z.strictObject({
        type: z.literal('design'),
        ...common,
        stages: z
          .array(z.strictObject({ name: text('a stage name', '"Requirements"'), minutes: z.int().min(1).max(30), guidance: text('guidance', 'what to cover') }))
          .min(3, 'stages needs at least 3 timed parts (requirements, estimates, high-level design, deep dive)'),
        answer: text('answer', 'the model answer'),
        checklist: z.array(text('a checklist item', '"Named a cache hit rate"')).min(3, 'checklist needs at least 3 items'),
      }),
    ],
    { error: 'type must be one of concept, choice, estimation, ordering, diagnosis, design' },
  );
}

export type DrillData = z.infer<ReturnType<typeof createDrillSchema>>;
export type DrillType = DrillData['type'];
export const drillTypes: readonly DrillType[] = ['concept', 'choice', 'estimation', 'ordering', 'diagnosis', 'design'];
