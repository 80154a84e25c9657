/**
 * When LA-arranged education is late or thin, the school escalates to the LA's named officer.
 * Two measures, each against a limit the school sets:
 *  - school days without education since the referral (the LA told, no provision started);
 *  - the shortfall of hours delivered against hours planned over recent complete school weeks.
 * A limit is passed when the measure is MORE than it: at the limit exactly, nothing is flagged.
 */
import { addDays, formatLongDate, isValidIso, weekday, type IsoDate } from '../dates';
import type { SchoolCalendar } from '../calendar';

export interface ProvisionFacts {
  /** The day the LA was told (the referral); '' when not yet referred. */
  readonly referredOn: IsoDate | '';
  /** The first day of LA-arranged education; '' while none has started. */
  readonly startDate: IsoDate | '';
  /** The last day of the provision; '' while it continues. */
  readonly endDate: IsoDate | '';
  readonly plannedHoursPerWeek: number;
}

export interface WeeklyHours {
  /** The Monday of the week. */
  readonly weekOf: IsoDate;
  readonly hours: number;
}

export interface EscalationLimits {
  /** School days without education after the referral before escalating. */
  readonly gapSchoolDays: number;
  /** Shortfall percentage above which to escalate. */
  readonly shortfallPercent: number;
  /** Complete school weeks looked at. */
  readonly windowWeeks: number;
}

export interface HoursCheck {
  /** Mondays of the complete school weeks looked at, oldest first (recorded or not). */
  readonly weeks: readonly IsoDate[];
  /** Planned hours over the recorded weeks, pro rata for short weeks. */
  readonly planned: number;
  readonly delivered: number;
  /** Null when there is nothing to compare (no recorded week, or nothing planned). */
  readonly shortfallPercent: number | null;
  /** Weeks in the window with no hours entered: a reminder, never counted as nought. */
  readonly unrecordedWeeks: readonly IsoDate[];
}

export interface ProvisionCheck {
  readonly daysWithoutEducation: number;
  readonly hours: HoursCheck;
  readonly escalate: boolean;
  /** Why, in plain English, for the digest and the escalation note. */
  readonly reasons: readonly string[];
}

/** The Monday of the week containing the date. */
export function mondayOf(iso: IsoDate): IsoDate {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

/**
 * School days after the referral day on which the pupil had no education: up to the day before
 * provision started, or up to today while none has. 0 when not referred.
 */
export function schoolDaysWithoutEducation(facts: ProvisionFacts, calendar: SchoolCalendar, today: IsoDate): number {
  if (!isValidIso(facts.referredOn)) return 0;
  const lastDay = isValidIso(facts.startDate) ? addDays(facts.startDate, -1) : today;
  const upTo = lastDay < today ? lastDay : today;
  return calendar.countSchoolDays(addDays(facts.referredOn, 1), upTo);
}

/**
 * Planned against delivered over the last `windowWeeks` complete school weeks since the
 * provision started. A week is complete when its Friday is before today; a week with no school
 * day (a holiday) is skipped; a week partly before the start or with closures is planned pro rata.
 */
export function checkHours(
  facts: ProvisionFacts,
  entries: readonly WeeklyHours[],
  calendar: SchoolCalendar,
  today: IsoDate,
  windowWeeks: number,
): HoursCheck {
  const empty: HoursCheck = { weeks: [], planned: 0, delivered: 0, shortfallPercent: null, unrecordedWeeks: [] };
  if (!isValidIso(facts.startDate) || facts.startDate >= today) return empty;
  const end = isValidIso(facts.endDate) && facts.endDate < today ? facts.endDate : addDays(today, -1);
  const delivered = new Map<IsoDate, number>();
  for (const e of entries) {
    if (!isValidIso(e.weekOf) || !Number.isFinite(e.hours)) continue;
    const week = mondayOf(e.weekOf);
    delivered.set(week, (delivered.get(week) ?? 0) + e.hours);
  }
  const weeks: Array<{ monday: IsoDate; share: number }> = [];
  const firstMonday = mondayOf(facts.startDate);
  for (let monday = mondayOf(end); monday >= firstMonday && weeks.length < windowWeeks; monday = addDays(monday, -7)) {
    const friday = addDays(monday, 4);
    if (friday > end) continue; // not yet complete
    const fullWeek = calendar.countSchoolDays(monday, friday);
    if (fullWeek === 0) continue;
    const from = monday < facts.startDate ? facts.startDate : monday;
    const share = calendar.countSchoolDays(from, friday) / 5;
    if (share === 0) continue;
    weeks.unshift({ monday, share });
  }
  let planned = 0;
  let got = 0;
  const unrecorded: IsoDate[] = [];
  for (const w of weeks) {
    const hours = delivered.get(w.monday);
    if (hours === undefined) {
      unrecorded.push(w.monday);
      continue;
    }
    planned += facts.plannedHoursPerWeek * w.share;
    got += hours;
  }
  planned = round1(planned);
  got = round1(got);
  const shortfallPercent = planned > 0 ? Math.max(0, Math.round(((planned - got) / planned) * 100)) : null;
  return { weeks: weeks.map((w) => w.monday), planned, delivered: got, shortfallPercent, unrecordedWeeks: unrecorded };
}

export function checkProvision(
  facts: ProvisionFacts,
  entries: readonly WeeklyHours[],
  calendar: SchoolCalendar,
  today: IsoDate,
  limits: EscalationLimits,
): ProvisionCheck {
  const ended = isValidIso(facts.endDate) && facts.endDate < today;
  const daysWithoutEducation = schoolDaysWithoutEducation(facts, calendar, today);
  const hours = checkHours(facts, entries, calendar, today, limits.windowWeeks);
  const reasons: string[] = [];
  if (!ended && daysWithoutEducation > limits.gapSchoolDays) {
    reasons.push(
      `${daysWithoutEducation} school days without education since the referral on ${formatLongDate(facts.referredOn)} ` +
        `(the limit is ${limits.gapSchoolDays})`,
    );
  }
  if (!ended && hours.shortfallPercent !== null && hours.shortfallPercent > limits.shortfallPercent) {
    reasons.push(
      `${fmtNumber(hours.delivered)} of ${fmtNumber(hours.planned)} planned hours delivered over the last ` +
        `${hours.weeks.length - hours.unrecordedWeeks.length} recorded school week${hours.weeks.length - hours.unrecordedWeeks.length === 1 ? '' : 's'}: ` +
        `${hours.shortfallPercent}% short (the limit is ${limits.shortfallPercent}%)`,
    );
  }
  return { daysWithoutEducation, hours, escalate: reasons.length > 0, reasons };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function fmtNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
