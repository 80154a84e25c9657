import { CalendarEntry, SchoolCalendar } from '../../src/domain/calendar';
import { AbsencePeriod, absenceSchoolDays, countAbsence, validatePeriods } from '../../src/domain/schoolDays';

const e = (kind: CalendarEntry['kind'], start: string, end: string, description: string): CalendarEntry => ({ kind, start, end, description });

/**
 * Summer term 2026 (end of 2025/26) and the whole of 2026/27.
 *  Summer 2026 13 Apr–22 Jul: 14 weeks to 17 Jul = 70 weekdays + 20–22 Jul = 73, less 4 May and half term
 *    25–29 May = 67.
 *  Autumn 2026 3 Sep–18 Dec: INSET Thu 3 Sep, half term 26–30 Oct, snow day Tue 1 Dec.
 *  Spring 2027 4 Jan–26 Mar and Summer 2027 12 Apr–21 Jul as in the calendar tests (190 days in 2026/27).
 */
const CALENDAR = new SchoolCalendar([
  e('Term', '2026-04-13', '2026-07-22', 'Summer term'),
  e('Bank holiday', '2026-05-04', '2026-05-04', 'Early May bank holiday'),
  e('Holiday', '2026-05-25', '2026-05-29', 'Half term'),
  e('Term', '2026-09-03', '2026-12-18', 'Autumn term'),
  e('INSET day', '2026-09-03', '2026-09-03', 'Staff training'),
  e('Holiday', '2026-10-26', '2026-10-30', 'Half term'),
  e('Closure', '2026-12-01', '2026-12-01', 'Snow day'),
  e('Term', '2027-01-04', '2027-03-26', 'Spring term'),
  e('INSET day', '2027-01-04', '2027-01-04', 'Staff training'),
  e('Holiday', '2027-02-15', '2027-02-19', 'Half term'),
  e('Bank holiday', '2027-03-26', '2027-03-26', 'Good Friday'),
  e('Term', '2027-04-12', '2027-07-21', 'Summer term'),
  e('Bank holiday', '2027-05-03', '2027-05-03', 'Early May bank holiday'),
  e('Holiday', '2027-05-31', '2027-06-04', 'Half term'),
]);

const open = (start: string): AbsencePeriod => ({ start, end: null });
const closed = (start: string, end: string): AbsencePeriod => ({ start, end });

describe('countAbsence', () => {
  it('reaches the 15-day point across October half term', () => {
    // From Mon 12 Oct: 12–16 Oct (5), 19–23 Oct (10), half term 26–30 Oct (not counted), 2–6 Nov (15).
    const r = countAbsence([open('2026-10-12')], CALENDAR, '2026-11-06');
    expect(r.consecutive).toBe(15);
    expect(r.cumulativeThisYear).toBe(15);
    expect(r.fifteenDayReachedOn).toBe('2026-11-06');
    expect(r.projectedFifteenDay).toBeNull();
    expect(r.daysUntilFifteen).toBe(0);
    expect(r.schoolDaysMissed).toHaveLength(15);
    expect(r.schoolDaysMissed).not.toContain('2026-10-26');
  });

  it('projects the 15th day over half term while the absence is open', () => {
    // Today Wed 21 Oct: 12–16 and 19–21 Oct = 8 days. Seven more: 22, 23 Oct, then 2–6 Nov → Fri 6 Nov.
    const r = countAbsence([open('2026-10-12')], CALENDAR, '2026-10-21');
    expect(r.consecutive).toBe(8);
    expect(r.cumulativeThisYear).toBe(8);
    expect(r.fifteenDayReachedOn).toBeNull();
    expect(r.projectedFifteenDay).toBe('2026-11-06');
    expect(r.daysUntilFifteen).toBe(7);
  });

  it('counts a day skipped by a snow day only once the school is open again', () => {
    // From Mon 23 Nov: 23–27 Nov (5), 30 Nov (6), Tue 1 Dec closed, 2–4 Dec (9).
    const r = countAbsence([open('2026-11-23')], CALENDAR, '2026-12-04');
    expect(r.consecutive).toBe(9);
    expect(r.schoolDaysMissed).not.toContain('2026-12-01');
  });

  it('adds two periods (returned, then ill again) to reach 15 cumulatively but not consecutively', () => {
    // Mon 7–Fri 11 Sep (5 days), back at school, then ill again from Mon 12 Oct: 12–16, 19–23 Oct (10).
    const periods = [closed('2026-09-07', '2026-09-11'), open('2026-10-12')];
    const r = countAbsence(periods, CALENDAR, '2026-10-23');
    expect(r.consecutive).toBe(10);
    expect(r.cumulativeThisYear).toBe(15);
    expect(r.fifteenDayReachedOn).toBe('2026-10-23');
    expect(r.daysUntilFifteen).toBe(0);

    // Three days earlier, on Tue 20 Oct: 5 + 7 = 12; three more school days → Fri 23 Oct.
    const earlier = countAbsence(periods, CALENDAR, '2026-10-20');
    expect(earlier.cumulativeThisYear).toBe(12);
    expect(earlier.projectedFifteenDay).toBe('2026-10-23');
    expect(earlier.daysUntilFifteen).toBe(3);
  });

  it('accepts unordered and overlapping periods, counting shared days once', () => {
    // Mon 28 Sep–Tue 6 Oct and Mon 5–Fri 9 Oct overlap: together 28 Sep–9 Oct = 10 school days.
    const r = countAbsence([closed('2026-10-05', '2026-10-09'), closed('2026-09-28', '2026-10-06')], CALENDAR, '2026-10-30');
    expect(r.cumulativeThisYear).toBe(10);
    expect(r.consecutive).toBe(10);
    expect(r.schoolDaysMissed[0]).toBe('2026-09-28');
    expect(r.schoolDaysMissed[9]).toBe('2026-10-09');
  });

  it('treats periods with only a weekend between them as one unbroken absence', () => {
    // Off Mon 7–Fri 11 Sep, entered again from Mon 14 Sep: the pupil never came back, so 8 days in a row.
    const r = countAbsence([closed('2026-09-07', '2026-09-11'), closed('2026-09-14', '2026-09-16')], CALENDAR, '2026-09-30');
    expect(r.consecutive).toBe(8);
    // With a school day (Mon 14) between them, the latest absence is only its own 2 days.
    const broken = countAbsence([closed('2026-09-07', '2026-09-11'), closed('2026-09-15', '2026-09-16')], CALENDAR, '2026-09-30');
    expect(broken.consecutive).toBe(2);
    expect(broken.cumulativeThisYear).toBe(7);
  });

  it('starts the cumulative count again in a new academic year', () => {
    // 2025/26: Mon 6–Wed 22 Jul 2026 = 13 days. 2026/27: Mon 14–Fri 18 Sep = 5 days.
    const r = countAbsence([closed('2026-07-06', '2026-07-22'), closed('2026-09-14', '2026-09-18')], CALENDAR, '2026-09-30');
    expect(r.cumulativeThisYear).toBe(5);
    expect(r.consecutive).toBe(5);
    expect(r.fifteenDayReachedOn).toBeNull();
    expect(r.schoolDaysMissed).toHaveLength(18);
    // The same periods seen from July 2026: 13 days in 2025/26, and the September days are in the future.
    const july = countAbsence([closed('2026-07-06', '2026-07-22'), closed('2026-09-14', '2026-09-18')], CALENDAR, '2026-07-22');
    expect(july.cumulativeThisYear).toBe(13);
  });

  it('keeps counting an unbroken absence consecutively across the summer holidays', () => {
    // Ill from Wed 8 Jul 2026 and still off: 8–10, 13–17, 20–22 Jul = 11 days; then Fri 4 Sep (12),
    // Mon 7 (13), Tue 8 (14), Wed 9 Sep (15). Only 6 of them are in 2026/27 by Fri 11 Sep.
    const r = countAbsence([open('2026-07-08')], CALENDAR, '2026-09-11');
    expect(r.consecutive).toBe(17);
    expect(r.cumulativeThisYear).toBe(6);
    expect(r.fifteenDayReachedOn).toBe('2026-09-09');
    expect(r.daysUntilFifteen).toBe(0);

    const friday = countAbsence([open('2026-07-08')], CALENDAR, '2026-09-04');
    expect(friday.consecutive).toBe(12);
    expect(friday.cumulativeThisYear).toBe(1);
    expect(friday.projectedFifteenDay).toBe('2026-09-09');
    expect(friday.daysUntilFifteen).toBe(3);
  });

  it('gives the date reached in the previous year for an absence that passed 15 days before September', () => {
    // From Mon 29 Jun 2026: 29 Jun–3 Jul (5), 6–10 (10), 13–17 Jul (15). Still off in September.
    const r = countAbsence([open('2026-06-29')], CALENDAR, '2026-09-08');
    expect(r.consecutive).toBe(21); // 18 in July, then Fri 4, Mon 7, Tue 8 Sep
    expect(r.cumulativeThisYear).toBe(3);
    expect(r.fifteenDayReachedOn).toBe('2026-07-17');
    expect(r.projectedFifteenDay).toBeNull();
  });

  it('never counts days after today, weekends or days before term', () => {
    // Period Thu 1–Fri 30 Oct, today Wed 7 Oct: 1, 2, 5, 6, 7 Oct.
    const r = countAbsence([closed('2026-10-01', '2026-10-30')], CALENDAR, '2026-10-07');
    expect(r.schoolDaysMissed).toEqual(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
    // A period starting on a Saturday counts from the Monday.
    const weekend = countAbsence([closed('2026-09-12', '2026-09-18')], CALENDAR, '2026-09-30');
    expect(weekend.schoolDaysMissed).toEqual(['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18']);
    // An absence from Tue 1 Sep counts from Fri 4 Sep: 1–2 Sep are before term and 3 Sep is an INSET day.
    expect(countAbsence([closed('2026-09-01', '2026-09-04')], CALENDAR, '2026-09-30').cumulativeThisYear).toBe(1);
  });

  it('does not project past a last day already entered', () => {
    // Period Thu 1–Fri 9 Oct entered in advance; today Wed 7 Oct. The 15th day would be well after 9 Oct.
    const r = countAbsence([closed('2026-10-01', '2026-10-09')], CALENDAR, '2026-10-07');
    expect(r.projectedFifteenDay).toBeNull();
    expect(r.daysUntilFifteen).toBeNull();
    // A last day of today means the absence has ended.
    expect(countAbsence([closed('2026-10-01', '2026-10-07')], CALENDAR, '2026-10-07').projectedFifteenDay).toBeNull();
  });

  it('projects nothing when the 15th day would fall beyond the calendar', () => {
    // From Mon 5 Jul 2027, today Tue 6 Jul: 2 days; only 11 school days are left in the calendar.
    const r = countAbsence([open('2027-07-05')], CALENDAR, '2027-07-06');
    expect(r.consecutive).toBe(2);
    expect(r.projectedFifteenDay).toBeNull();
    expect(r.daysUntilFifteen).toBeNull();
  });

  it('takes the threshold as a parameter', () => {
    // Threshold 10 from Mon 12 Oct: 12–16, 19–23 Oct → Fri 23 Oct.
    const r = countAbsence([open('2026-10-12')], CALENDAR, '2026-11-06', { threshold: 10 });
    expect(r.fifteenDayReachedOn).toBe('2026-10-23');
    expect(() => countAbsence([], CALENDAR, '2026-10-01', { threshold: 0 })).toThrow(RangeError);
  });

  it('gives zeros for no periods, and skips periods it cannot read', () => {
    const none = countAbsence([], CALENDAR, '2026-10-01');
    expect(none).toEqual({ consecutive: 0, cumulativeThisYear: 0, fifteenDayReachedOn: null, projectedFifteenDay: null, daysUntilFifteen: null, schoolDaysMissed: [] });
    const r = countAbsence([closed('2026-10-09', '2026-10-05'), { start: 'soon', end: null }, closed('2026-10-05', '2026-10-06')], CALENDAR, '2026-10-30');
    expect(r.cumulativeThisYear).toBe(2);
  });

  it('projects from the start of an absence that begins after today', () => {
    // Planned hospital stay from Mon 2 Nov, today Fri 23 Oct: days 1–15 are 2–20 Nov (three weeks).
    const r = countAbsence([open('2026-11-02')], CALENDAR, '2026-10-23');
    expect(r.consecutive).toBe(0);
    expect(r.projectedFifteenDay).toBe('2026-11-20');
    expect(r.daysUntilFifteen).toBe(15);
  });

  it('counts 5,000 cases alike (speed is measured by npm run bench)', () => {
    let total = 0;
    for (let i = 0; i < 5000; i++) {
      total += countAbsence([closed('2026-09-07', '2026-09-18'), open('2026-11-02')], CALENDAR, '2027-01-29').cumulativeThisYear;
    }
    // 10 days in September; from Mon 2 Nov: 2–30 Nov (21), 2–18 Dec (13, Tue 1 Dec closed), 5–29 Jan (19).
    expect(total).toBe(5000 * (10 + 21 + 13 + 19));
  });
});

describe('absenceSchoolDays', () => {
  it('lists merged school days up to a date', () => {
    expect(absenceSchoolDays([open('2026-10-22')], CALENDAR, '2026-11-03')).toEqual(['2026-10-22', '2026-10-23', '2026-11-02', '2026-11-03']);
  });
});

describe('validatePeriods', () => {
  it('accepts good periods', () => {
    expect(validatePeriods([closed('2026-09-07', '2026-09-11'), open('2026-10-12')], CALENDAR)).toEqual([]);
  });

  it('reports a last day before the first day', () => {
    expect(validatePeriods([closed('2026-09-09', '2026-09-07')], CALENDAR)).toEqual([
      { index: 0, severity: 'error', message: 'The last day of absence, Mon 7 Sep 2026, is before the first day of absence, Wed 9 Sep 2026.' },
    ]);
  });

  it('warns when the first day is not a school day', () => {
    expect(validatePeriods([closed('2026-09-12', '2026-09-18')], CALENDAR)).toEqual([
      { index: 0, severity: 'warning', message: 'The first day of absence, Sat 12 Sep 2026, is not a school day (Saturday).' },
    ]);
    expect(validatePeriods([open('2026-10-27')], CALENDAR)[0].message)
      .toBe('The first day of absence, Tue 27 Oct 2026, is not a school day (Half term (Holiday)).');
  });

  it('warns when a period is in a year with no term dates', () => {
    expect(validatePeriods([open('2027-09-06')], CALENDAR)).toEqual([
      { index: 0, severity: 'warning', message: 'The absence from Mon 6 Sep 2027 (still absent) falls partly or wholly in 2027/28, which has no term dates in the Calendar sheet, so its school days cannot be counted. Add the term dates for 2027/28 to the Calendar sheet.' },
    ]);
  });

  it('reports unreadable dates', () => {
    const problems = validatePeriods([{ start: '', end: null }, { start: '2026-09-07', end: '11/09/2026' }], CALENDAR);
    expect(problems.map((p) => [p.index, p.severity])).toEqual([[0, 'error'], [1, 'error']]);
    expect(problems[0].message).toBe('The first day of absence is missing or is not a date. Please enter it as DD/MM/YYYY, for example 07/09/2026.');
  });

  it('warns about overlapping periods', () => {
    expect(validatePeriods([open('2026-10-12'), closed('2026-10-05', '2026-10-13')], CALENDAR)).toEqual([
      { index: 0, severity: 'warning', message: 'The absence from Mon 12 Oct 2026 (still absent) overlaps the absence Mon 5 Oct 2026 to Tue 13 Oct 2026. Days in both are counted once.' },
    ]);
  });
});
