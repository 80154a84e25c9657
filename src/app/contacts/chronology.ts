/**
 * A case's chronology: every contact, every change to the case, and what later areas add (work
 * set, letters, information shared…), in date order, and exportable as a Google Doc for a
 * meeting. Other areas register a source in CHRONOLOGY_SOURCES rather than editing this file.
 *
 * The exported file is named with the case reference and the date only: file names show in Drive
 * search, recent files and sharing emails, so they never carry a name or a health detail.
 */
import { CASE_HISTORY } from '../../domain/schema';
import { formatDateTime, formatLongDate, isValidIso } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import type { ChronologyEntry } from '../../shared/api';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { lookupCasesByColumn } from './contactRecords';
import { contactsByCase, contactView } from './caseContacts';
import { LETTERS_CHRONOLOGY, WORK_CHRONOLOGY } from '../work/chronologySources';
import { LA_CHRONOLOGY_SOURCES } from '../la/chronologySources';

export interface ChronologySource {
  readonly name: string;
  /** The case's entries from this area; fixed Sheet calls whatever the size of its log. */
  entries(ctx: AppContext, ref: string): ChronologyEntry[];
}

export const CHRONOLOGY_SOURCES: ChronologySource[] = [
  WORK_CHRONOLOGY,
  LETTERS_CHRONOLOGY,
  ...LA_CHRONOLOGY_SOURCES,
  // Other areas' chronology sources register here.
];

export interface ChronologyOptions {
  /**
   * Wellbeing notes from contacts (health detail). Included by default for roles that may see
   * health details, never for others; false leaves them out for everyone (the LA referral pack).
   */
  readonly wellbeing?: boolean;
}

export function getChronology(ctx: AppContext, ref: string): ChronologyEntry[] {
  ctx.authorise('register.view');
  const caseRef = String(ref ?? '').trim();
  if (!lookupCasesByColumn(ctx)([caseRef]).has(caseRef)) throw new UserFacingError(`There is no case ${caseRef} in the register.`);
  return chronologyOf(ctx, caseRef);
}

export function chronologyOf(ctx: AppContext, ref: string, options: ChronologyOptions = {}): ChronologyEntry[] {
  const showHealth = options.wellbeing !== false && ctx.may('health.view');
  const entries: ChronologyEntry[] = [];
  for (const row of contactsByCase(ctx).get(ref) ?? []) {
    const c = contactView(row, showHealth);
    const parts = [`${c.method} with ${c.contacted.toLowerCase()}: ${c.outcome.toLowerCase()}`];
    if (c.wellbeing) parts.push(`Wellbeing: ${c.wellbeing}`);
    if (c.engagement) parts.push(`Work: ${c.engagement}`);
    if (c.nextSteps) parts.push(`Next steps: ${c.nextSteps}`);
    const at = row.values.loggedAt;
    entries.push({ date: c.date, at: at instanceof Date ? at.toISOString() : '', kind: 'Contact', summary: parts.join('. '), by: c.loggedBy });
  }
  for (const row of ctx.services.tables.readAll(CASE_HISTORY)) {
    if (String(row.values.caseRef).trim() !== ref) continue;
    const at = row.values.at;
    const detail = String(row.values.detail).trim();
    entries.push({
      date: String(row.values.date),
      at: at instanceof Date ? at.toISOString() : '',
      kind: 'Case',
      summary: `${row.values.event}${detail ? `. ${detail}` : ''}`,
      by: String(row.values.by),
    });
  }
  // An entry with no date could not be placed or written as a date, so a source gives none.
  for (const source of CHRONOLOGY_SOURCES) entries.push(...source.entries(ctx, ref).filter((e) => isValidIso(e.date)));
  return entries.sort((a, b) => a.date.localeCompare(b.date) || (a.at || '').localeCompare(b.at || ''));
}

/** A Google Doc of the chronology in the user's Drive; returns its link. */
export function exportChronology(ctx: AppContext, ref: string): { url: string; name: string } {
  const member = ctx.authorise('register.view');
  const caseRef = String(ref ?? '').trim();
  const info = lookupCasesByColumn(ctx)([caseRef]).get(caseRef);
  if (!info) throw new UserFacingError(`There is no case ${caseRef} in the register.`);
  const entries = chronologyOf(ctx, caseRef);
  const name = `Chronology ${caseRef} ${ctx.today()}`;
  const text = [
    `Chronology of case ${caseRef}`,
    `Pupil: ${info.pupilName}${info.yearGroup ? ` (${info.yearGroup})` : ''}`,
    `Made by ${member.name || member.email} on ${formatDateTime(ctx.now())} from the Health Needs Register.`,
    ctx.may('health.view') ? 'This document may contain health information: keep it to those who need it.' : 'Wellbeing notes are left out: your role does not show health details.',
    '',
    ...(entries.length ? entries.map((e) => `${formatLongDate(e.date)} \u2014 ${e.kind} \u2014 ${e.summary}${e.by ? ` (${e.by})` : ''}`) : ['Nothing has been recorded for this case yet.']),
  ].join('\n');
  // Under the lock: the audit log is a chain, so its appends must not interleave.
  const result = ctx.services.lock.withLock(10_000, () => {
    const doc = ctx.services.documents.createDocument(name, text, 'root');
    recordAudit(ctx, [{ action: 'Chronology exported', caseRef, after: `${name} (${entries.length} entries)` }]);
    return { url: doc.url, name: doc.name || name };
  });
  if (!result.ok) throw new UserFacingError('Someone else is changing the register at this moment, so the chronology was not exported. Please try again in a minute.');
  return result.value;
}
