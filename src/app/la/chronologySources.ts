/**
 * What the LA arrangements and reintegration records add to a case's chronology: information
 * shared, keep in touch, LA provision (start, end, escalation and the hours delivered
 * each week), part-time timetables, and reintegration plans with their reviews. Each source reads
 * its sheets once, whatever their size. None of these sheets holds health detail. The referral
 * itself appears as information shared (and as the case event "LA told"), so it is not repeated here.
 */
import {
  HOURS_DELIVERED, INFORMATION_SHARING, KEEP_IN_TOUCH, LA_PROVISION, PART_TIME_TIMETABLES, PLAN_REVIEWS, REINTEGRATION_PLANS, type TableSpec,
} from '../../domain/schema';
import { formatLongDate, isValidIso } from '../../domain/dates';
import { fmtNumber } from '../../domain/la/escalation';
import type { StoredRow } from '../../ports';
import type { ChronologyEntry } from '../../shared/api';
import type { ChronologySource } from '../contacts/chronology';
import type { AppContext } from '../context';
import { text } from './common';

function rowsOf(ctx: AppContext, spec: TableSpec, ref: string): StoredRow[] {
  const wanted = ref.trim().toUpperCase();
  return ctx.services.tables.readAll(spec).filter((r) => text(r.values.caseRef).toUpperCase() === wanted);
}

function iso(value: unknown): string {
  const t = text(value);
  return isValidIso(t) ? t : '';
}

function instant(value: unknown): string {
  return value instanceof Date ? value.toISOString() : '';
}

function entry(date: string, kind: string, summary: string, by: unknown, at: unknown = ''): ChronologyEntry[] {
  return isValidIso(date) ? [{ date, at: instant(at), kind, summary, by: text(by) }] : [];
}

export const INFORMATION_SHARED_CHRONOLOGY: ChronologySource = {
  name: 'Information shared',
  entries: (ctx, ref) => rowsOf(ctx, INFORMATION_SHARING, ref).flatMap((r) => {
    const v = r.values;
    const how = text(v.how);
    return entry(iso(v.sharedOn), 'Information shared',
      `${text(v.what)}, shared with ${text(v.sharedWith).toLowerCase()} (${text(v.recipient)})${how ? ` by ${how}` : ''}. Why: ${text(v.why)}. Lawful basis: ${text(v.lawfulBasis)}`,
      v.by, v.loggedAt);
  }),
};

export const KEEP_IN_TOUCH_CHRONOLOGY: ChronologySource = {
  name: 'Keep in touch',
  entries: (ctx, ref) => rowsOf(ctx, KEEP_IN_TOUCH, ref).flatMap((r) =>
    entry(iso(r.values.date), 'Keep in touch', `${text(r.values.kind)}: ${text(r.values.description)}`, r.values.by, r.values.loggedAt)),
};

export const LA_PROVISION_CHRONOLOGY: ChronologySource = {
  name: 'LA provision',
  entries: (ctx, ref) => {
    const provision = rowsOf(ctx, LA_PROVISION, ref);
    const out: ChronologyEntry[] = [];
    for (const r of provision) {
      const v = r.values;
      const provider = text(v.provider);
      const planned = `${fmtNumber(Number(v.plannedHours) || 0)} hours a week planned`;
      out.push(...entry(iso(v.startDate), 'Provision', `LA-arranged education started with ${provider} (${planned})`, v.recordedBy));
      out.push(...entry(iso(v.endDate), 'Provision', `LA-arranged education with ${provider} ended`, v.recordedBy));
      out.push(...entry(iso(v.escalatedOn), 'Provision', `Escalated to the LA\u2019s named officer${text(v.escalation) ? `: ${text(v.escalation).replace(/^Escalate to [^:]*: /, '')}` : ''}`, v.recordedBy));
    }
    if (provision.length === 0) return out;
    const planned = Number(provision[provision.length - 1].values.plannedHours) || 0;
    for (const h of rowsOf(ctx, HOURS_DELIVERED, ref)) {
      const v = h.values;
      const note = text(v.note);
      out.push(...entry(iso(v.weekOf), 'Provision',
        `Week beginning ${formatLongDate(iso(v.weekOf))}: ${fmtNumber(Number(v.hours) || 0)} of ${fmtNumber(planned)} planned hours delivered${note ? ` (${note})` : ''}`,
        v.recordedBy, v.recordedAt));
    }
    return out;
  },
};

export const PART_TIME_CHRONOLOGY: ChronologySource = {
  name: 'Part-time timetables',
  entries: (ctx, ref) => rowsOf(ctx, PART_TIME_TIMETABLES, ref).flatMap((r) => {
    const v = r.values;
    const timetable = text(v.timetable);
    return [
      ...entry(iso(v.start), 'Plan', `Part-time timetable ${text(v.timetableId)} from ${formatLongDate(iso(v.start))} to ${iso(v.end) ? formatLongDate(iso(v.end)) : 'no end date'}${timetable ? `: ${timetable}` : ''}`, v.recordedBy),
      ...entry(iso(v.endedOn), 'Plan', `Back full time: part-time timetable ${text(v.timetableId)} ended`, v.recordedBy),
    ];
  }),
};

export const REINTEGRATION_CHRONOLOGY: ChronologySource = {
  name: 'Reintegration plans',
  entries: (ctx, ref) => {
    const plans = rowsOf(ctx, REINTEGRATION_PLANS, ref);
    if (plans.length === 0) return [];
    const out: ChronologyEntry[] = plans.flatMap((r) => {
      const v = r.values;
      const back = iso(v.returnDate);
      const next = iso(v.nextReview);
      return entry(iso(v.madeOn), 'Plan',
        `Reintegration plan ${text(v.planId)} made${back ? `; planned return ${formatLongDate(back)}` : ''}${next ? `; first review ${formatLongDate(next)}` : ''}`, v.madeBy);
    });
    for (const r of rowsOf(ctx, PLAN_REVIEWS, ref)) {
      const v = r.values;
      const next = iso(v.nextReview);
      out.push(...entry(iso(v.reviewedOn), 'Plan',
        `Reintegration plan ${text(v.planId)} reviewed: ${text(v.decisions)}${text(v.outcome) ? `. Outcome: ${text(v.outcome)}` : ''}${next ? `. Next review ${formatLongDate(next)}` : ''}`,
        v.by, v.at));
    }
    return out;
  },
};

export const LA_CHRONOLOGY_SOURCES: readonly ChronologySource[] = [
  INFORMATION_SHARED_CHRONOLOGY, KEEP_IN_TOUCH_CHRONOLOGY, LA_PROVISION_CHRONOLOGY, PART_TIME_CHRONOLOGY, REINTEGRATION_CHRONOLOGY,
];
