/**
 * Bank holidays in England and Wales, computed from the rules gov.uk applies, plus a short table of
 * one-off changes made by Royal Proclamation. Computed rather than fetched so a school gets a sensible
 * calendar without any network call; the school can still edit the Calendar sheet.
 */
import {
  IsoDate,
  academicYearOf,
  academicYearStarting,
  dayNumberFromParts,
  daysInMonth,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
} from './dates';

export interface BankHoliday {
  date: IsoDate;
  name: string;
}

const SUBSTITUTE = ' (substitute day)';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromDayNumber(dayNumberFromParts(year, month, day));
}

function firstMondayOf(year: number, month: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((8 - weekdayOfDayNumber(first)) % 7);
}

function lastMondayOf(year: number, month: number): number {
  const last = dayNumberFromParts(year, month, daysInMonth(year, month));
  return last - ((weekdayOfDayNumber(last) + 6) % 7);
}

/** The next weekday on or after the day, skipping days already taken by another holiday. */
function nextFreeWeekday(dayNumber: number, taken: Set<number>): number {
  let d = dayNumber;
  while (weekdayOfDayNumber(d) === 0 || weekdayOfDayNumber(d) === 6 || taken.has(d)) d++;
  return d;
}

/**
 * One-off changes by Royal Proclamation. Only years whose dates are certain are listed; a future change
 * must be added here (or typed into the school's Calendar sheet, which always wins).
 * `replaces` names the regular holiday that moved; `add` lists extra holidays.
 */
export const BANK_HOLIDAY_EXCEPTIONS: ReadonlyArray<{
  year: number;
  replaces?: { name: string; date: IsoDate };
  add?: BankHoliday[];
  reason: string;
}> = [
  { year: 2011, add: [{ date: '2011-04-29', name: 'Royal wedding' }], reason: 'Wedding of Prince William and Catherine Middleton' },
  {
    year: 2012,
    replaces: { name: 'Spring bank holiday', date: '2012-06-04' },
    add: [{ date: '2012-06-05', name: 'Queen’s Diamond Jubilee' }],
    reason: 'Diamond Jubilee: Spring bank holiday moved to 4 June and an extra day on 5 June',
  },
  {
    year: 2020,
    replaces: { name: 'Early May bank holiday (VE day)', date: '2020-05-08' },
    reason: '75th anniversary of VE day: Early May bank holiday moved to Friday 8 May',
  },
  {
    year: 2022,
    replaces: { name: 'Spring bank holiday', date: '2022-06-02' },
    add: [
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
    ],
    reason: 'Platinum Jubilee: Spring bank holiday moved to 2 June and an extra day on 3 June; State Funeral on 19 September',
  },
  {
    year: 2023,
    add: [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }],
    reason: 'Coronation of King Charles III on 6 May',
  },
];

/** The proclaimed replacement for a regular holiday, matched by the start of its name. */
function movedHoliday(year: number, regularName: string): BankHoliday | null {
  for (const ex of BANK_HOLIDAY_EXCEPTIONS) {
    if (ex.year === year && ex.replaces && ex.replaces.name.startsWith(regularName)) return ex.replaces;
  }
  return null;
}

/** England and Wales bank holidays in a calendar year, sorted by date. */
export function englandBankHolidays(year: number): BankHoliday[] {
  const result: { day: number; name: string }[] = [];
  const taken = new Set<number>();
  const add = (day: number, name: string): void => {
    result.push({ day, name });
    taken.add(day);
  };

  // New Year's Day: when it falls on a weekend the following Monday is the holiday.
  const newYear = dayNumberFromParts(year, 1, 1);
  const newYearHoliday = nextFreeWeekday(newYear, taken);
  add(newYearHoliday, newYearHoliday === newYear ? 'New Year’s Day' : `New Year’s Day${SUBSTITUTE}`);

  const easter = toDayNumber(easterSunday(year));
  add(easter - 2, 'Good Friday');
  add(easter + 1, 'Easter Monday');

  const regular: { name: string; day: number }[] = [
    { name: 'Early May bank holiday', day: firstMondayOf(year, 5) },
    { name: 'Spring bank holiday', day: lastMondayOf(year, 5) },
  ];
  for (const r of regular) {
    const moved = movedHoliday(year, r.name);
    if (moved) {
      add(toDayNumber(moved.date), moved.name);
    } else {
      add(r.day, r.name);
    }
  }
  add(lastMondayOf(year, 8), 'Summer bank holiday');

  // Christmas Day and Boxing Day: a holiday on a weekend moves to the next weekday not already a holiday.
  // Christmas on Saturday: Christmas → Mon 27, Boxing Day → Tue 28. Christmas on Sunday: Boxing Day is
  // Mon 26 as usual, Christmas → Tue 27. Christmas on Friday: Boxing Day → Mon 28.
  const christmas = dayNumberFromParts(year, 12, 25);
  const boxing = christmas + 1;
  const boxingIsWeekday = weekdayOfDayNumber(boxing) !== 0 && weekdayOfDayNumber(boxing) !== 6;
  if (boxingIsWeekday) taken.add(boxing);
  const christmasHoliday = nextFreeWeekday(christmas, taken);
  add(christmasHoliday, christmasHoliday === christmas ? 'Christmas Day' : `Christmas Day${SUBSTITUTE}`);
  const boxingHoliday = boxingIsWeekday ? boxing : nextFreeWeekday(boxing, taken);
  add(boxingHoliday, boxingHoliday === boxing ? 'Boxing Day' : `Boxing Day${SUBSTITUTE}`);

  for (const ex of BANK_HOLIDAY_EXCEPTIONS) {
    if (ex.year !== year || !ex.add) continue;
    for (const extra of ex.add) {
      add(toDayNumber(extra.date), extra.name);
    }
  }

  return result
    .sort((a, b) => a.day - b.day)
    .map((h) => ({ date: fromDayNumber(h.day), name: h.name }));
}

/**
 * Bank holidays from 1 September of the academic year containing `fromIso` through `count` academic
 * years (count 2 = the current and next academic years), sorted by date.
 */
export function bankHolidaysForAcademicYears(fromIso: IsoDate, count: number): BankHoliday[] {
  const first = academicYearOf(fromIso);
  const last = academicYearStarting(first.startYear + Math.max(1, count) - 1);
  const out: BankHoliday[] = [];
  for (let year = first.startYear; year <= last.startYear + 1; year++) {
    for (const h of englandBankHolidays(year)) {
      if (h.date >= first.start && h.date <= last.end) out.push(h);
    }
  }
  return out;
}
