import {
  adjustmentReviewReminder,
  keepInTouchReminder,
  nextPlanReview,
  partTimeTimetableReminders,
  planReviewReminder,
  policyReviewState,
  type PartTimeTimetableFacts,
} from '../../../src/domain/la/reminders';
import { calendar } from './calendarFixture';

describe('keep in touch', () => {
  it('reminds once the limit of school days has passed since the last thing sent', () => {
    // Fri 2 Oct + 10 school days = Fri 16 Oct.
    expect(keepInTouchReminder('2026-10-02', '2026-09-07', calendar, '2026-10-15', 10)).toBeNull();
    expect(keepInTouchReminder('2026-10-02', '2026-09-07', calendar, '2026-10-16', 10)).toBe(
      'Keep in touch: nothing sent to keep the pupil in touch with school life since Fri 2 Oct 2026 (10 school days)',
    );
  });

  it('counts from the start of provision when nothing has been sent, and not through half term', () => {
    expect(keepInTouchReminder('', '2026-10-19', calendar, '2026-11-02', 10)).toBeNull();
    // Tue 20 – Fri 23 Oct and Mon 2 – Fri 6 Nov: 9 school days; Mon 9 Nov is the 10th.
    expect(keepInTouchReminder('', '2026-10-19', calendar, '2026-11-06', 10)).toBeNull();
    expect(keepInTouchReminder('', '2026-10-19', calendar, '2026-11-09', 10)).toBe(
      'Keep in touch: nothing sent yet to keep the pupil in touch with school life (10 school days since Mon 19 Oct 2026)',
    );
  });
});

describe('part-time timetables', () => {
  const base: PartTimeTimetableFacts = { start: '2026-11-02', end: '2026-11-27', nextReview: '2026-11-13', parentAgreedOn: '2026-10-30', laNotifiedOn: '2026-11-02', endedOn: '' };

  it('has nothing to say about one in order', () => {
    expect(partTimeTimetableReminders(base, calendar, '2026-11-10', 10)).toEqual([]);
  });

  it('flags a timetable past its end date and an overdue review', () => {
    expect(partTimeTimetableReminders(base, calendar, '2026-11-30', 10)).toEqual([
      'Part-time timetable: its end date, Fri 27 Nov 2026, has passed: record the return to full time, or review and set a new end date',
      'Part-time timetable: the review due Fri 13 Nov 2026 is overdue',
    ]);
  });

  it('flags the LA not told after the local notice period, and a missing agreement', () => {
    const untold = { ...base, laNotifiedOn: '', parentAgreedOn: '' };
    // 10th school day from Mon 2 Nov is Fri 13 Nov: due by then, late from Mon 16 Nov.
    expect(partTimeTimetableReminders(untold, calendar, '2026-11-13', 10)).toEqual([
      'Part-time timetable: the parent/carer\u2019s agreement is not recorded',
    ]);
    expect(partTimeTimetableReminders(untold, calendar, '2026-11-16', 10)).toContain('Part-time timetable: the LA has not been told (due by Fri 13 Nov 2026)');
  });

  it('says nothing once the pupil is back full time', () => {
    expect(partTimeTimetableReminders({ ...base, endedOn: '2026-11-20' }, calendar, '2026-12-10', 10)).toEqual([]);
  });
});

describe('reintegration reviews and adjustments', () => {
  it('uses the date set on the plan, else the interval in school days after the last review', () => {
    expect(nextPlanReview('2026-11-20', '', '2026-11-02', calendar, 10)).toBe('2026-11-20');
    expect(nextPlanReview('', '', '2026-11-02', calendar, 10)).toBe('2026-11-16');
    expect(nextPlanReview('2026-11-20', '2026-11-20', '2026-11-02', calendar, 10)).toBe('2026-12-04');
  });

  it('reminds on the due day and after', () => {
    expect(planReviewReminder('2026-11-16', '2026-11-13')).toBeNull();
    expect(planReviewReminder('2026-11-16', '2026-11-16')).toBe('Reintegration plan: review due today');
    expect(planReviewReminder('2026-11-16', '2026-11-18')).toBe('Reintegration plan: review overdue since Mon 16 Nov 2026');
  });

  it('reminds about adjustments in place or proposed, not ended ones', () => {
    expect(adjustmentReviewReminder('Rest breaks', 'In place', '2026-11-16', '2026-11-18')).toBe('Reasonable adjustment "Rest breaks": review overdue since Mon 16 Nov 2026');
    expect(adjustmentReviewReminder('Rest breaks', 'Ended', '2026-11-16', '2026-11-18')).toBeNull();
  });
});

describe('policy review', () => {
  it('is due in the review month a year after the review, reminded from 30 days before', () => {
    const s = policyReviewState('Policy', '2026-09-10', '2026-10-05', 9, '2027-07-01');
    expect(s.due).toBe('2027-09-01');
    expect(s.reminder).toBeNull();
    expect(policyReviewState('Policy', '2026-09-10', '2026-10-05', 9, '2027-08-05').reminder).toBe('Policy: annual review due by Wed 1 Sep 2027');
    expect(policyReviewState('Policy', '2026-09-10', '2026-10-05', 9, '2027-09-02').reminder).toBe('Policy: annual review overdue since Wed 1 Sep 2027');
  });

  it('keeps the cycle when a review is done a little early', () => {
    expect(policyReviewState('Policy', '2026-07-15', '2026-07-20', 9, '2026-08-01').due).toBe('2027-09-01');
    expect(policyReviewState('Policy', '2026-01-15', '2026-01-20', 9, '2026-02-01').due).toBe('2026-09-01');
  });

  it('asks for the governing board\u2019s approval after the Headteacher\u2019s review', () => {
    expect(policyReviewState('Policy', '2026-09-10', '', 9, '2026-09-20').reminder).toBe(
      'Policy: reviewed by the Headteacher on Thu 10 Sep 2026; awaiting approval by the full governing board',
    );
    expect(policyReviewState('Policy', '2026-09-10', '2025-10-01', 9, '2026-09-20').reminder).toMatch(/awaiting approval/);
  });
});
