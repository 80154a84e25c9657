/**
 * The school's calendar, built from the rows the school enters on its Calendar sheet.
 *
 * A school day is a weekday inside a Term and not inside any Holiday, INSET day, Bank holiday or Closure.
 * The daily check asks about thousands of cases in one run, so the constructor lays the covered range out
 * once as a day-indexed table with running totals: each lookup afterwards is O(1).
 */
import {
  IsoDate,
  WEEKDAY_NAMES,
  academicYearOf,
  academicYearStarting,
  dayNumberFromParts,
  daysInMonth,
  formatLongDate,
  fromDayNumber,
  isValidIso,
  parseUserDate,
  toDayNumber,
  weekdayOfDayNumber,
} from './dates';
import { bankHolidaysForAcademicYears, easterSunday, englandBankHolidays } from './bankHolidays';

export type CalendarKind = 'Term' | 'Holiday' | 'INSET day' | 'Bank holiday' | 'Closure';

export const CALENDAR_KINDS: readonly CalendarKind[] = ['Term', 'Holiday', 'INSET day', 'Bank holiday', 'Closure'];

export interface CalendarEntry {
  kind: CalendarKind;
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
  description: string;
}

/** The words that mark a calendar row as an example the school should replace. */
export const EXAMPLE_MARK = "Example — replace with your school's dates";

/** Kinds that take days out of a term, most specific first: used to say why a day is not a school day. */
const CLOSED_KINDS_BY_PRIORITY: readonly CalendarKind[] = ['Bank holiday', 'INSET day', 'Closure', 'Holiday'];

function isWeekendDay(dayNumber: number): boolean {
  const w = weekdayOfDayNumber(dayNumber);
  return w === 0 || w === 6;
}

function describeClosedDay(entry: CalendarEntry): string {
  const d = entry.description.trim();
  switch (entry.kind) {
    case 'Holiday':
      return d ? `${d} (Holiday)` : 'Holiday';
    case 'INSET day':
      return d ? `INSET day: ${d}` : 'INSET day';
    case 'Bank holiday':
      return d ? `Bank holiday: ${d}` : 'Bank holiday';
    case 'Closure':
      return d ? `Closure: ${d}` : 'School closed';
    default:
      return d || entry.kind;
  }
}

interface DayRange {
  entry: CalendarEntry;
  from: number;
  to: number;
}

export class SchoolCalendar {
  readonly entries: readonly CalendarEntry[];
  /** Day number of the first day laid out in the tables (the first day of the earliest term). */
  private readonly base: number;
  /** 1 for a school day, 0 otherwise, for each day from base. */
  private readonly schoolDayFlags: Uint8Array;
  /** before[i] = school days strictly before day base + i. Length size + 1. */
  private readonly before: Int32Array;
  private readonly schoolDayNumbers: Int32Array;
  private readonly schoolDayIsos: IsoDate[];
  private readonly coveredStartYears: Set<number>;
  private readonly ranges: DayRange[];

  constructor(entries: readonly CalendarEntry[]) {
    this.entries = entries.slice();
    this.ranges = [];
    for (const entry of entries) {
      if (!isValidIso(entry.start) || !isValidIso(entry.end) || entry.end < entry.start) continue;
      this.ranges.push({ entry, from: toDayNumber(entry.start), to: toDayNumber(entry.end) });
    }
    const terms = this.ranges.filter((r) => r.entry.kind === 'Term');

    this.coveredStartYears = new Set();
    for (const t of terms) {
      const first = academicYearOf(t.entry.start).startYear;
      const last = academicYearOf(t.entry.end).startYear;
      for (let y = first; y <= last; y++) this.coveredStartYears.add(y);
    }

    if (terms.length === 0) {
      this.base = 0;
      this.schoolDayFlags = new Uint8Array(0);
      this.before = new Int32Array(1);
      this.schoolDayNumbers = new Int32Array(0);
      this.schoolDayIsos = [];
      return;
    }

    const base = Math.min(...terms.map((t) => t.from));
    const size = Math.max(...terms.map((t) => t.to)) - base + 1;
    const flags = new Uint8Array(size);
    for (const t of terms) flags.fill(1, t.from - base, t.to - base + 1);
    for (const r of this.ranges) {
      if (r.entry.kind === 'Term') continue;
      const from = Math.max(r.from, base);
      const to = Math.min(r.to, base + size - 1);
      if (from <= to) flags.fill(0, from - base, to - base + 1);
    }
    const before = new Int32Array(size + 1);
    const numbers: number[] = [];
    for (let i = 0; i < size; i++) {
      if (flags[i] === 1 && isWeekendDay(base + i)) flags[i] = 0;
      before[i + 1] = before[i] + flags[i];
      if (flags[i] === 1) numbers.push(base + i);
    }
    this.base = base;
    this.schoolDayFlags = flags;
    this.before = before;
    this.schoolDayNumbers = Int32Array.from(numbers);
    this.schoolDayIsos = numbers.map(fromDayNumber);
  }

  /** School days strictly before the day number (clamped to the laid-out range). */
  private countBefore(dayNumber: number): number {
    const i = dayNumber - this.base;
    if (i <= 0) return 0;
    if (i >= this.schoolDayFlags.length) return this.schoolDayNumbers.length;
    return this.before[i];
  }

  isSchoolDayNumber(dayNumber: number): boolean {
    const i = dayNumber - this.base;
    return i >= 0 && i < this.schoolDayFlags.length && this.schoolDayFlags[i] === 1;
  }

  isSchoolDay(iso: IsoDate): boolean {
    return this.isSchoolDayNumber(toDayNumber(iso));
  }

  /** Number of school days from `from` to `to`, both inclusive; 0 when to is before from. */
  countSchoolDays(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (b < a) return 0;
    return this.countBefore(b + 1) - this.countBefore(a);
  }

  /** School days from `from` to `to`, both inclusive, in date order. */
  schoolDaysInRange(from: IsoDate, to: IsoDate): IsoDate[] {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    if (b < a) return [];
    return this.schoolDayIsos.slice(this.countBefore(a), this.countBefore(b + 1));
  }

  /**
   * The date of the nth school day counting from `from` (n = 1 is the first school day on or after it).
   * Null when that day is beyond the last term in the calendar.
   */
  nthSchoolDayOnOrAfter(from: IsoDate, n: number): IsoDate | null {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number from 1: ${n}`);
    const index = this.countBefore(toDayNumber(from)) + n - 1;
    return index < this.schoolDayIsos.length ? this.schoolDayIsos[index] : null;
  }

  /** The first school day after the date, or null if the calendar has none. */
  nextSchoolDay(iso: IsoDate): IsoDate | null {
    return this.nthSchoolDayOnOrAfter(fromDayNumber(toDayNumber(iso) + 1), 1);
  }

  /** The last school day before the date, or null if the calendar has none. */
  previousSchoolDay(iso: IsoDate): IsoDate | null {
    const index = this.countBefore(toDayNumber(iso)) - 1;
    return index >= 0 ? this.schoolDayIsos[index] : null;
  }

  /** Whether the school has entered any term in the academic year containing the date. */
  covers(iso: IsoDate): boolean {
    return this.coveredStartYears.has(academicYearOf(iso).startYear);
  }

  get firstSchoolDay(): IsoDate | null {
    return this.schoolDayIsos.length ? this.schoolDayIsos[0] : null;
  }

  get lastSchoolDay(): IsoDate | null {
    return this.schoolDayIsos.length ? this.schoolDayIsos[this.schoolDayIsos.length - 1] : null;
  }

  /** Labels ('2026/27') of the academic years that have at least one term, in order. */
  academicYearsCovered(): string[] {
    return [...this.coveredStartYears].sort((a, b) => a - b).map((y) => academicYearStarting(y).label);
  }

  /**
   * Why the day is not a school day, in words for staff ('Saturday', 'Half term (Holiday)',
   * 'INSET day: Staff training', 'Bank holiday: Christmas Day', 'Outside term time'); null for a school day.
   */
  whyNotSchoolDay(iso: IsoDate): string | null {
    const dn = toDayNumber(iso);
    if (this.isSchoolDayNumber(dn)) return null;
    if (isWeekendDay(dn)) return WEEKDAY_NAMES[weekdayOfDayNumber(dn)];
    for (const kind of CLOSED_KINDS_BY_PRIORITY) {
      const hit = this.ranges.find((r) => r.entry.kind === kind && r.from <= dn && dn <= r.to);
      if (hit) return describeClosedDay(hit.entry);
    }
    if (!this.covers(iso)) {
      return `Outside the school calendar: no term dates have been entered for ${academicYearOf(iso).label}`;
    }
    return 'Outside term time';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading and checking the Calendar sheet
// ---------------------------------------------------------------------------------------------------------

/** One row of the Calendar sheet as read, before checking. `row` is the sheet row number shown to staff. */
export interface CalendarRow {
  row: number;
  kind: unknown;
  start: unknown;
  end: unknown;
  description?: unknown;
}

export interface CalendarProblem {
  /** Sheet row number, or null for a problem with the calendar as a whole. */
  row: number | null;
  /** 'error': the row is wrong and should be fixed; 'warning': allowed but probably not what was meant. */
  severity: 'error' | 'warning';
  message: string;
}

export interface CalendarValidation {
  /** Every row that could be read, in sheet order. Rows with unreadable dates or kinds are left out. */
  entries: CalendarEntry[];
  problems: CalendarProblem[];
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Reads a Kind cell, forgiving case, spacing and a missing ' day' ('inset' → 'INSET day'). */
export function parseCalendarKind(value: unknown): CalendarKind | null {
  if (typeof value !== 'string') return null;
  const key = value.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  switch (key) {
    case 'term':
      return 'Term';
    case 'holiday':
      return 'Holiday';
    case 'inset':
    case 'inset day':
      return 'INSET day';
    case 'bank holiday':
      return 'Bank holiday';
    case 'closure':
      return 'Closure';
    default:
      return null;
  }
}

/** '"Autumn term" (Thu 3 Sep 2026 to Fri 18 Dec 2026)', or 'on Mon 4 Jan 2027' when there is no description. */
function describeRange(entry: CalendarEntry): string {
  const single = entry.start === entry.end;
  const description = entry.description.trim();
  if (!description) {
    return single ? `on ${formatLongDate(entry.start)}` : `from ${formatLongDate(entry.start)} to ${formatLongDate(entry.end)}`;
  }
  const when = single ? formatLongDate(entry.start) : `${formatLongDate(entry.start)} to ${formatLongDate(entry.end)}`;
  return `"${description}" (${when})`;
}

/** Checks the Calendar sheet's rows and says, by row number, what to fix. */
export function validateCalendarEntries(rows: readonly CalendarRow[]): CalendarValidation {
  const problems: CalendarProblem[] = [];
  const read: { row: number; entry: CalendarEntry }[] = [];

  for (const r of rows) {
    if (isBlank(r.kind) && isBlank(r.start) && isBlank(r.end) && isBlank(r.description)) continue;
    const description = isBlank(r.description) ? '' : String(r.description).trim();
    const kind = parseCalendarKind(r.kind);
    let rowOk = true;
    if (!kind) {
      const shown = isBlank(r.kind) ? 'The Kind is blank' : `The Kind "${String(r.kind).trim()}" is not one we know`;
      problems.push({ row: r.row, severity: 'error',
        message: `Row ${r.row}: ${shown}. Use one of: ${CALENDAR_KINDS.join(', ')}.` });
      rowOk = false;
    }
    const start = parseUserDate(r.start);
    if (!start.ok) {
      problems.push({ row: r.row, severity: 'error', message: `Row ${r.row}, From: ${start.message}` });
      rowOk = false;
    }
    let endIso: IsoDate | null = null;
    if (isBlank(r.end)) {
      if (kind === 'Term' || kind === 'Holiday') {
        problems.push({ row: r.row, severity: 'error',
          message: `Row ${r.row}: the To date is missing. A ${kind.toLowerCase()} needs both a From and a To date.` });
        rowOk = false;
      } else if (start.ok) {
        endIso = start.date; // A single INSET day, bank holiday or closure needs only its date.
      }
    } else {
      const end = parseUserDate(r.end);
      if (end.ok) endIso = end.date;
      else {
        problems.push({ row: r.row, severity: 'error', message: `Row ${r.row}, To: ${end.message}` });
        rowOk = false;
      }
    }
    if (!rowOk || !kind || !start.ok || endIso === null) continue;
    if (endIso < start.date) {
      problems.push({ row: r.row, severity: 'error',
        message: `Row ${r.row}: the To date, ${formatLongDate(endIso)}, is before the From date, ${formatLongDate(start.date)}.` });
      continue;
    }
    read.push({ row: r.row, entry: { kind, start: start.date, end: endIso, description } });
  }

  const terms = read.filter((x) => x.entry.kind === 'Term');
  if (terms.length === 0) {
    problems.push({ row: null, severity: 'error',
      message: 'The calendar has no Term rows, so no day can be counted as a school day. Add a row for each term with its first and last day.' });
  }
  const byStart = terms.slice().sort((a, b) => (a.entry.start < b.entry.start ? -1 : a.entry.start > b.entry.start ? 1 : a.row - b.row));
  for (let i = 1; i < byStart.length; i++) {
    for (let j = 0; j < i; j++) {
      const earlier = byStart[j];
      const later = byStart[i];
      if (later.entry.start <= earlier.entry.end) {
        problems.push({ row: later.row, severity: 'error',
          message: `Row ${later.row}: the term ${describeRange(later.entry)} overlaps the term on row ${earlier.row}, ${describeRange(earlier.entry)}. Terms must not overlap: put a half-term in a Holiday row instead.` });
      }
    }
  }
  for (const x of read) {
    const k = x.entry.kind;
    if (k === 'Term' || k === 'Bank holiday') continue; // Bank holidays often fall in the holidays: that is normal.
    const insideSomeTerm = terms.some((t) => x.entry.start <= t.entry.end && t.entry.start <= x.entry.end);
    if (!insideSomeTerm) {
      problems.push({ row: x.row, severity: 'warning',
        message: `Row ${x.row}: the ${k === 'INSET day' ? 'INSET day' : k.toLowerCase()} ${describeRange(x.entry)} is not inside any term, so it changes nothing: days outside terms are never school days. Check its dates, or the term dates.` });
    }
  }

  return { entries: read.map((x) => x.entry), problems };
}

// ---------------------------------------------------------------------------------------------------------
// A starting calendar
// ---------------------------------------------------------------------------------------------------------

function nthWeekdayOf(year: number, month: number, weekdayWanted: number, n: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((weekdayWanted - weekdayOfDayNumber(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekdayOf(year: number, month: number, weekdayWanted: number): number {
  const last = dayNumberFromParts(year, month, daysInMonth(year, month));
  return last - ((weekdayOfDayNumber(last) - weekdayWanted + 7) % 7);
}

function onOrBeforeWeekday(dayNumber: number): number {
  let d = dayNumber;
  while (isWeekendDay(d)) d--;
  return d;
}

/** Typical English term dates for the academic year starting in September of startYear. */
function exampleTermsFor(startYear: number): CalendarEntry[] {
  const y1 = startYear;
  const y2 = startYear + 1;
  const entry = (kind: CalendarKind, from: number, to: number, what: string): CalendarEntry => ({
    kind, start: fromDayNumber(from), end: fromDayNumber(to), description: `${what} — ${EXAMPLE_MARK}`,
  });
  const MON = 1;
  const WED = 3;

  // Autumn: first Wednesday of September to the Friday before the week with Christmas Day in it.
  const autumnStart = nthWeekdayOf(y1, 9, WED, 1);
  const christmas = dayNumberFromParts(y1, 12, 25);
  const mondayOfChristmasWeek = christmas - ((weekdayOfDayNumber(christmas) + 6) % 7);
  const autumnEnd = mondayOfChristmasWeek - 3;
  const octoberHalfTerm = lastWeekdayOf(y1, 10, MON);

  // Spring: the first weekday from 4 January that is not a bank holiday, to the Friday before Easter holidays.
  const janBankHolidays = new Set(englandBankHolidays(y2).map((h) => h.date));
  let springStart = dayNumberFromParts(y2, 1, 4);
  while (isWeekendDay(springStart) || janBankHolidays.has(fromDayNumber(springStart))) springStart++;
  const februaryHalfTerm = nthWeekdayOf(y2, 2, MON, 3);
  const easter = toDayNumber(easterSunday(y2));
  const easterHolidayStart = easter - 6; // Monday of Holy Week
  const easterHolidayEnd = easter + 5; // Friday after Easter Monday

  // Summer: the Monday after the Easter holidays to about 22 July; half-term is Spring bank holiday week.
  const mayHalfTerm = lastWeekdayOf(y2, 5, MON);
  const summerEnd = onOrBeforeWeekday(dayNumberFromParts(y2, 7, 22));

  return [
    entry('Term', autumnStart, autumnEnd, `Autumn term ${y1}`),
    entry('Holiday', octoberHalfTerm, octoberHalfTerm + 4, 'October half term'),
    entry('Term', springStart, easterHolidayStart - 3, `Spring term ${y2}`),
    entry('Holiday', februaryHalfTerm, februaryHalfTerm + 4, 'February half term'),
    entry('Term', easterHolidayEnd + 3, summerEnd, `Summer term ${y2}`),
    entry('Holiday', mayHalfTerm, mayHalfTerm + 4, 'May half term'),
  ];
}

/**
 * A sensible first Calendar for the academic year containing todayIso and the next one: example term
 * dates (each marked with EXAMPLE_MARK, for the school to replace) and England's bank holidays.
 */
export function defaultCalendarEntries(todayIso: IsoDate): CalendarEntry[] {
  const startYear = academicYearOf(todayIso).startYear;
  const terms = [...exampleTermsFor(startYear), ...exampleTermsFor(startYear + 1)];
  const bankHolidays: CalendarEntry[] = bankHolidaysForAcademicYears(todayIso, 2).map((h) => ({
    kind: 'Bank holiday', start: h.date, end: h.date, description: h.name,
  }));
  return [...terms, ...bankHolidays].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
