/**
 * A case's contact record as the daily check stores it on the Contact compliance sheet, so the
 * sidebar can show a case's compliance and recent contacts without reading the whole Contact log:
 *
 * - the best contact status of every day any contact was logged ("2026-11-17 made, 2026-11-16
 *   attempted", latest first), from which the compliance of each school day of absence is worked
 *   out again against the periods and calendar as they are now;
 * - the last few contacts' details, without wellbeing;
 * - those contacts' wellbeing notes (health detail) in a column of their own, shown only to roles
 *   that may see health details.
 *
 * Contacts logged after the check are merged in by the reader. Pure: no Apps Script here.
 */
import { isValidIso, type IsoDate } from './dates';
import { isContactMade, type DayContactStatus } from './contactCompliance';

/** How many contacts the record keeps in detail (the sidebar shows this many). */
export const RECENT_CONTACTS_KEPT = 10;

/** Written when the case has no contact at all, so a blank cell always means "not recorded". */
const NONE = 'none';

export type ContactDayStatus = Exclude<DayContactStatus, 'missing'>;

/** One contact kept in detail. `row` is its Contact log row when recorded (orders contacts on the same day). */
export interface RecordedContact {
  readonly contactId: string;
  readonly row: number;
  readonly date: IsoDate;
  readonly contacted: string;
  readonly method: string;
  readonly outcome: string;
  readonly engagement: string;
  readonly nextSteps: string;
  readonly loggedBy: string;
}

export interface ContactRecord {
  /** Best status per day with any contact logged. */
  readonly days: ReadonlyMap<IsoDate, ContactDayStatus>;
  /** Latest first, at most RECENT_CONTACTS_KEPT. */
  readonly recent: readonly RecordedContact[];
  /** Wellbeing note by contact ID (health detail). */
  readonly wellbeing: ReadonlyMap<string, string>;
}

/** A Contact log row as the record needs it. */
export interface LoggedContactRow extends Omit<RecordedContact, 'row'> {
  readonly row: number;
  readonly wellbeing: string;
}

export function emptyContactRecord(): ContactRecord {
  return { days: new Map(), recent: [], wellbeing: new Map() };
}

/** The record of these contacts (any order). */
export function contactRecordOf(rows: readonly LoggedContactRow[]): ContactRecord {
  return mergeContacts(emptyContactRecord(), rows);
}

/** The record with more contacts added (already-recorded contacts, by ID, are not counted twice). */
export function mergeContacts(record: ContactRecord, rows: readonly LoggedContactRow[]): ContactRecord {
  if (rows.length === 0) return record;
  const days = new Map(record.days);
  const byId = new Map(record.recent.map((c) => [c.contactId, c]));
  const wellbeing = new Map(record.wellbeing);
  for (const r of rows) {
    if (isValidIso(r.date)) {
      const status: ContactDayStatus = isContactMade(r.outcome) ? 'made' : 'attempted';
      if (status === 'made' || !days.has(r.date)) days.set(r.date, status);
    }
    const { wellbeing: note, ...detail } = r;
    byId.set(r.contactId, detail);
    if (note) wellbeing.set(r.contactId, note);
    else wellbeing.delete(r.contactId);
  }
  const recent = latestFirst([...byId.values()]).slice(0, RECENT_CONTACTS_KEPT);
  const kept = new Set(recent.map((c) => c.contactId));
  for (const id of [...wellbeing.keys()]) if (!kept.has(id)) wellbeing.delete(id);
  return { days, recent, wellbeing };
}

function latestFirst(list: RecordedContact[]): RecordedContact[] {
  return list.sort((a, b) => b.date.localeCompare(a.date) || b.row - a.row || b.contactId.localeCompare(a.contactId));
}

/** The record's three cells: contact by day, recent contacts (no wellbeing), recent wellbeing (health). */
export function encodeContactRecord(record: ContactRecord): { contactDays: string; recentContacts: string; recentWellbeing: string } {
  const days = [...record.days.entries()].sort((a, b) => b[0].localeCompare(a[0])).map(([d, s]) => `${d} ${s}`);
  // A cell holds at most 50,000 characters: long notes keep fewer contacts in detail (latest kept).
  let recent = [...record.recent];
  const encode = () => ({
    recentContacts: JSON.stringify(recent.map((c) => [c.contactId, c.row, c.date, c.contacted, c.method, c.outcome, c.engagement, c.nextSteps, c.loggedBy])),
    recentWellbeing: JSON.stringify(Object.fromEntries(recent.filter((c) => record.wellbeing.has(c.contactId)).map((c) => [c.contactId, record.wellbeing.get(c.contactId)]))),
  });
  let cells = encode();
  while (recent.length > 0 && Math.max(cells.recentContacts.length, cells.recentWellbeing.length) > MAX_CELL) {
    recent = recent.slice(0, -1);
    cells = encode();
  }
  return { contactDays: days.length ? days.join(', ') : NONE, ...cells };
}

const MAX_CELL = 45_000;

/**
 * The record from its cells, or null when it is not there or cannot be read (a blank or edited
 * cell): the caller then works from the Contact log itself.
 */
export function decodeContactRecord(cells: Readonly<Record<string, unknown>>): ContactRecord | null {
  const daysText = String(cells.contactDays ?? '').trim();
  if (!daysText) return null;
  const days = new Map<IsoDate, ContactDayStatus>();
  if (daysText !== NONE) {
    for (const part of daysText.split(',')) {
      const m = /^\s*(\d{4}-\d{2}-\d{2}) (made|attempted)\s*$/.exec(part);
      if (!m || !isValidIso(m[1])) return null;
      days.set(m[1], m[2] as ContactDayStatus);
    }
  }
  try {
    const recentRaw: unknown = JSON.parse(String(cells.recentContacts ?? '') || '[]');
    if (!Array.isArray(recentRaw)) return null;
    const recent: RecordedContact[] = [];
    for (const item of recentRaw) {
      if (!Array.isArray(item) || item.length < 9) return null;
      const [contactId, row, date, contacted, method, outcome, engagement, nextSteps, loggedBy] = item as unknown[];
      recent.push({
        contactId: String(contactId), row: Number(row) || 0, date: String(date), contacted: String(contacted), method: String(method),
        outcome: String(outcome), engagement: String(engagement), nextSteps: String(nextSteps), loggedBy: String(loggedBy),
      });
    }
    const wellbeingText = String(cells.recentWellbeing ?? '').trim();
    const wellbeingRaw: unknown = wellbeingText ? JSON.parse(wellbeingText) : {};
    const wellbeing = new Map<string, string>();
    if (wellbeingRaw && typeof wellbeingRaw === 'object' && !Array.isArray(wellbeingRaw)) {
      for (const [id, note] of Object.entries(wellbeingRaw as Record<string, unknown>)) if (note) wellbeing.set(id, String(note));
    }
    return { days, recent: latestFirst(recent), wellbeing };
  } catch {
    return null;
  }
}

/** The record's days as logged contacts for assessContactCompliance (with `isMade: isRecordedMade`). */
export function recordedContacts(record: ContactRecord): Array<{ date: IsoDate; outcome: ContactDayStatus }> {
  return [...record.days.entries()].map(([date, outcome]) => ({ date, outcome }));
}

export function isRecordedMade(outcome: string): boolean {
  return outcome === 'made';
}
