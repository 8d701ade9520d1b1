import { describe, expect, it } from 'vitest';
import { emptyProgress, type QuizAnswer } from '../../../src/progress/schema.ts';
import { chapterStandings, courseTotals, quizScoreText } from '../../../src/progress/standings.ts';

const answer = (correct: boolean, firstCorrect: boolean): QuizAnswer => ({
  selected: [0],
  correct,
  firstCorrect,
  attempts: firstCorrect ? 1 : 2,
  answeredAt: '2026-03-14T10:00:00.000Z',
});

const chapters = [
  { id: 'addresses-ports-and-names', quizIds: ['loopback-binding', 'nat-rewrite'] },
  { id: 'hit-a-url', quizIds: ['dns-order', 'tls-terminator', 'layer-map'] },
];

describe('progress standings', () => {
  const progress = {
    ...emptyProgress(),
    chapters: { 'addresses-ports-and-names': { readAt: '2026-03-13T18:00:00.000Z' } },
    quizzes: {
      'addresses-ports-and-names/loopback-binding': answer(true, false),
      'hit-a-url/dns-order': answer(true, true),
      'hit-a-url/a-quiz-that-was-removed': answer(true, true),
    },
  };

  it('scores each chapter by its current quizzes only', () => {
    const [first, second] = chapterStandings(progress, chapters);
    expect(first).toEqual({ id: 'addresses-ports-and-names', readAt: '2026-03-13T18:00:00.000Z', quizzes: 2, answered: 1, correct: 1, firstCorrect: 0 });
    expect(second).toMatchObject({ readAt: null, quizzes: 3, answered: 1, firstCorrect: 1 });
  });

  it('totals the course and points at the first unread chapter', () => {
    expect(courseTotals(chapterStandings(progress, chapters))).toEqual({
      chapters: 2,
      chaptersRead: 1,
      quizzes: 5,
      answered: 2,
      firstCorrect: 1,
      nextUnread: 'hit-a-url',
    });
  });

  it('words a score the way the Progress page shows it', () => {
    expect(quizScoreText({ quizzes: 3, answered: 1, firstCorrect: 1 })).toBe('1 of 3 answered, 1 right first time');
    expect(quizScoreText({ quizzes: 3, answered: 0, firstCorrect: 0 })).toBe('0 of 3 answered');
    expect(quizScoreText({ quizzes: 0, answered: 0, firstCorrect: 0 })).toBe('No quizzes');
  });
});
