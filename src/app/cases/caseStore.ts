/**
 * What every case use case shares: the document lock around a change, case references, the case
 * history, the Lists sheet, and recomputing one case's columns against the rest of the register.
 * Each helper is one batched Sheet call or none, so a use case's cost does not grow with the
 * number of cases.
 */
import { CASE_HISTORY, LISTS } from '../../domain/schema';
import { DEFAULT_LISTS } from '../../domain/lists';
import { UserFacingError } from '../../domain/errors';
import { formatLongDate, type IsoDate } from '../../domain/dates';
import type { AbsencePeriod } from '../../domain/schoolDays';
import type { RowValues, StoredRow } from '../../ports';
import type { AppContext } from '../context';
import { withRegisterLock as withSharedLock } from '../registerLock';
import {
  computeCaseColumns,
  openCasesByUpn,
  pupilPeriods,
  toCaseRecord,
  type CaseColumns,
  type CaseRecord,
  type ContactState,
  type Register,
} from './register';

/** Case changes wait up to 20 seconds for the lock (see ../registerLock). */
export function withRegisterLock<T>(ctx: AppContext, fn: () => T): T {
  return withSharedLock(ctx, fn, 20000);
}

// ------------------------------------------------------------------------------------ case refs

export const CASE_REF_PATTERN = /^HN-(\d{4})-(\d{4,})$/;

export function caseRefCounterKey(year: string): string {
  return `cases.lastRef.${year}`;
}

/**
 * The next `count` case refs for this calendar year, HN-2026-0001 onwards. Must be called holding
 * the document lock. The counter lives in document properties and only goes up; the highest ref
 * already on the sheet is also respected, so a ref is never given twice even if the properties
 * were lost or are stale in this execution.
 */
export function allocateCaseRefs(ctx: AppContext, existingRefs: Iterable<string>, count: number): string[] {
  if (count <= 0) return [];
  const year = ctx.today().slice(0, 4);
  const key = caseRefCounterKey(year);
  let last = Number(ctx.services.state.get(key) ?? '0') || 0;
  for (const ref of existingRefs) {
    const m = CASE_REF_PATTERN.exec(ref);
    if (m && m[1] === year) last = Math.max(last, Number(m[2]));
  }
  const refs = Array.from({ length: count }, (_, i) => `HN-${year}-${String(last + 1 + i).padStart(4, '0')}`);
  ctx.services.state.set({ [key]: String(last + count) });
  return refs;
}

// ---------------------------------------------------------------------------------- case history

export interface HistoryEvent {
  readonly caseRef: string;
  /** The day the event takes effect (a return date, say), which may differ from when it was recorded. */
  readonly date: IsoDate;
  readonly event: string;
  readonly detail?: string;
}

/** Appends to the Case history sheet in one write. Health values are never written here. */
export function recordHistory(ctx: AppContext, events: readonly HistoryEvent[]): void {
  if (events.length === 0) return;
  const at = ctx.now();
  ctx.services.tables.append(CASE_HISTORY, events.map((e) => ({
    caseRef: e.caseRef, at, date: e.date, event: e.event, detail: e.detail ?? '', by: ctx.actorEmail || 'unknown',
  })));
}

// ------------------------------------------------------------------------------------ the lists

export type Lists = Readonly<Record<string, readonly string[]>>;

/** The dropdown values on the Lists sheet (one read); a list left empty falls back to the defaults. */
export function readLists(ctx: AppContext): Lists {
  const rows = ctx.services.tables.readAll(LISTS);
  const out: Record<string, string[]> = {};
  for (const col of LISTS.columns) {
    const values = [...new Set(rows.map((r) => String(r.values[col.key] ?? '').trim()).filter(Boolean))];
    out[col.key] = values.length ? values : [...(DEFAULT_LISTS[col.key] ?? [])];
  }
  return out;
}

// ------------------------------------------------------------------------------- one case's columns

/** The contact state the contacts area last wrote on the row, when it has written one. */
export function storedContactState(record: CaseRecord): ContactState | undefined {
  const days = record.values.daysWithoutContact;
  const last = String(record.values.lastContact ?? '');
  if (typeof days !== 'number' && last === '') return undefined;
  return { lastContact: last, daysWithoutContact: typeof days === 'number' ? days : 0 };
}

/** The add-on's columns for one case, counting the pupil's other cases this year. */
export function columnsFor(ctx: AppContext, register: Register, record: CaseRecord, contact = storedContactState(record)): CaseColumns {
  const others = (openCasesByUpn(register).get(record.upn) ?? []).filter((ref) => ref !== record.ref);
  const duplicates = record.status === 'Open' ? others : [];
  const periods = register.cases.some((c) => c.ref === record.ref) ? pupilPeriods(register, record.upn) : [...pupilPeriods(register, record.upn), ...record.periods];
  return computeCaseColumns(ctx, record, periods, register.calendar, ctx.today(), contact, duplicates);
}

/** The register as it is after one case's row or periods change, without reading it again. */
export function withCase(register: Register, record: CaseRecord): Register {
  const cases = register.cases.some((c) => c.ref === record.ref)
    ? register.cases.map((c) => (c.ref === record.ref ? record : c))
    : [...register.cases, record];
  return { ...register, cases, byRef: new Map(cases.map((c) => [c.ref, c])) };
}

/** A case record from a row's values and its periods. */
export function recordFrom(rowNumber: number, values: RowValues, periods: AbsencePeriod[]): CaseRecord {
  const row: StoredRow = { rowNumber, values };
  return toCaseRecord(row, periods);
}

/** The case, or a plain refusal naming the ref. */
export function requireCase(register: Register, ref: string): CaseRecord {
  const wanted = String(ref ?? '').trim().toUpperCase();
  const found = register.byRef.get(wanted);
  if (!found) {
    throw new UserFacingError(`There is no case ${wanted || '(no ref given)'} on the Cases sheet. It may have been deleted or its Case ref changed by hand; check the Cases sheet, then try again.`);
  }
  return found;
}

/** The period still running (no last day), with its row on the Absence periods sheet. */
export function openPeriodRow(register: Register, ref: string): StoredRow | undefined {
  return register.periodRows.find((r) => String(r.values.caseRef).trim() === ref && String(r.values.end) === '');
}

export function periodRowsOf(register: Register, ref: string): StoredRow[] {
  return register.periodRows.filter((r) => String(r.values.caseRef).trim() === ref);
}

export function describePeriods(periods: readonly AbsencePeriod[]): string {
  return periods.map((p) => (p.end ? `${formatLongDate(p.start)} to ${formatLongDate(p.end)}` : `from ${formatLongDate(p.start)}`)).join('; ');
}
