/**
 * What needs doing about LA arrangements, reintegration and governance, worked out for every case
 * at once (one read of each sheet): escalations to the LA's named officer, hours not entered,
 * keep-in-touch gaps, part-time timetables past their end or review, plan and adjustment reviews
 * due, and the policy review. laReminders gives the lines for the daily check's ONE digest;
 * refreshLaColumns writes the computed columns, as a daily task.
 */
import {
  HOURS_DELIVERED, KEEP_IN_TOUCH, LA_PROVISION, PART_TIME_TIMETABLES, POLICY_REVIEW, REASONABLE_ADJUSTMENTS, REINTEGRATION_PLANS, type TableSpec,
} from '../../domain/schema';
import { formatLongDate, isValidIso, type IsoDate } from '../../domain/dates';
import { arrangementInfo, isArrangement } from '../../domain/arrangements';
import { checkProvision, fmtNumber } from '../../domain/la/escalation';
import {
  adjustmentReviewReminder, keepInTouchReminder, nextPlanReview, partTimeTimetableReminders, planReviewReminder,
} from '../../domain/la/reminders';
import { LA_SETTING } from '../../domain/la/settings';
import type { RowChange, StoredRow } from '../../ports';
import type { LaReminder } from '../../shared/laApi';
import type { AppContext } from '../context';
import type { Register } from '../cases/register';
import type { DailyTask } from '../contacts/dailyCheck';
import { policyColumnChanges, policyStates, type PolicyState } from '../governance/policyReview';
import { text } from './common';

interface Evaluation {
  readonly reminders: LaReminder[];
  readonly changes: Array<{ spec: TableSpec; changes: RowChange[] }>;
}

function groupByCase(rows: readonly StoredRow[]): Map<string, StoredRow[]> {
  const out = new Map<string, StoredRow[]>();
  for (const r of rows) {
    const ref = text(r.values.caseRef);
    out.set(ref, [...(out.get(ref) ?? []), r]);
  }
  return out;
}

function changed(row: StoredRow, values: Record<string, string | number>): RowChange | null {
  const differs = Object.entries(values).some(([k, v]) => String(row.values[k] ?? '') !== String(v));
  return differs ? { rowNumber: row.rowNumber, values } : null;
}

function evaluate(ctx: AppContext, register: Register, today: IsoDate): Evaluation {
  const { tables } = ctx.services;
  const s = ctx.settings;
  const limits = { gapSchoolDays: s.number(LA_SETTING.gapLimit), shortfallPercent: s.number(LA_SETTING.shortfallPercent), windowWeeks: s.number(LA_SETTING.shortfallWeeks) };
  const officer = s.text(LA_SETTING.namedOfficer) || 'the LA\u2019s named officer';
  const calendar = register.calendar;
  const provision = groupByCase(tables.readAll(LA_PROVISION));
  const hours = groupByCase(tables.readAll(HOURS_DELIVERED));
  const touch = groupByCase(tables.readAll(KEEP_IN_TOUCH));
  const partTime = tables.readAll(PART_TIME_TIMETABLES);
  const plans = tables.readAll(REINTEGRATION_PLANS);
  const adjustments = tables.readAll(REASONABLE_ADJUSTMENTS);

  const reminders: LaReminder[] = [];
  const provisionChanges: RowChange[] = [];
  const partTimeChanges: RowChange[] = [];
  const planChanges: RowChange[] = [];
  const say = (ref: string, pupilName: string, line: string | null) => { if (line) reminders.push({ ref, pupilName, text: line }); };

  for (const record of register.cases) {
    if (!record.ref) continue;
    const open = record.status === 'Open';
    const rows = provision.get(record.ref) ?? [];
    for (const row of rows) {
      const v = row.values;
      const facts = {
        referredOn: text(v.referredOn) || text(record.values.laNotifiedOn),
        startDate: text(v.startDate),
        endDate: text(v.endDate),
        plannedHoursPerWeek: Number(v.plannedHours) || 0,
      };
      const entries = (hours.get(record.ref) ?? []).map((h) => ({ weekOf: text(h.values.weekOf), hours: Number(h.values.hours) }));
      const check = checkProvision(facts, entries, calendar, today, limits);
      const hoursText = check.hours.shortfallPercent === null
        ? (check.hours.weeks.length ? 'No hours entered for recent weeks' : '')
        : `${fmtNumber(check.hours.delivered)} of ${fmtNumber(check.hours.planned)} planned (${check.hours.shortfallPercent}% short)`;
      const escalation = check.escalate ? `Escalate to ${officer}: ${check.reasons.join('; ')}` : '';
      const change = changed(row, { daysWithoutEducation: open ? check.daysWithoutEducation : '', hoursCheck: hoursText, escalation: open ? escalation : '' });
      if (change) provisionChanges.push(change);
      if (!open) continue;
      if (check.escalate && !isValidIso(text(v.escalatedOn))) say(record.ref, record.pupilName, `LA provision: escalate to ${officer}: ${check.reasons.join('; ')}`);
      if (check.hours.unrecordedWeeks.length && !isValidIso(facts.endDate)) {
        say(record.ref, record.pupilName, `LA provision: enter the hours delivered for the week${check.hours.unrecordedWeeks.length === 1 ? '' : 's'} beginning ${check.hours.unrecordedWeeks.map(formatLongDate).join(', ')}`);
      }
    }
    if (!open) continue;
    const current = rows.find((r) => !isValidIso(text(r.values.endDate)));
    const byLa = isArrangement(record.arrangement) && arrangementInfo(record.arrangement).arrangedBy === 'LA';
    if (current || byLa) {
      const sent = (touch.get(record.ref) ?? []).map((r) => text(r.values.date)).filter(isValidIso).sort();
      const countFrom = current ? text(current.values.startDate) || text(current.values.referredOn) || record.firstDay : record.firstDay;
      say(record.ref, record.pupilName, keepInTouchReminder(sent[sent.length - 1] ?? '', countFrom, calendar, today, s.number(LA_SETTING.keepInTouchDays)));
    }
  }

  const byRef = register.byRef;
  const notice = s.number(LA_SETTING.partTimeNoticeDays);
  for (const row of partTime) {
    const v = row.values;
    const kase = byRef.get(text(v.caseRef));
    const facts = { start: text(v.start), end: text(v.end), nextReview: text(v.nextReview), parentAgreedOn: text(v.parentAgreedOn), laNotifiedOn: text(v.laNotifiedOn), endedOn: text(v.endedOn) };
    const lines = kase && kase.status === 'Open' ? partTimeTimetableReminders(facts, calendar, today, notice) : [];
    const change = changed(row, { flags: lines.join('; ') });
    if (change) partTimeChanges.push(change);
    for (const line of lines) say(kase?.ref ?? '', kase?.pupilName ?? '', line);
  }

  const interval = s.number(LA_SETTING.reintegrationReviewDays);
  for (const row of plans) {
    const v = row.values;
    const kase = byRef.get(text(v.caseRef));
    const finished = ['Back full time', 'Left the school'].includes(text(v.outcome));
    const due = finished ? null : nextPlanReview(text(v.nextReview), text(v.lastReviewed), text(v.madeOn), calendar, interval);
    const line = kase && kase.status === 'Open' ? planReviewReminder(due, today) : null;
    const status = line ? `Review ${line.includes('today') ? 'due today' : `overdue since ${formatLongDate(due as string)}`}` : due ? `Next review ${formatLongDate(due)}` : '';
    const change = changed(row, { reviewStatus: status });
    if (change) planChanges.push(change);
    say(kase?.ref ?? '', kase?.pupilName ?? '', line);
  }

  for (const row of adjustments) {
    const v = row.values;
    const kase = byRef.get(text(v.caseRef));
    if (!kase || kase.status !== 'Open') continue;
    say(kase.ref, kase.pupilName, adjustmentReviewReminder(text(v.adjustment), text(v.status), text(v.reviewBy), today));
  }

  return {
    reminders,
    changes: [
      { spec: LA_PROVISION, changes: provisionChanges },
      { spec: PART_TIME_TIMETABLES, changes: partTimeChanges },
      { spec: REINTEGRATION_PLANS, changes: planChanges },
    ],
  };
}

/**
 * Each sheet is read once per execution: the daily task (which writes the columns) and the digest
 * (which lists the reminders) share one evaluation.
 */
const evaluations = new WeakMap<AppContext, { today: IsoDate; register: Register; result: Evaluation & { policy: PolicyState[] } }>();

function evaluateOnce(ctx: AppContext, register: Register, today: IsoDate): Evaluation & { policy: PolicyState[] } {
  const cached = evaluations.get(ctx);
  if (cached && cached.today === today && cached.register.cases.length === register.cases.length) return cached.result;
  const result = { ...evaluate(ctx, register, today), policy: policyStates(ctx) };
  evaluations.set(ctx, { today, register, result });
  return result;
}

/**
 * Reminders for the daily digest, grouped by case in register order, then the policy reviews
 * (no case: ref ''). Reads only; the daily check puts these in its one email.
 */
export function laReminders(ctx: AppContext, register: Register, today: IsoDate): LaReminder[] {
  const { reminders, policy } = evaluateOnce(ctx, register, today);
  const order = new Map(register.cases.map((c, i) => [c.ref, i]));
  const byCase = [...reminders].sort((a, b) => (order.get(a.ref) ?? 1e9) - (order.get(b.ref) ?? 1e9));
  return [...byCase, ...policy.flatMap((s) => (s.reminder ? [{ ref: '', pupilName: '', text: `Policy review: ${s.reminder}` }] : []))];
}

/** Writes the computed LA, timetable, plan and policy columns (one update per sheet that changed). */
export function refreshLaColumns(ctx: AppContext, register: Register, today: IsoDate = ctx.today()): string[] {
  const { changes, reminders, policy } = evaluateOnce(ctx, register, today);
  for (const c of changes) if (c.changes.length) ctx.services.tables.update(c.spec, c.changes);
  const policyChanges = policyColumnChanges(policy);
  if (policyChanges.length) ctx.services.tables.update(POLICY_REVIEW, policyChanges);
  return reminders.length ? [`LA arrangements and reintegration: ${reminders.length} thing${reminders.length === 1 ? '' : 's'} to do (in the digest).`] : [];
}

/** The daily check's task for this area: the computed columns, written once a day. */
export const LA_DAILY_TASK: DailyTask = {
  name: 'LA arrangements and reintegration',
  run: (ctx, register) => refreshLaColumns(ctx, register),
};
