import {
  academicYearOf,
  addDays,
  compareIso,
  daysBetween,
  formatDateTime,
  formatLongDate,
  fromDayNumber,
  isValidIso,
  isWeekend,
  londonDateTime,
  londonMidnight,
  londonOffsetMinutes,
  maxIso,
  minIso,
  parseUserDate,
  toDayNumber,
  toIsoDate,
  weekday,
} from '../../src/domain/dates';

const at = (iso: string): Date => new Date(iso);

describe('londonOffsetMinutes', () => {
  it('is 0 in winter and 60 in summer', () => {
    expect(londonOffsetMinutes(at('2026-01-15T12:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2026-07-15T12:00:00Z'))).toBe(60);
  });

  it('starts BST at 01:00 UTC on Sunday 29 March 2026', () => {
    expect(londonOffsetMinutes(at('2026-03-29T00:59:59.999Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(60);
    // The day before the last Sunday is still GMT all day.
    expect(londonOffsetMinutes(at('2026-03-28T23:59:00Z'))).toBe(0);
  });

  it('ends BST at 01:00 UTC on Sunday 25 October 2026', () => {
    expect(londonOffsetMinutes(at('2026-10-25T00:59:59.999Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(0);
  });

  it('finds the last Sunday in other years (2024: 31 Mar and 27 Oct; 2027: 28 Mar and 31 Oct)', () => {
    expect(londonOffsetMinutes(at('2024-03-31T00:30:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2024-03-31T01:30:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2024-03-24T12:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2024-10-27T00:30:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2024-10-27T01:30:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2027-03-28T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2027-10-31T00:59:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2027-10-31T01:00:00Z'))).toBe(0);
  });

  it('rejects an invalid Date', () => {
    expect(() => londonOffsetMinutes(new Date(NaN))).toThrow(RangeError);
  });
});

describe('toIsoDate', () => {
  it('gives the London date of a Sheets cell holding local midnight in BST', () => {
    // 2026-06-01 00:00 BST is 2026-05-31 23:00 UTC.
    expect(toIsoDate(at('2026-05-31T23:00:00Z'))).toBe('2026-06-01');
  });

  it('gives the UTC date in GMT', () => {
    expect(toIsoDate(at('2026-01-31T23:00:00Z'))).toBe('2026-01-31');
    expect(toIsoDate(at('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });

  it('moves to the next day at 23:00 UTC only once BST has begun', () => {
    expect(toIsoDate(at('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // GMT: 23:30 Saturday
    expect(toIsoDate(at('2026-03-29T23:30:00Z'))).toBe('2026-03-30'); // BST: 00:30 Monday
  });

  it('handles the night the clocks go back', () => {
    expect(toIsoDate(at('2026-10-24T23:30:00Z'))).toBe('2026-10-25'); // BST: 00:30 Sunday
    expect(toIsoDate(at('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // GMT: 23:30 Sunday
  });
});

describe('londonMidnight and londonDateTime', () => {
  it('gives 00:00 London as an instant', () => {
    expect(londonMidnight('2026-06-01').toISOString()).toBe('2026-05-31T23:00:00.000Z');
    expect(londonMidnight('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    // On the day the clocks go forward, midnight is still GMT; on the day they go back, still BST.
    expect(londonMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonMidnight('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonMidnight('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('round-trips with toIsoDate for every day of 2026 and 2027', () => {
    let d = '2026-01-01';
    while (d <= '2027-12-31') {
      expect(toIsoDate(londonMidnight(d))).toBe(d);
      // One minute before midnight is the previous day.
      expect(toIsoDate(new Date(londonMidnight(d).getTime() - 60_000))).toBe(addDays(d, -1));
      d = addDays(d, 1);
    }
  });

  it('converts a London wall-clock time to an instant', () => {
    expect(londonDateTime('2026-07-01', '14:05').toISOString()).toBe('2026-07-01T13:05:00.000Z');
    expect(londonDateTime('2026-12-01', '09:30').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(londonDateTime('2026-12-01', '7:00').toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('reads a time in the skipped hour as GMT and a repeated hour as its first (BST) occurrence', () => {
    expect(londonDateTime('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonDateTime('2026-03-29', '02:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(londonDateTime('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonDateTime('2026-10-25', '02:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('rejects a time that is not HH:mm', () => {
    expect(() => londonDateTime('2026-07-01', '24:00')).toThrow(RangeError);
    expect(() => londonDateTime('2026-07-01', '9am')).toThrow(RangeError);
    expect(() => londonDateTime('2026-07-01', '12:60')).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addDays('2026-08-31', 1)).toBe('2026-09-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-09-07', 0)).toBe('2026-09-07');
    expect(addDays('2026-09-07', 365)).toBe('2027-09-07');
  });

  it('counts signed days between dates', () => {
    expect(daysBetween('2026-09-07', '2026-09-10')).toBe(3);
    expect(daysBetween('2026-09-10', '2026-09-07')).toBe(-3);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    // A day is a day even across the clock change.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('round-trips day numbers from 1900 to 2200', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2200-01-01'); n += 97) {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }
  });

  it('knows the day of the week', () => {
    expect(weekday('2026-09-07')).toBe(1); // Monday
    expect(weekday('2026-09-12')).toBe(6); // Saturday
    expect(weekday('2026-09-13')).toBe(0); // Sunday
    expect(weekday('1969-12-31')).toBe(3); // Wednesday, before the epoch
    expect(isWeekend('2026-09-12')).toBe(true);
    expect(isWeekend('2026-09-13')).toBe(true);
    expect(isWeekend('2026-09-11')).toBe(false);
  });

  it('compares, and finds the earliest and latest', () => {
    expect(['2026-10-01', '2026-09-07', '2027-01-01'].sort(compareIso)).toEqual(['2026-09-07', '2026-10-01', '2027-01-01']);
    expect(compareIso('2026-09-07', '2026-09-07')).toBe(0);
    expect(minIso('2026-10-01', '2026-09-07', '2027-01-01')).toBe('2026-09-07');
    expect(maxIso('2026-10-01', '2026-09-07', '2027-01-01')).toBe('2027-01-01');
    expect(() => minIso()).toThrow(RangeError);
  });

  it('says which strings are real dates', () => {
    expect(isValidIso('2026-09-07')).toBe(true);
    expect(isValidIso('2028-02-29')).toBe(true);
    expect(isValidIso('2027-02-29')).toBe(false);
    expect(isValidIso('2026-13-01')).toBe(false);
    expect(isValidIso('2026-9-7')).toBe(false);
    expect(isValidIso('07/09/2026')).toBe(false);
    expect(isValidIso(null)).toBe(false);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('formatting', () => {
  it('formats a date the British way', () => {
    expect(formatLongDate('2026-09-07')).toBe('Mon 7 Sep 2026');
    expect(formatLongDate('2026-12-25')).toBe('Fri 25 Dec 2026');
    expect(formatLongDate('2027-01-01')).toBe('Fri 1 Jan 2027');
  });

  it('formats an instant in London time', () => {
    expect(formatDateTime(at('2026-09-07T13:05:00Z'))).toBe('7 Sep 2026, 14:05');
    expect(formatDateTime(at('2026-12-07T09:05:00Z'))).toBe('7 Dec 2026, 09:05');
    expect(formatDateTime(at('2026-05-31T23:30:00Z'))).toBe('1 Jun 2026, 00:30');
  });
});

describe('parseUserDate', () => {
  const ok = (input: unknown): string => {
    const r = parseUserDate(input);
    if (!r.ok) throw new Error(`expected a date from ${String(input)}, got: ${r.message}`);
    return r.date;
  };
  const message = (input: unknown): string => {
    const r = parseUserDate(input);
    if (r.ok) throw new Error(`expected a problem with ${String(input)}, got ${r.date}`);
    return r.message;
  };

  it('reads a Date from a cell as its London calendar day', () => {
    expect(ok(at('2026-05-31T23:00:00Z'))).toBe('2026-06-01');
    expect(ok(at('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
  });

  it('reads the accepted text forms, day first', () => {
    expect(ok('2026-09-07')).toBe('2026-09-07');
    expect(ok('07/09/2026')).toBe('2026-09-07');
    expect(ok('7/9/2026')).toBe('2026-09-07');
    expect(ok('7/9/26')).toBe('2026-09-07');
    expect(ok('07.09.2026')).toBe('2026-09-07');
    expect(ok('07-09-2026')).toBe('2026-09-07');
    expect(ok('7 Sep 2026')).toBe('2026-09-07');
    expect(ok('7 September 2026')).toBe('2026-09-07');
    expect(ok('7 sept 2026')).toBe('2026-09-07');
    expect(ok('7th September 2026')).toBe('2026-09-07');
    expect(ok('Mon 7 Sep 2026')).toBe('2026-09-07');
    expect(ok('  12/01/2027  ')).toBe('2027-01-12'); // 12 January, never 1 December
    expect(ok('29/02/2028')).toBe('2028-02-29');
  });

  it('reads its own long format back', () => {
    expect(ok(formatLongDate('2026-10-25'))).toBe('2026-10-25');
  });

  it('says when a date does not exist', () => {
    expect(message('31/02/2026')).toBe('The date "31/02/2026" does not exist. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
    expect(message('29/02/2027')).toBe('The date "29/02/2027" does not exist. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
    expect(message('2026-04-31')).toContain('does not exist');
  });

  it('explains day-first order when the month is over 12 (a US-style date)', () => {
    expect(message('09/13/2026')).toBe('The date "09/13/2026" has no month 13. Dates are written day first, then month. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
  });

  it('names an unknown month name', () => {
    expect(message('7 Septober 2026')).toBe('"Septober" in "7 Septober 2026" is not the name of a month. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
  });

  it('says what is wrong with blanks, numbers and text it cannot read', () => {
    expect(message('')).toBe('No date was given. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
    expect(message(null)).toBe('No date was given. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
    expect(message('next Tuesday')).toBe('"next Tuesday" is not a date we can read. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
    expect(message(46000)).toBe('"46000" is not a date. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
    expect(message(new Date(NaN))).toBe('The cell does not hold a real date. Please enter a date as DD/MM/YYYY, for example 07/09/2026.');
    expect(message('07/09/0026')).toContain('is not a year we can use');
  });
});

describe('academicYearOf', () => {
  it('runs from 1 September to 31 August', () => {
    expect(academicYearOf('2026-09-01')).toEqual({ start: '2026-09-01', end: '2027-08-31', label: '2026/27', startYear: 2026 });
    expect(academicYearOf('2027-08-31')).toEqual({ start: '2026-09-01', end: '2027-08-31', label: '2026/27', startYear: 2026 });
    expect(academicYearOf('2026-08-31').label).toBe('2025/26');
    expect(academicYearOf('2099-12-01').label).toBe('2099/00');
  });
});
