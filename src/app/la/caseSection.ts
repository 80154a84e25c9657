/**
 * One case's LA arrangements and reintegration, for the case summary: the provision with planned
 * against delivered hours and whether to escalate, keep in touch, part-time timetables, plans and
 * their reviews, reasonable adjustments and information shared. The flags are worked out now with
 * the same rules the daily check uses, so the sidebar agrees with the digest even before the
 * morning's check has run.
 *
 * Cost: each sheet is read once, whatever the number of cases or rows (the case's rows are picked
 * out in memory); the hours and plan-review sheets are read only when the case has provision or a
 * plan. No health detail is kept in these sheets; document links (a referral pack names the kind
 * of health need) go only to roles that may see health details.
 */
import {
  HOURS_DELIVERED, INFORMATION_SHARING, KEEP_IN_TOUCH, LA_PROVISION, PART_TIME_TIMETABLES, PLAN_REVIEWS,
  REASONABLE_ADJUSTMENTS, REINTEGRATION_PLANS,
} from '../../domain/schema';
import { formatLongDate, isValidIso, type IsoDate } from '../../domain/dates';
import { arrangementInfo, isArrangement } from '../../domain/arrangements';
import { checkProvision } from '../../domain/la/escalation';
import {
  PART_TIME_CODE_ADVICE, adjustmentReviewReminder, keepInTouchReminder, nextPlanReview, partTimeTimetableReminders, planReviewReminder,
} from '../../domain/la/reminders';
import { LA_SETTING } from '../../domain/la/settings';
import { UserFacingError } from '../../domain/errors';
import type { StoredRow } from '../../ports';
import type {
  AdjustmentView, InformationSharedView, KeepInTouchView, LaCaseSection, LaProvisionView, PartTimeTimetableView, ReintegrationPlanView,
} from '../../shared/laApi';
import type { AppContext } from '../context';
import { loadRegister, type CaseRecord, type Register } from '../cases/register';
import { text } from './common';

const FINISHED_OUTCOMES = ['Back full time', 'Left the school'];

function ofCase(rows: readonly StoredRow[], ref: string): StoredRow[] {
  const wanted = ref.trim().toUpperCase();
  return rows.filter((r) => text(r.values.caseRef).toUpperCase() === wanted);
}

function iso(value: unknown): string {
  const t = text(value);
  return isValidIso(t) ? t : '';
}

function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(text(value));
  return Number.isFinite(n) ? n : 0;
}

/** An empty section, for a case that has none of these yet (or when a sheet cannot be read). */
export function emptyLaSection(problem?: string): LaCaseSection {
  return {
    kind: 'la', provision: null, keepInTouch: { lastDate: '', lastKind: '', lastDescription: '', count: 0, reminder: '' },
    partTimeTimetables: [], plans: [], adjustments: [], informationShared: [], ...(problem ? { problem } : {}),
  };
}

/** The case's LA and reintegration section; `register` saves a read when the caller has it. */
export function laSectionFor(ctx: AppContext, ref: string, register: Register = loadRegister(ctx)): LaCaseSection {
  const record = register.byRef.get(ref.trim().toUpperCase()) ?? register.byRef.get(ref.trim());
  if (!record) throw new UserFacingError(`There is no case ${ref} in the register.`);
  const { tables } = ctx.services;
  const today = ctx.today();
  const showLinks = ctx.may('health.view');
  const open = record.status === 'Open';

  const provisionRows = ofCase(tables.readAll(LA_PROVISION), record.ref);
  const hoursRows = provisionRows.length ? ofCase(tables.readAll(HOURS_DELIVERED), record.ref) : [];
  const provision = provisionView(ctx, record, register, provisionRows, hoursRows, today);
  const current = provisionRows.find((r) => !isValidIso(text(r.values.endDate)));

  const planRows = ofCase(tables.readAll(REINTEGRATION_PLANS), record.ref);
  const reviewRows = planRows.length ? ofCase(tables.readAll(PLAN_REVIEWS), record.ref) : [];

  return {
    kind: 'la',
    provision,
    keepInTouch: keepInTouchView(ctx, record, register, ofCase(tables.readAll(KEEP_IN_TOUCH), record.ref), current, today),
    partTimeTimetables: ofCase(tables.readAll(PART_TIME_TIMETABLES), record.ref)
      .map((r) => partTimeView(ctx, r, register, today, open))
      .sort((a, b) => b.start.localeCompare(a.start)),
    plans: planRows.map((r) => planView(ctx, r, reviewRows, register, today, open, showLinks)).sort((a, b) => b.madeOn.localeCompare(a.madeOn) || b.planId.localeCompare(a.planId)),
    adjustments: ofCase(tables.readAll(REASONABLE_ADJUSTMENTS), record.ref).map((r) => adjustmentView(r, today, open)),
    informationShared: ofCase(tables.readAll(INFORMATION_SHARING), record.ref)
      .map((r) => shareView(r, showLinks))
      .sort((a, b) => b.sharedOn.localeCompare(a.sharedOn) || b.shareId.localeCompare(a.shareId)),
  };
}

function provisionView(ctx: AppContext, record: CaseRecord, register: Register, rows: readonly StoredRow[], hoursRows: readonly StoredRow[], today: IsoDate): LaProvisionView | null {
  const row = rows.find((r) => !isValidIso(text(r.values.endDate))) ?? rows[rows.length - 1];
  if (!row) return null;
  const v = row.values;
  const s = ctx.settings;
  const facts = {
    referredOn: iso(v.referredOn) || iso(record.values.laNotifiedOn),
    startDate: iso(v.startDate),
    endDate: iso(v.endDate),
    plannedHoursPerWeek: num(v.plannedHours),
  };
  const entries = hoursRows.map((h) => ({ weekOf: iso(h.values.weekOf), hours: num(h.values.hours) }));
  const check = checkProvision(facts, entries, register.calendar, today, {
    gapSchoolDays: s.number(LA_SETTING.gapLimit), shortfallPercent: s.number(LA_SETTING.shortfallPercent), windowWeeks: s.number(LA_SETTING.shortfallWeeks),
  });
  const open = record.status === 'Open';
  return {
    provider: text(v.provider),
    referredOn: facts.referredOn,
    startDate: facts.startDate,
    endDate: facts.endDate,
    plannedHours: facts.plannedHoursPerWeek,
    daysWithoutEducation: check.daysWithoutEducation,
    plannedInWindow: check.hours.planned,
    deliveredInWindow: check.hours.delivered,
    shortfallPercent: check.hours.shortfallPercent,
    unrecordedWeeks: open && !facts.endDate ? check.hours.unrecordedWeeks : [],
    recentWeeks: hoursRows
      .map((h) => ({ weekOf: iso(h.values.weekOf), hours: num(h.values.hours), note: text(h.values.note) }))
      .sort((a, b) => b.weekOf.localeCompare(a.weekOf))
      .slice(0, 6),
    escalate: open && check.escalate,
    escalationReasons: open ? check.reasons : [],
    escalatedOn: iso(v.escalatedOn),
    namedOfficer: s.text(LA_SETTING.namedOfficer),
    note: text(v.note),
  };
}

function keepInTouchView(ctx: AppContext, record: CaseRecord, register: Register, rows: readonly StoredRow[], current: StoredRow | undefined, today: IsoDate): KeepInTouchView {
  const sorted = [...rows].filter((r) => isValidIso(text(r.values.date))).sort((a, b) => text(a.values.date).localeCompare(text(b.values.date)));
  const last = sorted[sorted.length - 1];
  const byLa = isArrangement(record.arrangement) && arrangementInfo(record.arrangement).arrangedBy === 'LA';
  let reminder = '';
  if (record.status === 'Open' && (current || byLa)) {
    const countFrom = current ? iso(current.values.startDate) || iso(current.values.referredOn) || record.firstDay : record.firstDay;
    reminder = keepInTouchReminder(last ? text(last.values.date) : '', countFrom, register.calendar, today, ctx.settings.number(LA_SETTING.keepInTouchDays)) ?? '';
  }
  return {
    lastDate: last ? text(last.values.date) : '',
    lastKind: last ? text(last.values.kind) : '',
    lastDescription: last ? text(last.values.description) : '',
    count: rows.length,
    reminder,
  };
}

function partTimeView(ctx: AppContext, row: StoredRow, register: Register, today: IsoDate, open: boolean): PartTimeTimetableView {
  const v = row.values;
  const facts = { start: iso(v.start), end: iso(v.end), nextReview: iso(v.nextReview), parentAgreedOn: iso(v.parentAgreedOn), laNotifiedOn: iso(v.laNotifiedOn), endedOn: iso(v.endedOn) };
  return {
    timetableId: text(v.timetableId),
    ...facts,
    timetable: text(v.timetable),
    codeAdvice: `C2: ${PART_TIME_CODE_ADVICE}`,
    needsAction: open ? partTimeTimetableReminders(facts, register.calendar, today, ctx.settings.number(LA_SETTING.partTimeNoticeDays)) : [],
  };
}

function planView(ctx: AppContext, row: StoredRow, reviews: readonly StoredRow[], register: Register, today: IsoDate, open: boolean, showLinks: boolean): ReintegrationPlanView {
  const v = row.values;
  const planId = text(v.planId);
  const finished = FINISHED_OUTCOMES.includes(text(v.outcome));
  const due = finished ? null : nextPlanReview(iso(v.nextReview), iso(v.lastReviewed), iso(v.madeOn), register.calendar, ctx.settings.number(LA_SETTING.reintegrationReviewDays));
  const reminder = open ? planReviewReminder(due, today) : null;
  const reviewStatus = reminder
    ? (due === today ? 'Review due today' : `Review overdue since ${formatLongDate(due as string)}`)
    : due && open ? `Next review ${formatLongDate(due)}` : '';
  return {
    planId,
    madeOn: iso(v.madeOn),
    returnDate: iso(v.returnDate),
    ...(showLinks ? { documentLink: text(v.documentLink) } : {}),
    nextReview: iso(v.nextReview),
    lastReviewed: iso(v.lastReviewed),
    outcome: text(v.outcome),
    reviewStatus,
    reviews: reviews
      .filter((r) => text(r.values.planId) === planId)
      .map((r) => ({ reviewedOn: iso(r.values.reviewedOn), decisions: text(r.values.decisions), nextReview: iso(r.values.nextReview), outcome: text(r.values.outcome), by: text(r.values.by) }))
      .sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn)),
  };
}

function adjustmentView(row: StoredRow, today: IsoDate, open: boolean): AdjustmentView {
  const v = row.values;
  const reminder = open ? adjustmentReviewReminder(text(v.adjustment), text(v.status), iso(v.reviewBy), today) : null;
  return {
    adjustmentId: text(v.adjustmentId),
    adjustment: text(v.adjustment),
    status: text(v.status),
    agreedOn: iso(v.agreedOn),
    reviewBy: iso(v.reviewBy),
    lastReviewed: iso(v.lastReviewed),
    reviewNote: text(v.reviewNote),
    reminder: reminder ? reminder.replace(/^Reasonable adjustment "[^"]*": /, '').replace(/^review/, 'Review') : '',
  };
}

function shareView(row: StoredRow, showLinks: boolean): InformationSharedView {
  const v = row.values;
  return {
    shareId: text(v.shareId),
    sharedOn: iso(v.sharedOn),
    sharedWith: text(v.sharedWith),
    recipient: text(v.recipient),
    what: text(v.what),
    why: text(v.why),
    lawfulBasis: text(v.lawfulBasis),
    how: text(v.how),
    ...(showLinks ? { documentLink: text(v.documentLink) } : {}),
    by: text(v.by),
  };
}
