/**
 * A case's contacts and contact compliance, for the case summary, the chronology and the daily
 * check. The Contact log is read once per execution and grouped by case, so asking about many
 * cases costs no more reads than asking about one.
 */
import { CONTACTS } from '../../domain/schema';
import { assessContactCompliance, type ContactCompliance } from '../../domain/contactCompliance';
import type { StoredRow } from '../../ports';
import { isValidIso } from '../../domain/dates';
import type { ComplianceDay, ContactView } from '../../shared/api';
import type { AppContext } from '../context';
import { loadRegister, type CaseRecord, type Register } from '../cases/register';
import { complianceUpTo } from './contactRecords';

const logs = new WeakMap<AppContext, Map<string, StoredRow[]>>();
/** The last row of the log as this execution read it (where the daily check's contact records end). */
const lastRows = new WeakMap<AppContext, StoredRow | null>();

/** Every contact, grouped by case reference, oldest row first: one read per execution. */
export function contactsByCase(ctx: AppContext): Map<string, StoredRow[]> {
  let grouped = logs.get(ctx);
  if (!grouped) {
    grouped = new Map();
    let last: StoredRow | null = null;
    for (const row of ctx.services.tables.readAll(CONTACTS)) {
      last = row;
      const ref = String(row.values.caseRef).trim();
      const list = grouped.get(ref);
      if (list) list.push(row);
      else grouped.set(ref, [row]);
    }
    logs.set(ctx, grouped);
    lastRows.set(ctx, last);
  }
  return grouped;
}

/** Whether this execution has already read the whole log (then asking about a case costs nothing more). */
export function contactsLoaded(ctx: AppContext): boolean {
  return logs.has(ctx);
}

/** The last row of the log as this execution read it; undefined when it has not read the log. */
export function lastContactRowRead(ctx: AppContext): StoredRow | null | undefined {
  return lastRows.get(ctx);
}

/** Forget the cached log (after this execution appended to it). */
export function forgetContacts(ctx: AppContext): void {
  logs.delete(ctx);
  lastRows.delete(ctx);
}

export interface CaseCompliance extends ContactCompliance {
  /**
   * The case's contact state for its row: the latest contact up to today (a call made this
   * morning counts, though today is not yet judged), and the school days of absence judged so
   * far that came after it.
   */
  readonly state: { lastContact: string; daysWithoutContact: number };
}

/** Made / attempted / missing for each school day of the case's absence up to the last day counted. */
export function assessCase(ctx: AppContext, record: CaseRecord, register: Register, upTo = complianceUpTo(ctx)): CaseCompliance {
  const contacts = (contactsByCase(ctx).get(record.ref) ?? []).map((r) => ({ date: String(r.values.date), outcome: String(r.values.outcome) }));
  return assessContacts(ctx, record, register, contacts, upTo);
}

/** As assessCase, from the case's contacts already in hand (the stored contact record, say). */
export function assessContacts(
  ctx: AppContext, record: CaseRecord, register: Register, contacts: ReadonlyArray<{ date: string; outcome: string }>,
  upTo = complianceUpTo(ctx), isMade?: (outcome: string) => boolean,
): CaseCompliance {
  const result = assessContactCompliance(record.periods, register.calendar, upTo, contacts, isMade ? { isMade } : {});
  const today = ctx.today();
  const lastContact = contacts.reduce((latest, c) => (isValidIso(c.date) && c.date <= today && c.date > latest ? c.date : latest), '');
  const daysWithoutContact = result.days.filter((d) => lastContact === '' || d.date > lastContact).length;
  return { ...result, state: { lastContact, daysWithoutContact } };
}

/** For CaseSummary.compliance: each school day of absence, most recent first. */
export function complianceFor(ctx: AppContext, ref: string, register: Register = loadRegister(ctx)): ComplianceDay[] {
  const record = register.byRef.get(ref);
  if (!record) return [];
  return assessCase(ctx, record, register).days.map((d) => ({ date: d.date, status: d.status })).reverse();
}

/** For CaseSummary.recentContacts: latest first; wellbeing only for roles that may see health details. */
export function recentContactsFor(ctx: AppContext, ref: string, limit = 10): ContactView[] {
  const showHealth = ctx.may('health.view');
  return [...(contactsByCase(ctx).get(ref) ?? [])]
    .sort((a, b) => String(b.values.date).localeCompare(String(a.values.date)) || b.rowNumber - a.rowNumber)
    .slice(0, limit)
    .map((r) => contactView(r, showHealth));
}

export function contactView(row: StoredRow, showHealth: boolean): ContactView {
  const v = row.values;
  return {
    date: String(v.date),
    contacted: String(v.contacted),
    method: String(v.method),
    outcome: String(v.outcome),
    ...(showHealth ? { wellbeing: String(v.wellbeing) } : {}),
    engagement: String(v.engagement),
    nextSteps: String(v.nextSteps),
    loggedBy: String(v.loggedBy),
  };
}
