/**
 * Calendar dates as the school sees them, in Europe/London.
 *
 * A school date is an ISO string 'YYYY-MM-DD' naming a London calendar day. All arithmetic is done on
 * day numbers (days since 1970-01-01) with integer maths, never on local-time Date objects: the Apps Script
 * runtime's time zone is the script's, not necessarily London's, and its Intl time-zone support is unreliable.
 * The UK daylight-saving rule is implemented directly instead.
 */

/** A London calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const SHORT_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const LONG_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'] as const;

const EXAMPLE_HINT = 'Please enter a date as DD/MM/YYYY, for example 07/09/2026.';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumberFromParts. */
export function partsFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Whether the text is a real calendar date written 'YYYY-MM-DD'. */
export function isValidIso(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (dayNumberMemo.has(value)) return true;
  const m = ISO_PATTERN.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function partsOf(iso: IsoDate): { year: number; month: number; day: number } {
  if (!isValidIso(iso)) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${String(iso)}`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/**
 * Conversions remembered within an execution. A register has thousands of rows but only a few
 * hundred distinct dates, and the daily check converts each date many times (100,000 contact
 * rows at 5,000 cases): looking the answer up is several times faster than working it out.
 * Bounded, so a long-lived process cannot grow them without limit.
 */
const MEMO_LIMIT = 20_000;
const dayNumberMemo = new Map<string, number>();
const isoMemo = new Map<number, IsoDate>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Days since 1970-01-01. Throws RangeError if the text is not a valid 'YYYY-MM-DD' date. */
export function toDayNumber(iso: IsoDate): number {
  const known = dayNumberMemo.get(iso);
  if (known !== undefined) return known;
  const { year, month, day } = partsOf(iso);
  return remember(dayNumberMemo, iso, dayNumberFromParts(year, month, day));
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const known = isoMemo.get(dayNumber);
  if (known !== undefined) return known;
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return remember(isoMemo, dayNumber, isoFromParts(year, month, day));
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Signed number of days from a to b: daysBetween('2026-09-07', '2026-09-10') === 3. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, from a day number (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(iso));
}

export function isWeekend(iso: IsoDate): boolean {
  const w = weekday(iso);
  return w === 0 || w === 6;
}

/** ISO dates sort as text; this names the intent and suits Array.prototype.sort. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minIso(...dates: IsoDate[]): IsoDate {
  if (dates.length === 0) throw new RangeError('minIso needs at least one date');
  return dates.reduce((m, d) => (d < m ? d : m));
}

export function maxIso(...dates: IsoDate[]): IsoDate {
  if (dates.length === 0) throw new RangeError('maxIso needs at least one date');
  return dates.reduce((m, d) => (d > m ? d : m));
}

/** Day of month of the last Sunday of a month (UTC calendar). */
function lastSundayOf(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const lastDayNumber = dayNumberFromParts(year, month, last);
  return last - weekdayOfDayNumber(lastDayNumber);
}

/**
 * Minutes London is ahead of UTC at this instant: 60 in British Summer Time, otherwise 0.
 * BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October
 * (Summer Time Order 2002, following EU Directive 2000/84/EC).
 */
export function londonOffsetMinutes(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  const year = instant.getUTCFullYear();
  const start = Date.UTC(year, 2, lastSundayOf(year, 3), 1);
  const end = Date.UTC(year, 9, lastSundayOf(year, 10), 1);
  return t >= start && t < end ? 60 : 0;
}

/** London wall-clock parts of an instant. */
function londonParts(instant: Date): { dayNumber: number; hours: number; minutes: number } {
  const shifted = instant.getTime() + londonOffsetMinutes(instant) * MS_PER_MINUTE;
  const dayNumber = Math.floor(shifted / MS_PER_DAY);
  const msOfDay = shifted - dayNumber * MS_PER_DAY;
  const totalMinutes = Math.floor(msOfDay / MS_PER_MINUTE);
  return { dayNumber, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

const instantDateMemo = new Map<number, IsoDate>();

/** The London calendar date of an instant: 2026-05-31T23:00Z (midnight BST) is '2026-06-01'. */
export function toIsoDate(instant: Date): IsoDate {
  const t = instant.getTime();
  const known = instantDateMemo.get(t);
  if (known !== undefined) return known;
  return remember(instantDateMemo, t, fromDayNumber(londonParts(instant).dayNumber));
}

/**
 * The instant at which London's wall clock reads this date and time. In the hour skipped when clocks go
 * forward (01:00–01:59 on the last Sunday of March) the time is read as GMT, which is the same moment as
 * an hour later in BST; in the hour repeated when clocks go back, the first (BST) occurrence is chosen.
 */
function londonWallClock(dayNumber: number, hours: number, minutes: number): Date {
  const asUtc = dayNumber * MS_PER_DAY + (hours * 60 + minutes) * MS_PER_MINUTE;
  const bst = new Date(asUtc - 60 * MS_PER_MINUTE);
  if (londonOffsetMinutes(bst) === 60) return bst;
  return new Date(asUtc);
}

/** The instant of 00:00 in London on that day. */
export function londonMidnight(iso: IsoDate): Date {
  return londonWallClock(toDayNumber(iso), 0, 0);
}

/** The instant at which London's clock shows that date and time 'HH:mm' (24-hour). */
export function londonDateTime(iso: IsoDate, time: string): Date {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`Not a time in the form HH:mm: ${time}`);
  return londonWallClock(toDayNumber(iso), Number(m[1]), Number(m[2]));
}

/** 'Mon 7 Sep 2026'. */
export function formatLongDate(iso: IsoDate): string {
  const dn = toDayNumber(iso);
  const { year, month, day } = partsFromDayNumber(dn);
  return `${SHORT_WEEKDAYS[weekdayOfDayNumber(dn)]} ${day} ${SHORT_MONTHS[month - 1]} ${year}`;
}

/** '7 Sep 2026, 14:05' in London time. */
export function formatDateTime(instant: Date): string {
  const { dayNumber, hours, minutes } = londonParts(instant);
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${day} ${SHORT_MONTHS[month - 1]} ${year}, ${pad2(hours)}:${pad2(minutes)}`;
}

export type ParsedDate = { ok: true; date: IsoDate } | { ok: false; message: string };

function monthFromName(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n === 'sept') return 9;
  for (let i = 0; i < LONG_MONTHS.length; i++) {
    if (n === LONG_MONTHS[i] || n === LONG_MONTHS[i].slice(0, 3)) return i + 1;
  }
  return null;
}

function checkParts(shown: string, year: number, month: number, day: number, dayFirst: boolean): ParsedDate {
  if (year < 1900 || year > 2199) {
    return { ok: false, message: `The year in "${shown}" (${year}) is not a year we can use. ${EXAMPLE_HINT}` };
  }
  if (month < 1 || month > 12) {
    const order = dayFirst ? ' Dates are written day first, then month.' : '';
    return { ok: false, message: `The date "${shown}" has no month ${month}.${order} ${EXAMPLE_HINT}` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `The date "${shown}" does not exist. ${EXAMPLE_HINT}` };
  }
  return { ok: true, date: isoFromParts(year, month, day) };
}

/**
 * Reads a date typed by a person or handed back by a Sheets cell. Accepts a Date (read as its London
 * calendar day), 'YYYY-MM-DD', 'DD/MM/YYYY' (also with '.' or '-'), 'D/M/YY' (20YY), '7 Sep 2026',
 * '7 September 2026' and 'Mon 7 Sep 2026'. Numbers are always day first: never US month-first order.
 */
export function parseUserDate(input: unknown): ParsedDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, message: `The cell does not hold a real date. ${EXAMPLE_HINT}` };
    return { ok: true, date: toIsoDate(input) };
  }
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) {
    return { ok: false, message: `No date was given. ${EXAMPLE_HINT}` };
  }
  if (typeof input !== 'string') {
    return { ok: false, message: `"${String(input)}" is not a date. ${EXAMPLE_HINT}` };
  }
  const text = input.trim().replace(/\s+/g, ' ');

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return checkParts(text, Number(m[1]), Number(m[2]), Number(m[3]), false);

  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const year = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    return checkParts(text, year, Number(m[3]), Number(m[1]), true);
  }

  m = /^(?:[A-Za-z]+,? )?(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/i.exec(text);
  if (m) {
    const month = monthFromName(m[2]);
    if (month === null) {
      return { ok: false, message: `"${m[2]}" in "${text}" is not the name of a month. ${EXAMPLE_HINT}` };
    }
    return checkParts(text, Number(m[3]), month, Number(m[1]), true);
  }

  return { ok: false, message: `"${text}" is not a date we can read. ${EXAMPLE_HINT}` };
}

export interface AcademicYear {
  /** 1 September. */
  start: IsoDate;
  /** 31 August of the following year. */
  end: IsoDate;
  /** '2026/27'. */
  label: string;
  /** The calendar year in which it starts. */
  startYear: number;
}

export function academicYearStarting(startYear: number): AcademicYear {
  return {
    start: isoFromParts(startYear, 9, 1),
    end: isoFromParts(startYear + 1, 8, 31),
    label: `${startYear}/${pad2((startYear + 1) % 100)}`,
    startYear,
  };
}

/** The academic year (1 September to 31 August) containing the date. */
export function academicYearOf(iso: IsoDate): AcademicYear {
  const { year, month } = partsOf(iso);
  return academicYearStarting(month >= 9 ? year : year - 1);
}
