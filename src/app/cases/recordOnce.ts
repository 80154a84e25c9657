/**
 * The Case history and Audit log entries of a case change, written once even when the change is
 * made again after a fault. A change whose status is saved last (change, close) writes its history
 * and audit first, so an attempt stopped part-way leaves them behind: the repeat finds them among
 * the latest rows of each log and does not write them twice. A repeat that finds the case already
 * changed (open, close) looks for the entries by case instead, and writes whichever is missing.
 */
import { AUDIT_LOG, CASE_HISTORY, type TableSpec } from '../../domain/schema';
import type { StoredRow } from '../../ports';
import type { AppContext } from '../context';
import { recordAudit, type AuditEntry } from '../audit';
import { recordHistory, type HistoryEvent } from './caseStore';

/** A repeat comes within minutes: the last rows of each log are enough to find what it wrote. */
const RECENT_ROWS = 50;

const s = (value: unknown) => String(value ?? '').trim();

function sameEvent(row: StoredRow, event: HistoryEvent, by: string): boolean {
  const v = row.values;
  return s(v.caseRef) === event.caseRef && s(v.date) === event.date && s(v.event) === event.event && s(v.detail) === s(event.detail) && s(v.by) === by;
}

function sameAudit(row: StoredRow, entry: AuditEntry, who: string): boolean {
  const v = row.values;
  return s(v.action) === entry.action && s(v.caseRef) === s(entry.caseRef) && s(v.before) === s(entry.before) && s(v.after) === s(entry.after) && s(v.who) === who;
}

/** Whether `wanted` are the last entries of their case among `rows` (oldest first), in order. */
function endsWith<T>(rows: readonly StoredRow[], wanted: readonly T[], same: (row: StoredRow, item: T) => boolean): boolean {
  if (wanted.length === 0 || rows.length < wanted.length) return false;
  const last = rows.slice(rows.length - wanted.length);
  return wanted.every((item, i) => same(last[i], item));
}

/**
 * Writes the history events and the audit entries of one case's change, unless the latest entries
 * for that case already are exactly these (an earlier attempt at the same change, by the same
 * person, wrote them before it stopped). The same change made again after something else was
 * recorded for the case is written again, as it should be.
 */
export function recordChangeOnce(ctx: AppContext, ref: string, events: readonly HistoryEvent[], audit: readonly AuditEntry[]): void {
  const by = ctx.actorEmail || 'unknown';
  const { tables } = ctx.services;
  const ofCase = (rows: StoredRow[]) => rows.filter((r) => s(r.values.caseRef) === ref);
  const historyThere = events.length > 0 && endsWith(ofCase(tables.readTail(CASE_HISTORY, RECENT_ROWS)), events, (r, e) => sameEvent(r, e, by));
  if (!historyThere) {
    // History before audit: so a history found in place means the audit was the only step left.
    recordHistory(ctx, events);
    recordAudit(ctx, audit);
    return;
  }
  const auditThere = endsWith(ofCase(tables.readTail(AUDIT_LOG, RECENT_ROWS)), audit, (r, a) => sameAudit(r, a, by));
  if (!auditThere) recordAudit(ctx, audit);
}

/** One case's rows of a log, found by its Case ref column: two reads, for a repeat only. */
function rowsOfCase(ctx: AppContext, spec: TableSpec, ref: string): StoredRow[] {
  const { tables } = ctx.services;
  const rowNumbers = tables.readColumn(spec, 'caseRef').filter((c) => s(c.value) === ref).map((c) => c.rowNumber);
  return rowNumbers.length ? tables.readRows(spec, rowNumbers) : [];
}

/**
 * For a repeat that found the case already changed: writes the history event and the audit entry
 * when the case has none matching (the attempt that changed it stopped before writing them).
 */
export function completeMissingRecords(
  ctx: AppContext,
  ref: string,
  history: { readonly event: HistoryEvent; readonly found: (row: StoredRow) => boolean },
  audit: { readonly entry: AuditEntry; readonly found: (row: StoredRow) => boolean },
): void {
  if (!rowsOfCase(ctx, CASE_HISTORY, ref).some(history.found)) recordHistory(ctx, [history.event]);
  if (!rowsOfCase(ctx, AUDIT_LOG, ref).some(audit.found)) recordAudit(ctx, [audit.entry]);
}
