import {
  CalendarEntry,
  CalendarRow,
  EXAMPLE_MARK,
  SchoolCalendar,
  defaultCalendarEntries,
  parseCalendarKind,
  validateCalendarEntries,
} from '../../src/domain/calendar';
import { addDays, isWeekend } from '../../src/domain/dates';

const e = (kind: CalendarEntry['kind'], start: string, end: string, description: string): CalendarEntry => ({ kind, start, end, description });

/**
 * Academic year 2026/27 as a school might enter it. Hand counts of school days:
 *  Autumn 3 Sep–18 Dec 2026: weekdays Sep 20 + Oct 22 + Nov 21 + Dec 1–18 14 = 77,
 *    less INSET Thu 3 Sep, half term 26–30 Oct (5), snow day Tue 1 Dec = 70.
 *  Spring 4 Jan–26 Mar 2027: exactly 12 weeks = 60 weekdays, less INSET Mon 4 Jan, half term 15–19 Feb (5),
 *    Good Friday 26 Mar = 53.
 *  Summer 12 Apr–21 Jul 2027: 14 weeks to 16 Jul = 70, plus 19–21 Jul = 73, less Early May Mon 3 May and
 *    half term 31 May–4 Jun (5, with Spring bank holiday inside it) = 67.
 *  Total 190: the statutory number of pupil days.
 */
const ENTRIES_2026_27: CalendarEntry[] = [
  e('Term', '2026-09-03', '2026-12-18', 'Autumn term'),
  e('INSET day', '2026-09-03', '2026-09-03', 'Staff training'),
  e('Holiday', '2026-10-26', '2026-10-30', 'Half term'),
  e('Closure', '2026-12-01', '2026-12-01', 'Snow day'),
  e('Bank holiday', '2026-12-25', '2026-12-25', 'Christmas Day'),
  e('Bank holiday', '2026-12-28', '2026-12-28', 'Boxing Day (substitute day)'),
  e('Bank holiday', '2027-01-01', '2027-01-01', 'New Year’s Day'),
  e('Term', '2027-01-04', '2027-03-26', 'Spring term'),
  e('INSET day', '2027-01-04', '2027-01-04', 'Staff training'),
  e('Holiday', '2027-02-15', '2027-02-19', 'Half term'),
  e('Bank holiday', '2027-03-26', '2027-03-26', 'Good Friday'),
  e('Bank holiday', '2027-03-29', '2027-03-29', 'Easter Monday'),
  e('Term', '2027-04-12', '2027-07-21', 'Summer term'),
  e('Bank holiday', '2027-05-03', '2027-05-03', 'Early May bank holiday'),
  e('Holiday', '2027-05-31', '2027-06-04', 'Half term'),
  e('Bank holiday', '2027-05-31', '2027-05-31', 'Spring bank holiday'),
];

describe('SchoolCalendar', () => {
  const cal = new SchoolCalendar(ENTRIES_2026_27);

  it('counts the hand-counted school days of each term and the year', () => {
    expect(cal.countSchoolDays('2026-09-03', '2026-12-18')).toBe(70);
    expect(cal.countSchoolDays('2027-01-04', '2027-03-26')).toBe(53);
    expect(cal.countSchoolDays('2027-04-12', '2027-07-21')).toBe(67);
    expect(cal.countSchoolDays('2026-09-01', '2027-08-31')).toBe(190);
    expect(cal.countSchoolDays('2020-01-01', '2030-01-01')).toBe(190);
  });

  it('counts inclusively and gives 0 for a backwards range', () => {
    expect(cal.countSchoolDays('2026-09-07', '2026-09-07')).toBe(1);
    expect(cal.countSchoolDays('2026-09-07', '2026-09-11')).toBe(5);
    expect(cal.countSchoolDays('2026-09-11', '2026-09-07')).toBe(0);
    // Sep: Fri 4 (3rd is INSET), then the week of 7th.
    expect(cal.countSchoolDays('2026-09-01', '2026-09-11')).toBe(6);
  });

  it('says which days are school days', () => {
    expect(cal.isSchoolDay('2026-09-04')).toBe(true);
    expect(cal.isSchoolDay('2026-09-03')).toBe(false); // INSET
    expect(cal.isSchoolDay('2026-09-05')).toBe(false); // Saturday
    expect(cal.isSchoolDay('2026-10-28')).toBe(false); // half term
    expect(cal.isSchoolDay('2026-12-01')).toBe(false); // snow day
    expect(cal.isSchoolDay('2026-12-21')).toBe(false); // Christmas holidays
    expect(cal.isSchoolDay('2027-03-25')).toBe(true);
    expect(cal.isSchoolDay('2027-03-26')).toBe(false); // Good Friday inside the term dates
    expect(cal.isSchoolDay('2027-07-21')).toBe(true);
    expect(cal.isSchoolDay('2027-07-22')).toBe(false);
    expect(cal.isSchoolDay('2025-09-10')).toBe(false);
  });

  it('lists the school days in a range that crosses half term', () => {
    expect(cal.schoolDaysInRange('2026-10-22', '2026-11-03')).toEqual([
      '2026-10-22', '2026-10-23', '2026-11-02', '2026-11-03',
    ]);
    expect(cal.schoolDaysInRange('2026-11-28', '2026-12-02')).toEqual(['2026-11-30', '2026-12-02']);
    expect(cal.schoolDaysInRange('2026-12-19', '2027-01-04')).toEqual([]);
    expect(cal.schoolDaysInRange('2027-07-20', '2027-09-30')).toEqual(['2027-07-20', '2027-07-21']);
  });

  it('finds the nth school day on or after a date', () => {
    expect(cal.nthSchoolDayOnOrAfter('2026-10-19', 1)).toBe('2026-10-19');
    expect(cal.nthSchoolDayOnOrAfter('2026-10-17', 1)).toBe('2026-10-19'); // from a Saturday
    // 19–23 Oct are days 1–5, half term, then 2 Nov is day 6.
    expect(cal.nthSchoolDayOnOrAfter('2026-10-19', 6)).toBe('2026-11-02');
    expect(cal.nthSchoolDayOnOrAfter('2026-09-01', 1)).toBe('2026-09-04');
    expect(cal.nthSchoolDayOnOrAfter('2026-09-01', 190)).toBe('2027-07-21');
    expect(cal.nthSchoolDayOnOrAfter('2026-09-01', 191)).toBeNull();
    expect(cal.nthSchoolDayOnOrAfter('2027-07-22', 1)).toBeNull();
    expect(() => cal.nthSchoolDayOnOrAfter('2026-09-01', 0)).toThrow(RangeError);
  });

  it('finds the next and previous school days', () => {
    expect(cal.nextSchoolDay('2026-10-23')).toBe('2026-11-02');
    expect(cal.previousSchoolDay('2026-11-02')).toBe('2026-10-23');
    expect(cal.nextSchoolDay('2026-11-30')).toBe('2026-12-02');
    expect(cal.previousSchoolDay('2027-01-05')).toBe('2026-12-18');
    expect(cal.nextSchoolDay('2027-07-21')).toBeNull();
    expect(cal.previousSchoolDay('2026-09-04')).toBeNull();
    expect(cal.previousSchoolDay('2030-01-01')).toBe('2027-07-21');
    expect(cal.nextSchoolDay('2020-01-01')).toBe('2026-09-04');
  });

  it('knows which academic years it covers', () => {
    expect(cal.covers('2026-09-01')).toBe(true);
    expect(cal.covers('2027-08-31')).toBe(true);
    expect(cal.covers('2026-08-31')).toBe(false);
    expect(cal.covers('2027-09-01')).toBe(false);
    expect(cal.academicYearsCovered()).toEqual(['2026/27']);
    expect(cal.firstSchoolDay).toBe('2026-09-04');
    expect(cal.lastSchoolDay).toBe('2027-07-21');
  });

  it('says in words why a day is not a school day', () => {
    expect(cal.whyNotSchoolDay('2026-09-05')).toBe('Saturday');
    expect(cal.whyNotSchoolDay('2026-09-06')).toBe('Sunday');
    expect(cal.whyNotSchoolDay('2026-10-27')).toBe('Half term (Holiday)');
    expect(cal.whyNotSchoolDay('2026-09-03')).toBe('INSET day: Staff training');
    expect(cal.whyNotSchoolDay('2026-12-25')).toBe('Bank holiday: Christmas Day');
    expect(cal.whyNotSchoolDay('2026-12-01')).toBe('Closure: Snow day');
    // The Spring bank holiday is inside the May half term: the more specific reason is given.
    expect(cal.whyNotSchoolDay('2027-05-31')).toBe('Bank holiday: Spring bank holiday');
    expect(cal.whyNotSchoolDay('2026-12-22')).toBe('Outside term time');
    expect(cal.whyNotSchoolDay('2027-09-07')).toBe('Outside the school calendar: no term dates have been entered for 2027/28');
    expect(cal.whyNotSchoolDay('2026-09-04')).toBeNull();
  });

  it('treats an empty calendar as having no school days', () => {
    const empty = new SchoolCalendar([]);
    expect(empty.isSchoolDay('2026-09-07')).toBe(false);
    expect(empty.countSchoolDays('2026-09-01', '2027-08-31')).toBe(0);
    expect(empty.nthSchoolDayOnOrAfter('2026-09-01', 1)).toBeNull();
    expect(empty.covers('2026-09-07')).toBe(false);
    expect(empty.firstSchoolDay).toBeNull();
  });

  it('ignores entries whose end is before their start', () => {
    const c = new SchoolCalendar([e('Term', '2026-09-07', '2026-09-11', 'T'), e('Holiday', '2026-09-10', '2026-09-08', 'bad')]);
    expect(c.countSchoolDays('2026-09-01', '2026-09-30')).toBe(5);
  });

  it('agrees with a day-by-day count on every range start in the year', () => {
    // A slow reference implementation, to check the running totals.
    const slowCount = (from: string, to: string): number => {
      let n = 0;
      for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isSchoolDay(d)) n++;
      return n;
    };
    for (let d = '2026-08-25'; d <= '2027-07-31'; d = addDays(d, 11)) {
      expect(cal.countSchoolDays(d, addDays(d, 40))).toBe(slowCount(d, addDays(d, 40)));
    }
  });
});

describe('parseCalendarKind', () => {
  it('forgives case and spacing', () => {
    expect(parseCalendarKind('term')).toBe('Term');
    expect(parseCalendarKind(' INSET ')).toBe('INSET day');
    expect(parseCalendarKind('Inset day')).toBe('INSET day');
    expect(parseCalendarKind('bank-holiday')).toBe('Bank holiday');
    expect(parseCalendarKind('Closure')).toBe('Closure');
    expect(parseCalendarKind('Half term')).toBeNull();
    expect(parseCalendarKind(3)).toBeNull();
  });
});

describe('validateCalendarEntries', () => {
  const row = (r: number, kind: unknown, start: unknown, end: unknown, description = ''): CalendarRow => ({ row: r, kind, start, end, description });

  it('reads good rows, including Dates from cells and single days without a To date', () => {
    const { entries, problems } = validateCalendarEntries([
      row(2, 'Term', '03/09/2026', new Date('2026-12-18T00:00:00Z'), 'Autumn term'),
      row(3, 'inset', '2026-09-03', '', 'Staff training'),
      row(4, '', '', '', ''),
    ]);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      e('Term', '2026-09-03', '2026-12-18', 'Autumn term'),
      e('INSET day', '2026-09-03', '2026-09-03', 'Staff training'),
    ]);
  });

  it('reports an unknown kind with its row number', () => {
    const { entries, problems } = validateCalendarEntries([
      row(2, 'Term', '2026-09-03', '2026-12-18'),
      row(5, 'Half-term', '2026-10-26', '2026-10-30'),
    ]);
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([{ row: 5, severity: 'error',
      message: 'Row 5: The Kind "Half-term" is not one we know. Use one of: Term, Holiday, INSET day, Bank holiday, Closure.' }]);
  });

  it('reports an end before the start', () => {
    const { entries, problems } = validateCalendarEntries([
      row(2, 'Term', '2026-09-03', '2026-12-18'),
      row(3, 'Holiday', '30/10/2026', '26/10/2026', 'Half term'),
    ]);
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([{ row: 3, severity: 'error',
      message: 'Row 3: the To date, Mon 26 Oct 2026, is before the From date, Fri 30 Oct 2026.' }]);
  });

  it('reports unreadable dates and a term without a To date', () => {
    const { problems } = validateCalendarEntries([
      row(2, 'Term', '31/02/2026', '2026-12-18'),
      row(3, 'Term', '2027-01-04', ''),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Row 2, From: The date "31/02/2026" does not exist. Please enter a date as DD/MM/YYYY, for example 07/09/2026.',
      'Row 3: the To date is missing. A term needs both a From and a To date.',
      'The calendar has no Term rows, so no day can be counted as a school day. Add a row for each term with its first and last day.',
    ]);
  });

  it('reports overlapping terms', () => {
    const { entries, problems } = validateCalendarEntries([
      row(2, 'Term', '2026-09-03', '2026-12-18', 'Autumn term'),
      row(3, 'Term', '2026-12-14', '2027-03-26', 'Spring term'),
    ]);
    expect(entries).toHaveLength(2);
    expect(problems).toEqual([{ row: 3, severity: 'error',
      message: 'Row 3: the term "Spring term" (Mon 14 Dec 2026 to Fri 26 Mar 2027) overlaps the term on row 2, "Autumn term" (Thu 3 Sep 2026 to Fri 18 Dec 2026). Terms must not overlap: put a half-term in a Holiday row instead.' }]);
  });

  it('warns about a holiday or INSET day outside every term, but not a bank holiday', () => {
    const { problems } = validateCalendarEntries([
      row(2, 'Term', '2026-09-03', '2026-12-18', 'Autumn term'),
      row(3, 'Holiday', '2026-12-21', '2027-01-01', 'Christmas holidays'),
      row(4, 'INSET day', '2027-01-04', '', ''),
      row(5, 'Bank holiday', '2026-12-25', '', 'Christmas Day'),
      row(6, 'Holiday', '2026-12-14', '2026-12-31', 'Starts inside the term'),
    ]);
    expect(problems).toEqual([
      { row: 3, severity: 'warning', message: 'Row 3: the holiday "Christmas holidays" (Mon 21 Dec 2026 to Fri 1 Jan 2027) is not inside any term, so it changes nothing: days outside terms are never school days. Check its dates, or the term dates.' },
      { row: 4, severity: 'warning', message: 'Row 4: the INSET day on Mon 4 Jan 2027 is not inside any term, so it changes nothing: days outside terms are never school days. Check its dates, or the term dates.' },
    ]);
  });
});

describe('defaultCalendarEntries', () => {
  const entries = defaultCalendarEntries('2026-03-10');
  const terms = entries.filter((x) => x.kind === 'Term');

  it('gives three example terms for each of the current and next academic years', () => {
    expect(terms.map((t) => [t.start, t.end])).toEqual([
      ['2025-09-03', '2025-12-19'], // first Wednesday of Sep; Christmas week starts Mon 22 Dec
      ['2026-01-05', '2026-03-27'], // Easter 5 Apr: holidays 30 Mar–10 Apr
      ['2026-04-13', '2026-07-22'],
      ['2026-09-02', '2026-12-18'], // Christmas Day is Fri 25 Dec: that week starts Mon 21 Dec
      ['2027-01-04', '2027-03-19'], // Easter 28 Mar: holidays 22 Mar–2 Apr
      ['2027-04-05', '2027-07-22'],
    ]);
  });

  it('puts half terms in late October, mid-February and Spring bank holiday week', () => {
    const holidays = entries.filter((x) => x.kind === 'Holiday').map((h) => [h.start, h.end]);
    expect(holidays).toEqual([
      ['2025-10-27', '2025-10-31'], ['2026-02-16', '2026-02-20'], ['2026-05-25', '2026-05-29'],
      ['2026-10-26', '2026-10-30'], ['2027-02-15', '2027-02-19'], ['2027-05-31', '2027-06-04'],
    ]);
  });

  it('marks every made-up row as an example, and names bank holidays plainly', () => {
    for (const x of entries) {
      if (x.kind === 'Bank holiday') expect(x.description).not.toContain(EXAMPLE_MARK);
      else expect(x.description).toContain("Example — replace with your school's dates");
    }
    const bank = entries.filter((x) => x.kind === 'Bank holiday');
    expect(bank).toHaveLength(16);
    expect(bank).toContainEqual(e('Bank holiday', '2026-12-28', '2026-12-28', 'Boxing Day (substitute day)'));
  });

  it('makes a valid calendar of about 195 days a year, none of them weekends or bank holidays', () => {
    const rows = entries.map((x, i) => ({ row: i + 2, kind: x.kind, start: x.start, end: x.end, description: x.description }));
    expect(validateCalendarEntries(rows).problems).toEqual([]);
    const cal = new SchoolCalendar(entries);
    expect(cal.countSchoolDays('2025-09-01', '2026-08-31')).toBe(195);
    expect(cal.countSchoolDays('2026-09-01', '2027-08-31')).toBe(196);
    const days = cal.schoolDaysInRange('2025-09-01', '2027-08-31');
    expect(days.some(isWeekend)).toBe(false);
    expect(days).not.toContain('2026-05-04');
    expect(cal.covers('2027-06-01')).toBe(true);
    expect(cal.covers('2027-09-01')).toBe(false);
  });

  it('starts from the academic year of the date given', () => {
    const autumn = defaultCalendarEntries('2026-09-01').filter((x) => x.kind === 'Term')[0];
    expect(autumn.start).toBe('2026-09-02');
  });
});
