/**
 * Logging a contact from the sidebar, and working through the Unmatched contacts queue. The same
 * rules as the Form: the contact belongs to a case found by reference, answers are tidied (and
 * neutralised when written), a retried call is not logged twice, and all writes happen under the
 * document lock.
 */
import { AUDIT_LOG, CONTACTS, LISTS, UNMATCHED_CONTACTS } from '../../domain/schema';
import {
  CONTACT_FORM_RESPONSES,
  QUESTION,
  formContactId,
  readContactAnswers,
  rowOfFormContactId,
  tidyText,
} from '../../domain/contactForm';
import { CONTACTED, CONTACT_METHODS, CONTACT_OUTCOMES } from '../../domain/lists';
import { formatLongDate, isValidIso } from '../../domain/dates';
import { tooLongMessage, DEFAULT_MAX_CELL_LENGTH } from '../../domain/sanitise';
import { UserFacingError, ValidationError } from '../../domain/errors';
import type { LogContactInput, UnmatchedContact } from '../../shared/api';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { contactAudit, contactRow, lookupCasesByColumn, recentContactIds, updateCasesAfterContacts } from './contactRecords';
import { catchUpFormResponses } from './formResponses';

const LOCK_MS = 10_000;
/** A retried call arrives within seconds; the last rows of the log are enough to find it. */
const RETRY_WINDOW_ROWS = 50;
/** Every change writes to the audit log, so its window is wider than the Contact log's. */
const AUDIT_RETRY_WINDOW_ROWS = 200;

export interface LoggedContact {
  readonly contactId: string;
  readonly caseRef: string;
  /** The same request had already been logged: nothing new was written. */
  readonly duplicate: boolean;
}

/** The values the Lists sheet offers for the contact dropdowns (the defaults where a list is empty). */
export function contactChoices(ctx: AppContext): { contacted: string[]; methods: string[]; outcomes: string[] } {
  const rows = ctx.services.tables.readAll(LISTS);
  const column = (key: string, fallback: readonly string[]) => {
    const values = [...new Set(rows.map((r) => String(r.values[key] ?? '').trim()).filter(Boolean))];
    return values.length ? values : [...fallback];
  };
  return { contacted: column('Contacted', CONTACTED), methods: column('Method', CONTACT_METHODS), outcomes: column('Outcome', CONTACT_OUTCOMES) };
}

export function logContact(ctx: AppContext, input: LogContactInput): LoggedContact {
  const member = ctx.authorise('contact.log');
  const choices = contactChoices(ctx);
  const problems: Array<{ field: string; message: string }> = [];
  const ref = String(input.ref ?? '').trim();
  if (!ref) problems.push({ field: 'ref', message: 'Choose the pupil\u2019s case.' });
  const date = String(input.date ?? '').trim();
  if (!isValidIso(date)) problems.push({ field: 'date', message: 'Enter the date of the contact, for example 07/09/2026.' });
  else if (date > ctx.today()) problems.push({ field: 'date', message: `The date of contact, ${formatLongDate(date)}, is in the future. Log a contact on or after the day it happens.` });
  const pick = (field: string, label: string, value: unknown, allowed: readonly string[]) => {
    const text = String(value ?? '').trim();
    if (!allowed.includes(text)) problems.push({ field, message: `Choose ${label} from the list (${allowed.join(', ')}).` });
    return text;
  };
  const contacted = pick('contacted', 'who was contacted', input.contacted, choices.contacted);
  const method = pick('method', 'the method', input.method, choices.methods);
  const outcome = pick('outcome', 'the outcome', input.outcome, choices.outcomes);
  const free = (field: string, label: string, value: unknown) => {
    const text = tidyText(value, { multiline: true, maxLength: Number.MAX_SAFE_INTEGER });
    if (text.length > DEFAULT_MAX_CELL_LENGTH) problems.push({ field, message: `${label}: ${tooLongMessage(DEFAULT_MAX_CELL_LENGTH, text.length)}` });
    return text;
  };
  const wellbeing = free('wellbeing', QUESTION.wellbeing, input.wellbeing);
  const engagement = free('engagement', QUESTION.engagement, input.engagement);
  const nextSteps = free('nextSteps', QUESTION.nextSteps, input.nextSteps);
  if (problems.length) throw new ValidationError(problems);

  const requestId = String(input.requestId ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40);
  const contactId = requestId ? `S-${requestId}` : `S-${ctx.now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  const result = ctx.services.lock.withLock(LOCK_MS, (): LoggedContact => {
    const already = requestId !== '' && recentContactIds(ctx, RETRY_WINDOW_ROWS).has(contactId);
    const cases = lookupCasesByColumn(ctx)([ref]);
    const row = contactRow(contactId, ref, { date, contacted, method, outcome, wellbeing, engagement, nextSteps }, member.email, ctx.now(), 'Sidebar');
    if (already) {
      // The first call may have stopped after writing the log but before its audit entry or the
      // case: finish those (nothing is written when the audit has it and the case shows it).
      if (!auditedRecently(ctx, contactId)) recordAudit(ctx, [contactAudit(row)]);
      updateCasesAfterContacts(ctx, cases, [row]);
      return { contactId, caseRef: ref, duplicate: true };
    }
    const info = cases.get(ref);
    if (!info) throw new ValidationError([{ field: 'ref', message: `There is no case ${ref} in the register.` }]);
    if (info.status !== 'Open') {
      throw new ValidationError([{ field: 'ref', message: `The case ${ref} is closed, so contacts are no longer logged on it. If the pupil is absent again, record a new absence first.` }]);
    }
    ctx.services.tables.append(CONTACTS, [row]);
    recordAudit(ctx, [contactAudit(row)]);
    updateCasesAfterContacts(ctx, cases, [row]);
    return { contactId, caseRef: ref, duplicate: false };
  });
  if (!result.ok) throw new UserFacingError('Someone else is changing the register at this moment, so the contact was not logged. Please try again in a minute.');
  return result.value;
}

/**
 * Whether the audit log's last rows hold this contact's "Contact logged" entry. Read only for a
 * repeated request: its first call wrote the entry (if it did) moments before, so among the last
 * rows, as the contact was among the last rows of the Contact log.
 */
function auditedRecently(ctx: AppContext, contactId: string): boolean {
  return ctx.services.tables.readTail(AUDIT_LOG, AUDIT_RETRY_WINDOW_ROWS)
    .some((r) => String(r.values.action) === 'Contact logged' && String(r.values.after).startsWith(`${contactId}:`));
}

// ------------------------------------------------------------------------------- unmatched responses

export function listUnmatchedContacts(ctx: AppContext): UnmatchedContact[] {
  ctx.authorise('register.view');
  catchUpFormResponses(ctx);
  return openUnmatched(ctx).map((r) => ({
    contactId: String(r.values.contactId),
    receivedAt: r.values.receivedAt instanceof Date ? r.values.receivedAt.toISOString() : String(r.values.receivedAt),
    pupilAnswer: String(r.values.pupilAnswer),
    reason: String(r.values.reason),
    respondent: String(r.values.respondent),
  }));
}

/** How many responses wait to be matched, for the sidebar's badge. */
export function unmatchedCount(ctx: AppContext): number {
  return openUnmatched(ctx).length;
}

function openUnmatched(ctx: AppContext) {
  return ctx.services.tables.readAll(UNMATCHED_CONTACTS).filter((r) => String(r.values.resolution).trim() === '');
}

/**
 * Matches an unmatched Form response to a case (it is logged with its original Contact ID, so it
 * can never be logged twice) or, with ref null, dismisses it. The answers are read again from the
 * responses sheet, where the Form wrote them. Any existing case may be chosen, open or closed: a
 * call made the day before a case closed still belongs to it.
 */
export function resolveUnmatchedContact(ctx: AppContext, contactId: string, ref: string | null): UnmatchedContact[] {
  const member = ctx.authorise('case.change');
  const result = ctx.services.lock.withLock(LOCK_MS, () => {
    const { tables } = ctx.services;
    const entry = openUnmatched(ctx).find((r) => String(r.values.contactId) === contactId);
    if (!entry) throw new UserFacingError(`The unmatched contact ${contactId} has already been matched or dismissed, or is not on the Unmatched contacts sheet.`);
    const when = formatLongDate(ctx.today());
    if (ref === null || String(ref).trim() === '') {
      tables.update(UNMATCHED_CONTACTS, [{ rowNumber: entry.rowNumber, values: { resolution: `Dismissed by ${member.email} on ${when}` } }]);
      recordAudit(ctx, [{ action: 'Unmatched contact dismissed', after: contactId }]);
      return;
    }
    const caseRef = String(ref).trim();
    const cases = lookupCasesByColumn(ctx)([caseRef]);
    if (!cases.has(caseRef)) throw new ValidationError([{ field: 'ref', message: `There is no case ${caseRef} in the register.` }]);
    const responseRow = rowOfFormContactId(contactId);
    const response = responseRow ? tables.readRows(CONTACT_FORM_RESPONSES, [responseRow])[0] : undefined;
    const stamp = response?.values.timestamp;
    if (!response || !(stamp instanceof Date) || formContactId(response.rowNumber, stamp) !== contactId) {
      throw new UserFacingError(`The Form response ${contactId} is no longer where the Form put it on the responses sheet, so it cannot be matched. Dismiss it and log the contact from the sidebar instead.`);
    }
    const answers = readContactAnswers(response.values, ctx.today());
    if (!answers.ok) {
      throw new UserFacingError(`${answers.reason} This response cannot be logged as it is: dismiss it and log the contact from the sidebar instead.`);
    }
    const alreadyLogged = tables.readColumn(CONTACTS, 'contactId').some((c) => String(c.value) === contactId);
    if (!alreadyLogged) {
      const row = contactRow(contactId, caseRef, answers.answers, String(response.values.email ?? ''), stamp, `Form (matched by ${member.email})`);
      tables.append(CONTACTS, [row]);
      recordAudit(ctx, [contactAudit(row, 'Unmatched contact matched to a case')]);
      updateCasesAfterContacts(ctx, cases, [row]);
    }
    tables.update(UNMATCHED_CONTACTS, [{ rowNumber: entry.rowNumber, values: { resolution: `Matched to ${caseRef} by ${member.email} on ${when}` } }]);
  });
  if (!result.ok) throw new UserFacingError('Someone else is changing the register at this moment. Please try again in a minute.');
  return listUnmatchedContacts(ctx);
}
