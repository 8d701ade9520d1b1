// What the home and Progress pages say about a learner: per chapter, read or not and the quiz
// score; for the course, the totals. Only quizzes that still exist in a chapter count, so a
// removed quiz does not inflate a score.
import type { Progress } from './schema.ts';

export interface ChapterQuizzes {
  id: string;
  quizIds: string[];
}

export interface ChapterStanding {
  id: string;
  readAt: string | null;
  quizzes: number;
  answered: number;
  /** Answered right at the latest attempt. */
  correct: number;
  /** Answered right at the first attempt: the honest score. */
  firstCorrect: number;
}

export function chapterStandings(progress: Progress, chapters: ChapterQuizzes[]): ChapterStanding[] {
  return chapters.map(({ id, quizIds }) => {
    const answers = quizIds.map((quiz) => progress.quizzes[`${id}/${quiz}`]).filter((answer) => answer !== undefined);
    return {
      id,
      readAt: progress.chapters[id]?.readAt ?? null,
      quizzes: quizIds.length,
      answered: answers.length,
      correct: answers.filter((answer) => answer.correct).length,
      firstCorrect: answers.filter((answer) => answer.firstCorrect).length,
    };
  });
}

export interface CourseTotals {
  chapters: number;
  chaptersRead: number;
  quizzes: number;
  answered: number;
  firstCorrect: number;
  /** The first chapter in course order not yet marked as read. */
  nextUnread: string | null;
}

export function courseTotals(standings: ChapterStanding[]): CourseTotals {
  const sum = (pick: (standing: ChapterStanding) => number) => standings.reduce((total, standing) => total + pick(standing), 0);
  return {
    chapters: standings.length,
    chaptersRead: standings.filter((standing) => standing.readAt !== null).length,
    quizzes: sum((standing) => standing.quizzes),
    answered: sum((standing) => standing.answered),
    firstCorrect: sum((standing) => standing.firstCorrect),
    nextUnread: standings.find((standing) => standing.readAt === null)?.id ?? null,
  };
}

export function quizScoreText(standing: Pick<ChapterStanding, 'quizzes' | 'answered' | 'firstCorrect'>): string {
  if (standing.quizzes === 0) return 'No quizzes';
  if (standing.answered === 0) return `0 of ${standing.quizzes} answered`;
  return `${standing.answered} of ${standing.quizzes} answered, ${standing.firstCorrect} right first time`;
}

/** Reads the chapter list the server rendered: elements with data-chapter and data-quizzes. */
export function chaptersInPage(root: ParentNode): ChapterQuizzes[] {
  return [...root.querySelectorAll<HTMLElement>('[data-chapter][data-quizzes]')].map((element) => ({
    id: element.dataset.chapter ?? '',
    quizIds: (element.dataset.quizzes ?? '').split(' ').filter(Boolean),
  }));
}
