/**
 * What every way of logging a contact shares (the Form, the sidebar, matching an unmatched
 * response): finding the cases named without reading the register, the contact-log row, and
 * keeping the case's Last contact and School days without contact current with one small write.
 */
import { CASES, CONTACTS } from '../../domain/schema';
import { addDays, londonOffsetMinutes, maxIso, isValidIso, type IsoDate } from '../../domain/dates';
import type { ContactAnswers } from '../../domain/contactForm';
import type { RowChange, RowValues } from '../../ports';
import type { AppContext } from '../context';
import type { AuditEntry } from '../audit';
import { loadCalendar } from '../cases/register';

export interface CaseInfo {
  readonly ref: string;
  readonly rowNumber: number;
  readonly status: string;
  readonly pupilName: string;
  readonly yearGroup: string;
  readonly firstDay: string;
  readonly lastContact: string;
  readonly nextAction: string;
}

/** Finds the cases with these references. */
export interface CaseLookup {
  (refs: readonly string[]): Map<string, CaseInfo>;
  /** Document properties worth keeping from what the lookups learnt (written with the caller's own). */
  readonly learnt?: () => Readonly<Record<string, string>>;
}

/**
 * The Cases sheet's last row as last seen (by the daily check, or a lookup that had to read the
 * whole column), so a lookup can read the Case ref column without asking the sheet its last row.
 * Only a hint: a case not found within it is looked for in the whole column.
 */
export const CASES_LAST_ROW_KEY = 'contacts.casesLastRow';

export function casesLastRowHint(lastRow: number): Record<string, string> {
  return { [CASES_LAST_ROW_KEY]: String(lastRow) };
}

export function caseInfo(rowNumber: number, v: RowValues): CaseInfo {
  return {
    ref: String(v.ref).trim(),
    rowNumber,
    status: String(v.status).trim(),
    pupilName: String(v.pupilName).trim(),
    yearGroup: String(v.yearGroup).trim(),
    firstDay: String(v.firstDay),
    lastContact: String(v.lastContact),
    nextAction: String(v.nextAction),
  };
}

/**
 * Two reads whatever the size of the register: the Case ref column, then the named rows. (The
 * second spans the named rows; for one submission that is one row.) The column is read up to the
 * last row kept in document properties, and read whole (asking its last row) only when a case is
 * not found there: one round trip fewer for a case opened before the hint was last kept.
 */
export function lookupCasesByColumn(ctx: AppContext): CaseLookup {
  let learnt: Record<string, string> = {};
  const lookup = (refs: readonly string[]) => {
    const out = new Map<string, CaseInfo>();
    const wanted = new Set(refs.filter(Boolean));
    if (wanted.size === 0) return out;
    const { tables, state } = ctx.services;
    const hint = Number(state.get(CASES_LAST_ROW_KEY) ?? '');
    const findRows = (cells: ReadonlyArray<{ rowNumber: number; value: unknown }>) => {
      const rowOf = new Map<string, number>();
      for (const cell of cells) {
        const ref = String(cell.value).trim();
        if (wanted.has(ref) && !rowOf.has(ref)) rowOf.set(ref, cell.rowNumber);
      }
      return rowOf;
    };
    let rowOf = hint >= 2 ? findRows(tables.readColumn(CASES, 'ref', { upToRow: hint })) : new Map<string, number>();
    if (rowOf.size < wanted.size) {
      const column = tables.readColumn(CASES, 'ref');
      rowOf = findRows(column);
      if (column.length) learnt = casesLastRowHint(column[column.length - 1].rowNumber);
    }
    if (rowOf.size === 0) return out;
    for (const row of tables.readRows(CASES, [...rowOf.values()])) {
      const info = caseInfo(row.rowNumber, row.values);
      if (rowOf.get(info.ref) === row.rowNumber) out.set(info.ref, info);
    }
    return out;
  };
  return Object.assign(lookup, { learnt: () => learnt });
}

/**
 * The last day counted for contact: today once the 'Count today as missing from hour' has
 * passed (London time), otherwise yesterday, so a pupil is not listed as missed at 7am.
 */
export function complianceUpTo(ctx: AppContext): IsoDate {
  const now = ctx.now();
  const hour = new Date(now.getTime() + londonOffsetMinutes(now) * 60_000).getUTCHours();
  const cutOff = ctx.settings.number('Count today as missing from hour');
  return hour >= cutOff ? ctx.today() : addDays(ctx.today(), -1);
}

export type ContactSource = 'Form' | 'Sidebar' | string;

export function contactRow(contactId: string, caseRef: string, answers: ContactAnswers, loggedBy: string, loggedAt: Date, source: ContactSource): RowValues {
  return {
    contactId,
    caseRef,
    date: answers.date,
    contacted: answers.contacted,
    method: answers.method,
    outcome: answers.outcome,
    wellbeing: answers.wellbeing,
    engagement: answers.engagement,
    nextSteps: answers.nextSteps,
    loggedBy: loggedBy || 'not recorded',
    loggedAt,
    source,
  };
}

/** One audit line per contact: what and when, never the wellbeing text. */
export function contactAudit(row: RowValues, action = 'Contact logged'): AuditEntry {
  return {
    action,
    caseRef: String(row.caseRef),
    after: `${row.contactId}: ${row.method} with ${row.contacted}, ${row.outcome}, on ${row.date} (${row.source}, by ${row.loggedBy})`,
  };
}

const MAKE_CONTACT = /(^|;\s*)Make contact: \d+ school days? without contact(?=;|$)/;

/**
 * After contacts are logged: the cases' Last contact and School days without contact, in one
 * update of the changed cells (a few cells per case, no read). Needs the Calendar (one read)
 * and the settings (one read, usually already made). Days without contact are the school days
 * after the contact up to the last day counted; the daily check recomputes them exactly from the
 * absence periods each morning.
 */
export function updateCasesAfterContacts(ctx: AppContext, cases: ReadonlyMap<string, CaseInfo>, rows: readonly RowValues[]): void {
  const latest = new Map<string, IsoDate>();
  for (const row of rows) {
    const ref = String(row.caseRef);
    const date = String(row.date);
    if (!isValidIso(date)) continue;
    latest.set(ref, latest.has(ref) ? maxIso(latest.get(ref) as string, date) : date);
  }
  const changes: RowChange[] = [];
  let upTo: IsoDate | null = null;
  const today = ctx.today();
  for (const [ref, date] of latest) {
    const info = cases.get(ref);
    if (!info || info.status !== 'Open') continue;
    if (isValidIso(info.lastContact) && info.lastContact >= date) continue;
    // A contact dated today (the usual Form response) leaves no school day without contact
    // whatever the hour and the calendar, since the last day counted is today at the latest: so
    // neither the Calendar nor the Settings is read. An older date is counted exactly.
    const days = date >= today ? 0 : schoolDaysAfter(ctx, info, date, (upTo ??= complianceUpTo(ctx)));
    const values: Partial<RowValues> = { lastContact: date, daysWithoutContact: days };
    // No day without contact is below any flag (the setting is at least 1), so the Settings sheet
    // is read only for an older contact.
    const belowFlag = days === 0 || days < ctx.settings.number('Flag after school days without contact');
    if (belowFlag && MAKE_CONTACT.test(info.nextAction)) {
      values.nextAction = info.nextAction.replace(MAKE_CONTACT, '').replace(/^;\s*/, '');
    }
    changes.push({ rowNumber: info.rowNumber, values });
  }
  if (changes.length) ctx.services.tables.update(CASES, changes);
}

function schoolDaysAfter(ctx: AppContext, info: CaseInfo, date: IsoDate, upTo: IsoDate): number {
  const from = isValidIso(info.firstDay) ? maxIso(addDays(date, 1), info.firstDay) : addDays(date, 1);
  return from <= upTo ? loadCalendar(ctx).calendar.countSchoolDays(from, upTo) : 0;
}

/** Contact IDs among the last `count` rows of the log: enough to see whether a retried write already landed. */
export function recentContactIds(ctx: AppContext, count: number): Set<string> {
  return new Set(ctx.services.tables.readTail(CONTACTS, count).map((r) => String(r.values.contactId)));
}
