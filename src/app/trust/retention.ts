/**
 * The disposal review: which records are past the retention periods in Settings, and, once a
 * coordinator confirms, their removal — every row of each case from every case-linked table (one
 * deleteRows per table), the case's letters and PDFs and its letters folder in Drive (to the bin,
 * where Drive keeps them 30 days), recorded in the audit log by case reference only.
 *
 * Faults: documents go first, then linked rows, then the case rows, so a run stopped half-way
 * leaves each case still listed and a second run finishes it. The refs being removed are kept in
 * document properties until the audit entry is written, so a removal is never left unlogged.
 */
import { ALL_TABLES, AUDIT_LOG, CASES, PARENT_LETTERS, UNMATCHED_CONTACTS, ATTENDANCE_CHECK, type TableSpec } from '../../domain/schema';
import { caseRetention, datedRowDue, academicYearRowDue, RETENTION_SETTING, type CaseRetention } from '../../domain/retention';
import { formatLongDate, toIsoDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import { caseFolderName } from '../../domain/letters/naming';
import { LETTERS_FOLDER_STATE_KEY } from '../../domain/letters/templates';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';

export const DISPOSAL_PENDING_KEY = 'trust.disposalPending';

export interface RetentionReview {
  /** Closed cases past their retention period: what would be removed. */
  readonly dueCases: ReadonlyArray<{ ref: string; closedOn: string; keepUntil: string }>;
  /** Closed cases that cannot be assessed, each with why. */
  readonly undecided: ReadonlyArray<{ ref: string; reason: string }>;
  readonly dueAttendanceRows: number;
  readonly dueUnmatchedRows: number;
  /** One paragraph for the confirmation question. */
  readonly summary: string;
}

/** The tables whose rows belong to a case (by a "caseRef" column), except the audit log, which keeps its chain. */
export function caseLinkedTables(): TableSpec[] {
  return ALL_TABLES.filter((t) => t.key !== AUDIT_LOG.key && t.key !== CASES.key && t.columns.some((c) => c.key === 'caseRef'));
}

export function reviewRetention(ctx: AppContext): RetentionReview {
  ctx.authorise('retention.dispose');
  return buildReview(ctx);
}

function buildReview(ctx: AppContext): RetentionReview {
  const today = ctx.today();
  const age = ctx.settings.number(RETENTION_SETTING.caseAge);
  const verdicts: CaseRetention[] = ctx.services.tables.readAll(CASES).map((r) =>
    caseRetention({ ref: String(r.values.ref), status: String(r.values.status), closedOn: String(r.values.closedOn), dateOfBirth: String(r.values.dateOfBirth) }, age, today),
  );
  const dueCases = verdicts.flatMap((v) => (v.kind === 'due' ? [{ ref: v.ref, closedOn: v.closedOn, keepUntil: v.keepUntil }] : []));
  const undecided = verdicts.flatMap((v) => (v.kind === 'undecidable' ? [{ ref: v.ref, reason: v.reason }] : []));
  const dueRefs = new Set(dueCases.map((c) => c.ref));
  const attendanceYears = ctx.settings.number(RETENTION_SETTING.attendanceYears);
  const dueAttendanceRows = ctx.services.tables.readAll(ATTENDANCE_CHECK)
    .filter((r) => !dueRefs.has(String(r.values.caseRef)) && datedRowDue(String(r.values.date), attendanceYears, today)).length;
  const unmatchedYears = ctx.settings.number(RETENTION_SETTING.unmatchedYears);
  const dueUnmatchedRows = ctx.services.tables.readAll(UNMATCHED_CONTACTS)
    .filter((r) => academicYearRowDue(dateOf(r.values.receivedAt), unmatchedYears, today)).length;

  const parts: string[] = [];
  if (dueCases.length) {
    parts.push(`${dueCases.length} closed case${dueCases.length === 1 ? ' is' : 's are'} past ${dueCases.length === 1 ? 'its' : 'their'} retention period: ` +
      dueCases.map((c) => `${c.ref} (closed ${formatLongDate(c.closedOn)}, kept until ${formatLongDate(c.keepUntil)})`).join(', ') +
      '. Removing them deletes their rows from every sheet of the register (absence periods, history, contacts, work set, letters, attendance checks) and moves their letters and PDFs to the Drive bin.');
  }
  if (dueAttendanceRows) parts.push(`${dueAttendanceRows} row${dueAttendanceRows === 1 ? '' : 's'} of the Attendance check ${dueAttendanceRows === 1 ? 'is' : 'are'} older than ${attendanceYears} years.`);
  if (dueUnmatchedRows) parts.push(`${dueUnmatchedRows} unmatched contact form response${dueUnmatchedRows === 1 ? ' is' : 's are'} past ${dueUnmatchedRows === 1 ? 'its' : 'their'} retention period.`);
  if (undecided.length) parts.push(`Not assessed: ${undecided.map((u) => `${u.ref} (${u.reason})`).join('; ')}. Add the date of birth on the Cases sheet, or remove the case by hand if your data protection officer agrees.`);
  if (!dueCases.length && !dueAttendanceRows && !dueUnmatchedRows) parts.unshift('Nothing is past its retention period today.');
  return { dueCases, undecided, dueAttendanceRows, dueUnmatchedRows, summary: parts.join('\n\n') };
}

function dateOf(value: unknown): string {
  if (value instanceof Date) return toIsoDate(value);
  return String(value ?? '').slice(0, 10);
}

export interface DisposalResult {
  readonly casesRemoved: readonly string[];
  readonly rowsRemoved: number;
  readonly documentsBinned: number;
  readonly message: string;
}

/**
 * Removes what the review lists (worked out again now, under the lock, so nothing changed
 * in between is removed by mistake). Only refs in `confirmedRefs` are removed.
 */
export function disposeRecords(ctx: AppContext, confirmedRefs: readonly string[]): DisposalResult {
  ctx.authorise('retention.dispose');
  const result = ctx.services.lock.withLock(30000, () => dispose(ctx, new Set(confirmedRefs)));
  if (!result.ok) throw new UserFacingError('Someone else is changing the register at this moment, so nothing was removed. Please try again in a minute.');
  return result.value;
}

function dispose(ctx: AppContext, confirmed: ReadonlySet<string>): DisposalResult {
  const { tables, state, documents } = ctx.services;
  const review = buildReview(ctx);
  const cases = review.dueCases.filter((c) => confirmed.has(c.ref));
  const refs = new Set(cases.map((c) => c.ref));
  const today = ctx.today();
  // Logged before anything is removed is not true yet; logged after, a fault in between would lose it.
  // So the intent is kept here and turned into the audit entry at the end (or by the next run).
  const pendingBefore = state.get(DISPOSAL_PENDING_KEY) ?? '';
  state.set({ [DISPOSAL_PENDING_KEY]: JSON.stringify([...new Set([...parsePending(pendingBefore), ...refs])]) });

  let documentsBinned = 0;
  let rowsRemoved = 0;
  if (refs.size) {
    const letters = tables.readAll(PARENT_LETTERS).filter((r) => refs.has(String(r.values.caseRef)));
    for (const letter of letters) {
      for (const link of [letter.values.documentLink, letter.values.pdfLink]) {
        const id = driveIdOf(String(link ?? ''));
        if (id && documents.trash(id)) documentsBinned += 1;
      }
    }
    const rootId = state.get(LETTERS_FOLDER_STATE_KEY);
    if (rootId) {
      const wanted = new Set([...refs].map(caseFolderName));
      for (const folder of documents.listFolders(rootId)) {
        if (wanted.has(folder.name) && documents.trash(folder.id)) documentsBinned += 1;
      }
    }
    for (const spec of caseLinkedTables()) {
      const rows = tables.readColumn(spec, 'caseRef').filter((c) => refs.has(String(c.value))).map((c) => c.rowNumber);
      if (rows.length) tables.deleteRows(spec, rows);
      rowsRemoved += rows.length;
    }
    const caseRows = tables.readColumn(CASES, 'ref').filter((c) => refs.has(String(c.value))).map((c) => c.rowNumber);
    if (caseRows.length) tables.deleteRows(CASES, caseRows);
    rowsRemoved += caseRows.length;
  }

  const attendanceYears = ctx.settings.number(RETENTION_SETTING.attendanceYears);
  const oldAttendance = tables.readAll(ATTENDANCE_CHECK).filter((r) => datedRowDue(String(r.values.date), attendanceYears, today)).map((r) => r.rowNumber);
  if (oldAttendance.length) tables.deleteRows(ATTENDANCE_CHECK, oldAttendance);
  const unmatchedYears = ctx.settings.number(RETENTION_SETTING.unmatchedYears);
  const oldUnmatched = tables.readAll(UNMATCHED_CONTACTS).filter((r) => academicYearRowDue(dateOf(r.values.receivedAt), unmatchedYears, today)).map((r) => r.rowNumber);
  if (oldUnmatched.length) tables.deleteRows(UNMATCHED_CONTACTS, oldUnmatched);

  const logged = [...new Set([...parsePending(pendingBefore), ...refs])];
  const entries = logged.map((ref) => {
    const c = cases.find((x) => x.ref === ref);
    return {
      action: 'Records removed: retention period ended',
      caseRef: ref,
      after: c
        ? `Case closed ${c.closedOn}, kept until ${c.keepUntil}; its rows on every sheet removed and its letters moved to the Drive bin.`
        : 'Removal completed after an earlier run was interrupted.',
    };
  });
  if (oldAttendance.length) entries.push({ action: 'Records removed: retention period ended', caseRef: '', after: `${oldAttendance.length} Attendance check row(s) older than ${attendanceYears} years.` });
  if (oldUnmatched.length) entries.push({ action: 'Records removed: retention period ended', caseRef: '', after: `${oldUnmatched.length} unmatched contact form response(s) past their retention period.` });
  recordAudit(ctx, entries);
  state.remove(DISPOSAL_PENDING_KEY);

  const total = rowsRemoved + oldAttendance.length + oldUnmatched.length;
  const message = total === 0 && documentsBinned === 0
    ? 'Nothing was removed: nothing confirmed is past its retention period today.'
    : `Removed ${refs.size} case${refs.size === 1 ? '' : 's'} (${[...refs].join(', ') || 'none'}): ${total} row${total === 1 ? '' : 's'} deleted and ${documentsBinned} Drive item${documentsBinned === 1 ? '' : 's'} moved to the bin, where Drive keeps them for 30 days. The audit log records it.`;
  return { casesRemoved: [...refs], rowsRemoved: total, documentsBinned, message };
}

function parsePending(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** The file id in a Docs or Drive link (…/d/<id>/… or ?id=<id>), or ''. */
export function driveIdOf(link: string): string {
  const m = /\/d\/([\w-]{10,})/.exec(link) ?? /[?&]id=([\w-]{10,})/.exec(link) ?? /\/folders\/([\w-]{10,})/.exec(link);
  return m ? m[1] : '';
}
