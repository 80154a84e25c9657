/**
 * Counting the school days a pupil has missed, against the 15-school-day point in the statutory guidance:
 * the LA should arrange education as soon as it is clear a child will miss more than 15 school days,
 * consecutively or cumulatively, and the school makes its sickness return at that point. The cumulative
 * count runs within one academic year (1 September to 31 August).
 */
import { IsoDate, academicYearOf, formatLongDate, fromDayNumber, isValidIso, toDayNumber } from './dates';
import type { SchoolCalendar } from './calendar';

export interface AbsencePeriod {
  /** First day of absence. */
  start: IsoDate;
  /** Last day of absence, inclusive; null while the pupil is still absent. */
  end: IsoDate | null;
}

export const DEFAULT_THRESHOLD = 15;

export interface AbsenceCountOptions {
  /** School days that trigger the LA sickness return (default 15). */
  threshold?: number;
}

export interface AbsenceCount {
  /** School days missed in the latest absence (periods with no school day between them are one absence), up to today. */
  consecutive: number;
  /** School days missed in all periods within today's academic year, up to today. */
  cumulativeThisYear: number;
  /**
   * The school day on which the threshold was reached: the threshold-th day missed in today's academic
   * year, or, if earlier, the threshold-th day of one unbroken absence that runs into this academic year
   * (an absence that began before 1 September still counts consecutively). Null if not yet reached.
   */
  fifteenDayReachedOn: IsoDate | null;
  /**
   * For an absence still running after today (no last day, or a last day after today): the school day on
   * which the threshold would be reached if it continues, within its last day if one is given. Null when
   * already reached, when there is no running absence, or when the day falls beyond the calendar.
   */
  projectedFifteenDay: IsoDate | null;
  /** 0 once reached; the school days after today up to and including the projected day; otherwise null. */
  daysUntilFifteen: number | null;
  /** Every school day missed in the given periods up to today, in date order, with overlaps counted once. */
  schoolDaysMissed: IsoDate[];
}

/** A run of absence in day numbers; `to` is Infinity while open. */
interface Run {
  from: number;
  to: number;
}

/**
 * Sorts and joins the periods that can be read: overlapping ones, and ones with no school day between
 * them (a pupil off on Friday and again from Monday never came back). Unreadable periods are skipped;
 * validatePeriods reports them.
 */
function mergeRuns(periods: readonly AbsencePeriod[], calendar: SchoolCalendar): Run[] {
  const runs: Run[] = [];
  for (const p of periods) {
    if (!isValidIso(p.start)) continue;
    if (p.end !== null && (!isValidIso(p.end) || p.end < p.start)) continue;
    runs.push({ from: toDayNumber(p.start), to: p.end === null ? Infinity : toDayNumber(p.end) });
  }
  runs.sort((a, b) => a.from - b.from);
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && (r.from <= last.to + 1
      || calendar.countSchoolDays(fromDayNumber(last.to + 1), fromDayNumber(r.from - 1)) === 0)) {
      last.to = Math.max(last.to, r.to);
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

function missedDaysOfRun(run: Run, calendar: SchoolCalendar, upTo: number): IsoDate[] {
  const to = Math.min(run.to, upTo);
  if (run.from > to) return [];
  return calendar.schoolDaysInRange(fromDayNumber(run.from), fromDayNumber(to));
}

/** Every school day missed in the periods up to and including upTo, in date order, overlaps counted once. */
export function absenceSchoolDays(periods: readonly AbsencePeriod[], calendar: SchoolCalendar, upTo: IsoDate): IsoDate[] {
  const limit = toDayNumber(upTo);
  const out: IsoDate[] = [];
  for (const run of mergeRuns(periods, calendar)) {
    for (const d of missedDaysOfRun(run, calendar, limit)) out.push(d);
  }
  return out;
}

export function countAbsence(
  periods: readonly AbsencePeriod[],
  calendar: SchoolCalendar,
  today: IsoDate,
  options: AbsenceCountOptions = {},
): AbsenceCount {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a whole number from 1: ${threshold}`);
  const todayN = toDayNumber(today);
  const year = academicYearOf(today);
  const runs = mergeRuns(periods, calendar);

  const runDays = runs.map((r) => missedDaysOfRun(r, calendar, todayN));
  const schoolDaysMissed = runDays.flat();
  const missedThisYear = schoolDaysMissed.filter((d) => d >= year.start);
  const cumulativeThisYear = missedThisYear.length;

  let latest = -1;
  for (let i = 0; i < runs.length; i++) if (runs[i].from <= todayN) latest = i;
  const consecutive = latest >= 0 ? runDays[latest].length : 0;

  let reached: IsoDate | null = missedThisYear.length >= threshold ? missedThisYear[threshold - 1] : null;
  // An unbroken absence still running on or after 1 September counts consecutively across the year boundary.
  const yearStartN = toDayNumber(year.start);
  for (let i = 0; i < runs.length; i++) {
    const days = runDays[i];
    const reachesThisYear = runs[i].to >= yearStartN;
    if (reachesThisYear && days.length >= threshold && (reached === null || days[threshold - 1] < reached)) {
      reached = days[threshold - 1];
    }
  }

  let projected: IsoDate | null = null;
  const last = runs[runs.length - 1];
  if (reached === null && last && last.to > todayN) {
    const countFrom = fromDayNumber(Math.max(last.from, todayN + 1));
    const soFar = last.from <= todayN ? consecutive : 0;
    const candidates: IsoDate[] = [];
    const byRun = calendar.nthSchoolDayOnOrAfter(countFrom, threshold - soFar);
    if (byRun) candidates.push(byRun);
    const byYear = calendar.nthSchoolDayOnOrAfter(countFrom, threshold - cumulativeThisYear);
    if (byYear && byYear <= year.end) candidates.push(byYear);
    const earliest = candidates.sort()[0];
    if (earliest !== undefined && (last.to === Infinity || toDayNumber(earliest) <= last.to)) projected = earliest;
  }

  let daysUntilFifteen: number | null = null;
  if (reached !== null) daysUntilFifteen = 0;
  else if (projected !== null) daysUntilFifteen = calendar.countSchoolDays(fromDayNumber(todayN + 1), projected);

  return {
    consecutive,
    cumulativeThisYear,
    fifteenDayReachedOn: reached,
    projectedFifteenDay: projected,
    daysUntilFifteen,
    schoolDaysMissed,
  };
}

export interface PeriodProblem {
  /** Position of the period in the list given. */
  index: number;
  /** 'error': the period cannot be counted as entered; 'warning': counted, but check it. */
  severity: 'error' | 'warning';
  message: string;
}

function describePeriod(p: AbsencePeriod): string {
  return p.end === null ? `from ${formatLongDate(p.start)} (still absent)` : `${formatLongDate(p.start)} to ${formatLongDate(p.end)}`;
}

/** Checks absence periods against each other and the calendar, in words for staff. */
export function validatePeriods(periods: readonly AbsencePeriod[], calendar: SchoolCalendar): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const readable: { index: number; period: AbsencePeriod }[] = [];
  periods.forEach((p, index) => {
    if (!isValidIso(p.start)) {
      problems.push({ index, severity: 'error', message: 'The first day of absence is missing or is not a date. Please enter it as DD/MM/YYYY, for example 07/09/2026.' });
      return;
    }
    if (p.end !== null && !isValidIso(p.end)) {
      problems.push({ index, severity: 'error', message: `The last day of absence for the period starting ${formatLongDate(p.start)} is not a date. Please enter it as DD/MM/YYYY, or leave it blank while the pupil is still absent.` });
      return;
    }
    if (p.end !== null && p.end < p.start) {
      problems.push({ index, severity: 'error', message: `The last day of absence, ${formatLongDate(p.end)}, is before the first day of absence, ${formatLongDate(p.start)}.` });
      return;
    }
    readable.push({ index, period: p });

    const outside = [p.start, ...(p.end === null ? [] : [p.end])].filter((d) => !calendar.covers(d));
    const outsideYears = [...new Set(outside.map((d) => academicYearOf(d).label))];
    for (const label of outsideYears) {
      problems.push({ index, severity: 'warning', message: `The absence ${describePeriod(p)} falls partly or wholly in ${label}, which has no term dates in the Calendar sheet, so its school days cannot be counted. Add the term dates for ${label} to the Calendar sheet.` });
    }
    if (calendar.covers(p.start) && !calendar.isSchoolDay(p.start)) {
      problems.push({ index, severity: 'warning', message: `The first day of absence, ${formatLongDate(p.start)}, is not a school day (${calendar.whyNotSchoolDay(p.start)}).` });
    }
  });

  const sorted = readable.slice().sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = sorted[j];
      const b = sorted[i];
      if (a.period.end === null || b.period.start <= a.period.end) {
        problems.push({ index: b.index, severity: 'warning', message: `The absence ${describePeriod(b.period)} overlaps the absence ${describePeriod(a.period)}. Days in both are counted once.` });
      }
    }
  }
  return problems;
}
