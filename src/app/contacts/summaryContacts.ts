/**
 * A case's contacts for its summary without reading the whole Contact log (100,000 rows at 5,000
 * cases). The daily check stores each open case's contact record on the Contact compliance sheet
 * (every day with contact made or attempted, the last few contacts, their wellbeing notes apart)
 * and records in document properties the last log row that record includes. A summary reads the
 * case's compliance row and only the log rows after that one (at most TAIL_CAP), and merges them.
 *
 * Cost: the compliance sheet's Case ref column and one row, and the log's tail: a fixed number of
 * calls whatever the size of the register. When the record cannot be trusted (no check has run
 * since the add-on was updated, the anchor row is not where it was because rows were deleted, a
 * cell was edited, the tail is longer than the cap, or a case closed before the last check is
 * looked at), the whole log is read as before: slower, never wrong.
 */
import { CONTACT_COMPLIANCE, CONTACTS } from '../../domain/schema';
import {
  contactRecordOf, decodeContactRecord, emptyContactRecord, encodeContactRecord, isRecordedMade, mergeContacts, recordedContacts,
  type ContactRecord, type LoggedContactRow,
} from '../../domain/contactRecord';
import { isValidIso, toIsoDate } from '../../domain/dates';
import type { RowValues, StoredRow } from '../../ports';
import type { ComplianceDay, ContactView } from '../../shared/api';
import type { AppContext } from '../context';
import type { CaseRecord, Register } from '../cases/register';
import { assessCase, assessContacts, contactsLoaded, lastContactRowRead, recentContactsFor, type CaseCompliance } from './caseContacts';
import { KEY } from './keys';

/** Log rows read after the anchor at most; more means the daily check has not run for a long while. */
export const TAIL_CAP = 5000;

export interface SummaryContacts {
  /** Made / attempted / missing per school day of absence, most recent first (open cases only). */
  readonly compliance: ComplianceDay[];
  readonly recentContacts: ContactView[];
  readonly state: CaseCompliance['state'];
  /** Where they came from, for tests and the benchmark's trace: the stored record or the whole log. */
  readonly source: 'record' | 'log';
}

export function summaryContacts(ctx: AppContext, record: CaseRecord, register: Register): SummaryContacts {
  const stored = contactsLoaded(ctx) ? null : storedRecord(ctx, record);
  const showHealth = ctx.may('health.view');
  if (!stored) {
    const { days, state } = assessCase(ctx, record, register);
    return { compliance: complianceDays(days), recentContacts: recentContactsFor(ctx, record.ref), state, source: 'log' };
  }
  const { days, state } = assessContacts(ctx, record, register, recordedContacts(stored), undefined, isRecordedMade);
  const recentContacts = stored.recent.map((c): ContactView => ({
    date: c.date,
    contacted: c.contacted,
    method: c.method,
    outcome: c.outcome,
    ...(showHealth ? { wellbeing: stored.wellbeing.get(c.contactId) ?? '' } : {}),
    engagement: c.engagement,
    nextSteps: c.nextSteps,
    loggedBy: c.loggedBy,
  }));
  return { compliance: complianceDays(days), recentContacts, state, source: 'record' };
}

function complianceDays(days: ReadonlyArray<{ date: string; status: ComplianceDay['status'] }>): ComplianceDay[] {
  return days.map((d) => ({ date: d.date, status: d.status })).reverse();
}

interface Anchor { readonly row: number; readonly contactId: string; readonly day: string }

function readAnchor(ctx: AppContext): Anchor | null {
  const m = /^(\d+)\|([^|]*)\|(\d{4}-\d{2}-\d{2})$/.exec(ctx.services.state.get(KEY.recordAnchor) ?? '');
  return m ? { row: Number(m[1]), contactId: m[2], day: m[3] } : null;
}

/** The case's contact record as of now (stored record + log rows since), or null to read the whole log. */
function storedRecord(ctx: AppContext, record: CaseRecord): ContactRecord | null {
  const anchor = readAnchor(ctx);
  if (!anchor) return null;
  const { tables } = ctx.services;
  // The anchor row itself is read too, to check it is still the row the check saw.
  const tail = anchor.row >= 2 ? tables.readAfter(CONTACTS, anchor.row - 1, TAIL_CAP + 1) : tables.readAfter(CONTACTS, 1, TAIL_CAP);
  if (anchor.row >= 2) {
    const first = tail.shift();
    if (!first || first.rowNumber !== anchor.row || String(first.values.contactId) !== anchor.contactId) return null;
  }
  if (tail.length >= TAIL_CAP) return null;
  const row = complianceRowOf(ctx, record.ref);
  let base: ContactRecord | null;
  if (row) base = decodeContactRecord(row);
  else {
    // No row: a case opened since the check has every contact in the tail; any other may not.
    const openedOn = String(record.values.openedOn ?? '');
    base = isValidIso(openedOn) && openedOn >= anchor.day ? emptyContactRecord() : null;
  }
  if (!base) return null;
  return mergeContacts(base, tail.filter((r) => String(r.values.caseRef).trim() === record.ref).map(loggedContactRow));
}

function complianceRowOf(ctx: AppContext, ref: string): RowValues | null {
  const { tables } = ctx.services;
  const cell = tables.readColumn(CONTACT_COMPLIANCE, 'caseRef').find((c) => String(c.value).trim() === ref);
  if (!cell) return null;
  return tables.readRows(CONTACT_COMPLIANCE, [cell.rowNumber])[0]?.values ?? null;
}

export function loggedContactRow(row: StoredRow): LoggedContactRow {
  const v = row.values;
  return {
    contactId: String(v.contactId),
    row: row.rowNumber,
    date: String(v.date),
    contacted: String(v.contacted),
    method: String(v.method),
    outcome: String(v.outcome),
    wellbeing: String(v.wellbeing),
    engagement: String(v.engagement),
    nextSteps: String(v.nextSteps),
    loggedBy: String(v.loggedBy),
  };
}

/** For the daily check: a case's record cells, from its rows of the log it read. */
export function contactRecordCells(rows: readonly StoredRow[] | undefined): ReturnType<typeof encodeContactRecord> {
  return encodeContactRecord(contactRecordOf((rows ?? []).map(loggedContactRow)));
}

/**
 * For the daily check, once it has written the compliance sheet: the anchor property saying which
 * log rows its records include (none when it did not read the log in this execution).
 */
export function contactRecordAnchor(ctx: AppContext): Record<string, string> {
  const last = lastContactRowRead(ctx);
  if (last === undefined) return {};
  const row = last ? `${last.rowNumber}|${String(last.values.contactId)}` : '1|';
  return { [KEY.recordAnchor]: `${row}|${toIsoDate(ctx.now())}` };
}
