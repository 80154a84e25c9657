/**
 * The dates the school promises to keep after the LA takes over, as pure rules: each returns the
 * reminder text when something is due or overdue, or null. The daily check groups them into its
 * one digest.
 */
import { addDays, formatLongDate, isValidIso, isoFromParts, type IsoDate } from '../dates';
import type { SchoolCalendar } from '../calendar';

// ---------------------------------------------------------------------------- keep in touch

/**
 * Nothing sent to keep the pupil in touch with school life for more than `limit` school days,
 * counted from the last thing sent or, if nothing yet, from when the counting started (the
 * provision's start or the case's first day).
 */
export function keepInTouchReminder(lastSent: IsoDate | '', countFrom: IsoDate, calendar: SchoolCalendar, today: IsoDate, limit: number): string | null {
  const from = isValidIso(lastSent) ? lastSent : countFrom;
  if (!isValidIso(from)) return null;
  const days = calendar.countSchoolDays(addDays(from, 1), today);
  if (days < limit) return null;
  return isValidIso(lastSent)
    ? `Keep in touch: nothing sent to keep the pupil in touch with school life since ${formatLongDate(lastSent)} (${days} school days)`
    : `Keep in touch: nothing sent yet to keep the pupil in touch with school life (${days} school days since ${formatLongDate(from)})`;
}

// ---------------------------------------------------------------------------- part-time timetables

export interface PartTimeTimetableFacts {
  readonly start: IsoDate | '';
  readonly end: IsoDate | '';
  readonly nextReview: IsoDate | '';
  readonly parentAgreedOn: IsoDate | '';
  readonly laNotifiedOn: IsoDate | '';
  /** Set when the pupil is back full time or the timetable was stopped. */
  readonly endedOn: IsoDate | '';
}

/**
 * What needs doing about a part-time timetable (statutory attendance guidance: time-limited,
 * reviewed regularly with the pupil and parents, absence authorised and coded C2; local rules on
 * telling the LA).
 */
export function partTimeTimetableReminders(t: PartTimeTimetableFacts, calendar: SchoolCalendar, today: IsoDate, noticeSchoolDays: number): string[] {
  if (isValidIso(t.endedOn) || !isValidIso(t.start)) return [];
  const out: string[] = [];
  if (isValidIso(t.end) && t.end < today) {
    out.push(`Part-time timetable: its end date, ${formatLongDate(t.end)}, has passed: record the return to full time, or review and set a new end date`);
  }
  if (!isValidIso(t.end)) out.push('Part-time timetable: it has no end date; a part-time timetable must be time-limited');
  if (isValidIso(t.nextReview) && t.nextReview < today) out.push(`Part-time timetable: the review due ${formatLongDate(t.nextReview)} is overdue`);
  if (!isValidIso(t.nextReview) && !(isValidIso(t.end) && t.end < today)) out.push('Part-time timetable: no review date is set');
  if (!isValidIso(t.parentAgreedOn)) out.push('Part-time timetable: the parent/carer\u2019s agreement is not recorded');
  if (!isValidIso(t.laNotifiedOn)) {
    const deadline = noticeSchoolDays <= 0 ? addDays(t.start, -1) : calendar.nthSchoolDayOnOrAfter(t.start, noticeSchoolDays);
    if (deadline !== null && deadline < today) out.push(`Part-time timetable: the LA has not been told (due by ${formatLongDate(deadline)})`);
  }
  return out;
}

/** The attendance-code advice shown with every part-time timetable. */
export const PART_TIME_CODE_ADVICE =
  'Sessions the pupil is not expected to attend under the agreed timetable are recorded as C2 (leave of absence for a pupil on a part-time timetable), which is authorised. ' +
  'Sessions missed for another reason use that reason\u2019s code (I for illness, M for a medical appointment). The MIS register is the record: enter the codes there.';

// ---------------------------------------------------------------------------- reintegration plan reviews

/**
 * When a plan is next due for review: the date set on the plan if there is one, otherwise
 * `interval` school days after it was made or last reviewed.
 */
export function nextPlanReview(setDate: IsoDate | '', lastReviewed: IsoDate | '', madeOn: IsoDate, calendar: SchoolCalendar, interval: number): IsoDate | null {
  if (isValidIso(setDate) && (!isValidIso(lastReviewed) || setDate > lastReviewed)) return setDate;
  const from = isValidIso(lastReviewed) ? lastReviewed : madeOn;
  if (!isValidIso(from)) return null;
  return calendar.nthSchoolDayOnOrAfter(addDays(from, 1), interval);
}

export function planReviewReminder(due: IsoDate | null, today: IsoDate): string | null {
  if (due === null || due > today) return null;
  return due === today
    ? 'Reintegration plan: review due today'
    : `Reintegration plan: review overdue since ${formatLongDate(due)}`;
}

export function adjustmentReviewReminder(adjustment: string, status: string, reviewBy: IsoDate | '', today: IsoDate): string | null {
  if (status === 'Ended' || !isValidIso(reviewBy) || reviewBy > today) return null;
  return `Reasonable adjustment "${adjustment}": review ${reviewBy === today ? 'due today' : `overdue since ${formatLongDate(reviewBy)}`}`;
}

// ---------------------------------------------------------------------------- policy review

export interface PolicyReviewState {
  /** When the next review by the Headteacher is due. */
  readonly due: IsoDate;
  /** A reminder when due within a month or overdue, or when approval by the board is awaited; else null. */
  readonly reminder: string | null;
}

/**
 * The policy is reviewed annually by the Headteacher and approved by the full governing board at
 * every review. Due on the 1st of the review month in the year after the last review (the first
 * review month to come when none is recorded); reminded from 30 days before.
 */
export function policyReviewState(policy: string, lastReviewed: IsoDate | '', lastApproved: IsoDate | '', reviewMonth: number, today: IsoDate): PolicyReviewState {
  // The first review month at least six months after the last review: a review done a little
  // early or late does not shift the cycle, and none is ever more than about 18 months apart.
  let due: IsoDate;
  if (isValidIso(lastReviewed)) {
    const year = Number(lastReviewed.slice(0, 4));
    const sameYear = isoFromParts(year, reviewMonth, 1);
    due = sameYear >= addDays(lastReviewed, 183) ? sameYear : isoFromParts(year + 1, reviewMonth, 1);
  } else {
    // No review on record (a new register): the first is due in the next review month to come.
    const thisYear = isoFromParts(Number(today.slice(0, 4)), reviewMonth, 1);
    due = thisYear >= today ? thisYear : isoFromParts(Number(today.slice(0, 4)) + 1, reviewMonth, 1);
  }
  let reminder: string | null = null;
  if (isValidIso(lastReviewed) && (!isValidIso(lastApproved) || lastApproved < lastReviewed)) {
    reminder = `${policy}: reviewed by the Headteacher on ${formatLongDate(lastReviewed)}; awaiting approval by the full governing board`;
  } else if (!isValidIso(lastReviewed) && addDays(due, -30) <= today) {
    reminder = `${policy}: no review is recorded; the Headteacher reviews it every year (due by ${formatLongDate(due)}) and the full governing board approves it`;
  } else if (!isValidIso(lastReviewed)) {
    reminder = null;
  } else if (due < today) {
    reminder = `${policy}: annual review overdue since ${formatLongDate(due)}`;
  } else if (addDays(due, -30) <= today) {
    reminder = `${policy}: annual review due by ${formatLongDate(due)}`;
  }
  return { due, reminder };
}
