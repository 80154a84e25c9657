import { isRunStoppingError, planBatch, timeForAnother } from '../../../src/domain/letters/batchPlan';
import { letterEmailSubject, letterFileName } from '../../../src/domain/letters/naming';
import { workListText } from '../../../src/domain/letters/content';

const q = (id: string, needsEmail = true) => ({ letterId: id, needsEmail });

describe('planning a batch of letters', () => {
  test('takes letters in order up to the most a run may take', () => {
    expect(planBatch([q('a'), q('b'), q('c')], 100, 0, 2)).toEqual({ take: ['a', 'b'], hold: [] });
  });

  test('holds email letters that would go past the day\u2019s allowance, keeping the reserve', () => {
    expect(planBatch([q('a'), q('b'), q('c'), q('d')], 7, 5)).toEqual({ take: ['a', 'b'], hold: ['c', 'd'] });
  });

  test('letters that are not emailed are never held', () => {
    expect(planBatch([q('a'), q('b', false), q('c')], 0, 0)).toEqual({ take: ['b'], hold: ['a', 'c'] });
  });

  test('stops starting letters when the next might pass the budget', () => {
    expect(timeForAnother(0, 0, 10_000)).toBe(true);
    expect(timeForAnother(250_000, 5_000, 270_000)).toBe(true);
    expect(timeForAnother(266_000, 5_000, 270_000)).toBe(false);
    // Before any letter is timed a cautious estimate is used.
    expect(timeForAnother(265_000, 0, 270_000)).toBe(false);
  });

  test('Google\u2019s limits stop the run; an ordinary error does not', () => {
    expect(isRunStoppingError('Service invoked too many times for one day: email.')).toBe(true);
    expect(isRunStoppingError('Limit Exceeded: Email Body Size.')).toBe(true);
    expect(isRunStoppingError('Requested entity was not found.')).toBe(false);
  });
});

describe('names and subjects carry no health detail', () => {
  test('file name is kind, case ref and date', () => {
    expect(letterFileName('Work set letter', 'HN-2026-0007', '2026-11-27')).toBe('Work set letter \u2013 HN-2026-0007 \u2013 2026-11-27');
  });

  test('email subject names the school only', () => {
    expect(letterEmailSubject('General letter', 'Hill School')).toBe('General letter from Hill School');
  });

  test('work list is one line per piece of work', () => {
    expect(workListText([
      { subject: 'Maths', description: 'Fractions', medium: 'Work pack posted', dueDate: '2026-11-27', classroomLink: '' },
      { subject: 'English', description: 'Read chapter 3', medium: 'Google Classroom', dueDate: '', classroomLink: 'https://classroom.google.com/x' },
    ])).toBe('\u2022 Maths: Fractions (Work pack posted, due Fri 27 Nov 2026)\n\u2022 English: Read chapter 3 (Google Classroom) https://classroom.google.com/x');
  });
});
