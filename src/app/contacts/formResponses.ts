/**
 * Copying contact Form responses to the Contact log, exactly once each.
 *
 * Apps Script delivers a form-submit event at least once, sometimes blank, and a run may not get
 * the lock. So the event is only a nudge: the responses sheet is the source of truth, and each run
 * (holding the document lock) copies the rows after a cursor kept in document properties, then
 * moves the cursor. A repeated or blank event finds nothing new; a run that cannot get the lock
 * leaves its rows to the next run (the next submission, the daily check, or the sidebar). A run
 * that stops between writing and moving the cursor leaves a 'pending' mark, and the next run
 * checks the Contact IDs at the end of the log before writing again.
 *
 * Cost per run is fixed whatever the size of the register and the log: one read of the new rows,
 * the Case ref column and the named case rows, one append to each log, one small case update.
 */
import { CONTACTS, UNMATCHED_CONTACTS } from '../../domain/schema';
import {
  CONTACT_FORM_RESPONSES,
  answersSummary,
  caseRefFromChoice,
  formContactId,
  readContactAnswers,
} from '../../domain/contactForm';
import type { RowValues, StoredRow } from '../../ports';
import type { AppContext } from '../context';
import { prepareAudit } from '../audit';
import { KEY, readCursor, writeCursor } from './keys';
import { contactAudit, contactRow, lookupCasesByColumn, updateCasesAfterContacts, type CaseLookup } from './contactRecords';

/** Rows copied per submission run: a burst larger than this is finished by the next run. */
export const SUBMISSION_BATCH = 200;
/** Rows copied by the daily check's sweep in its one read. */
export const SWEEP_BATCH = 5000;
/** How long a submission waits for the lock before leaving its row to the next run. */
export const SUBMISSION_LOCK_MS = 20_000;

export interface SweepResult {
  readonly logged: RowValues[];
  readonly unmatched: RowValues[];
  /** Rows skipped because an earlier, interrupted run had already written them. */
  readonly alreadyWritten: number;
  /** The batch was full: more rows may be waiting. */
  readonly more: boolean;
}

const EMPTY: SweepResult = { logged: [], unmatched: [], alreadyWritten: 0, more: false };

export interface SweepOptions {
  readonly maxRows: number;
  /** How cases are found: by column for a submission, from the loaded register in the daily check. */
  readonly lookup: CaseLookup;
  /** Update the matched cases' last contact (a submission); the daily check writes every case itself. */
  readonly updateCases: boolean;
}

/** Copies new responses to the logs. The caller must hold the document lock. */
export function sweepFormResponses(ctx: AppContext, options: SweepOptions): SweepResult {
  const { tables, state } = ctx.services;
  const sheetId = state.get(KEY.responsesSheet);
  if (!sheetId) return EMPTY;
  const cursor = readCursor(state.get(KEY.cursor), sheetId);
  const rows = tables.readAfter(CONTACT_FORM_RESPONSES, cursor.row, options.maxRows);
  if (rows.length === 0) return EMPTY;
  const lastRow = rows[rows.length - 1].rowNumber;

  // A previous run wrote some of these rows and stopped before moving the cursor.
  const pending = readCursor(state.get(KEY.pending), sheetId);
  const written = new Set<string>();
  if (pending.row > cursor.row) {
    const span = pending.row - cursor.row + 20;
    for (const r of tables.readTail(CONTACTS, span)) written.add(String(r.values.contactId));
    for (const r of tables.readTail(UNMATCHED_CONTACTS, span)) written.add(String(r.values.contactId));
  }

  const today = ctx.today();
  const parsed = rows.map((row) => ({ row, ref: caseRefFromChoice(String(row.values.pupil)) }));
  const cases = options.lookup([...new Set(parsed.map((p) => p.ref).filter(Boolean))]);
  const now = ctx.now();
  const logged: RowValues[] = [];
  const unmatched: RowValues[] = [];
  /** Rows an interrupted run logged: their cases may not show them yet. */
  const relogged: RowValues[] = [];
  let alreadyWritten = 0;
  for (const { row, ref } of parsed) {
    const timestamp = row.values.timestamp;
    const id = timestamp instanceof Date ? formContactId(row.rowNumber, timestamp) : `F-${row.rowNumber}-no-timestamp`;
    if (written.has(id)) {
      alreadyWritten += 1;
      const answers = readContactAnswers(row.values, today);
      if (answers.ok && timestamp instanceof Date) relogged.push(contactRow(id, ref, answers.answers, String(row.values.email ?? '').trim(), timestamp, 'Form'));
      continue;
    }
    const respondent = String(row.values.email ?? '').trim();
    const reason = unmatchedReason(row, ref, cases.get(ref)?.status);
    const answers = readContactAnswers(row.values, today);
    if (reason || !answers.ok) {
      unmatched.push(unmatchedRow(id, row, timestamp instanceof Date ? timestamp : now, reason || (answers.ok ? '' : answers.reason), respondent));
      continue;
    }
    logged.push(contactRow(id, ref, answers.answers, respondent, timestamp as Date, 'Form'));
  }

  let auditDone: Readonly<Record<string, string>> = {};
  if (logged.length || unmatched.length) {
    const audit = prepareAudit(ctx, [
      ...logged.map((r) => contactAudit(r, 'Contact logged (Form)')),
      ...unmatched.map((r) => ({ action: 'Contact response not matched to a case', after: `${r.contactId}: ${r.reason}` })),
    ]);
    // One property write before the rows (this run's pending mark and the audit's) and one after
    // (the cursor and the audit's last seal): each mark is set before what it guards is written.
    state.set({ [KEY.pending]: writeCursor({ sheetId, row: lastRow }), ...audit?.before });
    tables.append(CONTACTS, logged, { rowNumbers: false });
    tables.append(UNMATCHED_CONTACTS, unmatched, { rowNumbers: false });
    audit?.append();
    auditDone = audit?.after ?? {};
  }
  // (Idempotent: a case already showing a contact is not written again.)
  if (options.updateCases && (logged.length || relogged.length)) updateCasesAfterContacts(ctx, cases, [...relogged, ...logged]);
  state.set({ [KEY.cursor]: writeCursor({ sheetId, row: lastRow }), [KEY.pending]: '', [KEY.lastSweep]: now.toISOString(), ...auditDone, ...options.lookup.learnt?.() });
  return { logged, unmatched, alreadyWritten, more: rows.length >= options.maxRows };
}

function unmatchedReason(row: StoredRow, ref: string, status: string | undefined): string {
  if (!(row.values.timestamp instanceof Date)) return 'The response has no timestamp: it may have been typed into the responses sheet by hand.';
  if (String(row.values.pupil).trim() === '') return 'No pupil was chosen.';
  if (!ref) return 'The pupil answer names no case reference.';
  if (status === undefined) return `There is no case ${ref} in the register.`;
  if (status !== 'Open') return `The case ${ref} is not open (its status is ${status || 'blank'}).`;
  return '';
}

function unmatchedRow(contactId: string, row: StoredRow, receivedAt: Date, reason: string, respondent: string): RowValues {
  return {
    contactId,
    receivedAt,
    pupilAnswer: String(row.values.pupil).trim() || '(none)',
    reason,
    answers: answersSummary(row.values),
    respondent,
    resolution: '',
  };
}

export interface SubmissionOutcome {
  readonly locked: boolean;
  readonly result: SweepResult;
}

/**
 * A form-submit event. Whatever the event holds (it may be a duplicate or blank), the work is the
 * same: copy what is new. Without the lock, nothing is lost: the rows wait for the next run.
 */
export function handleContactFormSubmit(ctx: AppContext): SubmissionOutcome {
  // The trigger ends when this returns, so Apps Script releases the lock then (see DocumentLock).
  const outcome = ctx.services.lock.withLock(
    SUBMISSION_LOCK_MS,
    () => sweepFormResponses(ctx, { maxRows: SUBMISSION_BATCH, lookup: lookupCasesByColumn(ctx), updateCases: true }),
    { lastInExecution: true },
  );
  return outcome.ok ? { locked: true, result: outcome.value } : { locked: false, result: EMPTY };
}

/** For interactive callers (the sidebar): copy anything waiting, if the lock is free, without waiting long. */
export function catchUpFormResponses(ctx: AppContext): void {
  if (!ctx.services.state.get(KEY.responsesSheet)) return;
  ctx.services.lock.withLock(5_000, () =>
    sweepFormResponses(ctx, { maxRows: SUBMISSION_BATCH, lookup: lookupCasesByColumn(ctx), updateCases: true }),
  );
}
