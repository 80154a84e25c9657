import { bankHolidaysForAcademicYears, easterSunday, englandBankHolidays } from '../../src/domain/bankHolidays';
import { isWeekend } from '../../src/domain/dates';

describe('easterSunday', () => {
  it('matches known Easter Sundays', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2038)).toBe('2038-04-25'); // latest possible date
    expect(easterSunday(2285)).toBe('2285-03-22'); // earliest possible date
  });
});

describe('englandBankHolidays', () => {
  // Dates and names as published on https://www.gov.uk/bank-holidays (England and Wales).
  it('gives the gov.uk dates for 2025', () => {
    expect(englandBankHolidays(2025)).toEqual([
      { date: '2025-01-01', name: 'New Year’s Day' },
      { date: '2025-04-18', name: 'Good Friday' },
      { date: '2025-04-21', name: 'Easter Monday' },
      { date: '2025-05-05', name: 'Early May bank holiday' },
      { date: '2025-05-26', name: 'Spring bank holiday' },
      { date: '2025-08-25', name: 'Summer bank holiday' },
      { date: '2025-12-25', name: 'Christmas Day' },
      { date: '2025-12-26', name: 'Boxing Day' },
    ]);
  });

  it('gives the gov.uk dates for 2026, with Boxing Day moved to Monday 28 December', () => {
    expect(englandBankHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'New Year’s Day' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('gives the gov.uk dates for 2027, with both Christmas holidays moved (25 Dec is a Saturday)', () => {
    expect(englandBankHolidays(2027)).toEqual([
      { date: '2027-01-01', name: 'New Year’s Day' },
      { date: '2027-03-26', name: 'Good Friday' },
      { date: '2027-03-29', name: 'Easter Monday' },
      { date: '2027-05-03', name: 'Early May bank holiday' },
      { date: '2027-05-31', name: 'Spring bank holiday' },
      { date: '2027-08-30', name: 'Summer bank holiday' },
      { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('moves New Year’s Day off a weekend (2022: Sat → Mon 3 Jan; 2023: Sun → Mon 2 Jan)', () => {
    expect(englandBankHolidays(2022)[0]).toEqual({ date: '2022-01-03', name: 'New Year’s Day (substitute day)' });
    expect(englandBankHolidays(2023)[0]).toEqual({ date: '2023-01-02', name: 'New Year’s Day (substitute day)' });
  });

  it('moves Christmas Day to Tuesday when it falls on Sunday (2022) and Boxing Day keeps Monday', () => {
    const dec = englandBankHolidays(2022).filter((h) => h.date >= '2022-12-01');
    expect(dec).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('applies the proclaimed changes of 2020, 2022 and 2023', () => {
    const dates = (y: number): string[] => englandBankHolidays(y).map((h) => h.date);
    expect(dates(2020)).toContain('2020-05-08');
    expect(dates(2020)).not.toContain('2020-05-04');
    expect(dates(2022)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03', '2022-09-19']));
    expect(dates(2022)).not.toContain('2022-05-30');
    expect(dates(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-08', '2023-05-29']));
    expect(dates(2023)).toHaveLength(9);
  });

  it('always gives weekdays, in date order, eight a year in an ordinary year', () => {
    for (let year = 2024; year <= 2040; year++) {
      const list = englandBankHolidays(year);
      expect(list).toHaveLength(8);
      expect(list.every((h) => !isWeekend(h.date))).toBe(true);
      expect(list.map((h) => h.date)).toEqual(list.map((h) => h.date).slice().sort());
      expect(new Set(list.map((h) => h.date)).size).toBe(8);
    }
  });
});

describe('bankHolidaysForAcademicYears', () => {
  it('gives the current and next academic years, September to August', () => {
    const list = bankHolidaysForAcademicYears('2026-03-10', 2).map((h) => h.date);
    expect(list[0]).toBe('2025-12-25');
    expect(list[list.length - 1]).toBe('2027-08-30');
    expect(list).toEqual([
      '2025-12-25', '2025-12-26',
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31',
      '2026-12-25', '2026-12-28',
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30',
    ]);
  });

  it('starts from the academic year of the date given', () => {
    const list = bankHolidaysForAcademicYears('2026-09-01', 1).map((h) => h.date);
    expect(list[0]).toBe('2026-12-25');
    expect(list[list.length - 1]).toBe('2027-08-30');
    expect(list).toHaveLength(8);
  });
});
