// A drill as the drill pages receive it: the validated item, its id, and where to read up on it.
import type { DrillData } from './drill-schema.ts';

export type Drill = DrillData & {
  id: string;
  chapterTitle: string;
  /** The chapter (section) to reread after a miss; null while the chapter is only planned. */
  href: string | null;
};

export type DrillOf<T extends Drill['type']> = Extract<Drill, { type: T }>;
