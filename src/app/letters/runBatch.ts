/**
 * Making and sending queued letters in batches that resume where they stopped.
 *
 * One run: (1) under the lock, check the day's email allowance, hold what would exceed it, and
 * claim up to a run's worth of Queued letters by marking them Sending (so a second run, or a
 * second person, never takes the same letter); (2) without the lock, make each letter: one copy
 * of the template, one batchUpdate to fill it, one PDF export (saved beside it), one email, and
 * stop starting letters when the time budget would be passed or Google's limits are hit;
 * (3) under the lock, write every letter's status in one batched update and the audit in one
 * append. Letters claimed but not reached go back to Queued; a letter that failed keeps the
 * document already made, so retrying it does not copy the template again.
 */
import { PARENT_LETTERS } from '../../domain/schema';
import { checkPlaceholders } from '../../domain/letters/placeholders';
import { LETTER_FIELDS, LETTERS_FOLDER_STATE_KEY } from '../../domain/letters/templates';
import { decodeContent } from '../../domain/letters/content';
import { caseFolderName, letterEmailBody, letterEmailSubject, letterFileName, letterPdfName } from '../../domain/letters/naming';
import { isRunStoppingError, LETTER_RUN_BUDGET_MS, MAX_LETTERS_PER_RUN, planBatch, STALE_CLAIM_MS, timeForAnother } from '../../domain/letters/batchPlan';
import { WORK_SETTING } from '../../domain/work/settings';
import { failedStatus, isFailedStatus, isLetterKind, LETTER_STATUS, type LetterKind } from '../../domain/work/vocabulary';
import { UserFacingError } from '../../domain/errors';
import type { RowChange, RowValues, StoredRow } from '../../ports';
import type { LetterProgress } from '../../shared/workApi';
import type { AppContext } from '../context';
import { recordAudit, type AuditEntry } from '../audit';
import { withRegisterLock } from '../registerLock';
import { letterProgress } from './progress';
import { documentUrl, readTemplateText, templateId } from './templates';

export interface BatchOptions {
  /** Stop starting letters after this long (default 5 minutes). */
  readonly budgetMs?: number;
  /** Most letters in one run. */
  readonly maxCount?: number;
}

type Step = 'folder' | 'copy' | 'fill' | 'export' | 'email' | 'content' | 'template';

const STEP_PHRASE: Record<Step, string> = {
  folder: 'Google Drive could not make the case\u2019s letters folder',
  copy: 'Google Drive could not copy the template',
  fill: 'Google Docs could not fill in the letter',
  export: 'Google Drive could not make the PDF',
  email: 'the email could not be sent',
  content: 'the letter\u2019s content on the sheet could not be read (it may have been edited by hand)',
  template: 'the template has a problem',
};

interface Outcome {
  status: string;
  documentLink?: string;
  pdfLink?: string;
  sentAt?: Date;
  audit?: AuditEntry;
}

export function runLetterBatch(ctx: AppContext, options: BatchOptions = {}): LetterProgress {
  ctx.authorise('letter.send');
  const startedAt = ctx.now().getTime();
  const budgetMs = options.budgetMs ?? LETTER_RUN_BUDGET_MS;
  const maxCount = options.maxCount ?? MAX_LETTERS_PER_RUN;
  const { tables, mailer } = ctx.services;

  // ---- 1. Claim, under the lock.
  const claim = withRegisterLock(ctx, () => {
    const rows = tables.readAll(PARENT_LETTERS);
    const now = ctx.now();
    const changes: RowChange[] = [];
    const audit: AuditEntry[] = [];
    for (const row of rows) {
      const updated = row.values.updatedAt instanceof Date ? row.values.updatedAt.getTime() : 0;
      if (row.values.status === LETTER_STATUS.sending && now.getTime() - updated > STALE_CLAIM_MS) {
        // The execution that claimed it cannot still be running; it may have emailed before it stopped.
        const status = failedStatus('the run making this letter stopped part-way, so it may or may not have been emailed. Check the document and the Sent mail before choosing "Retry failed letters"');
        changes.push({ rowNumber: row.rowNumber, values: { status, updatedAt: now } });
        audit.push({ action: 'Letter failed', caseRef: String(row.values.caseRef), after: `${String(row.values.letterId)}: ${status}` });
      }
    }
    const waiting = rows.filter((r) => r.values.status === LETTER_STATUS.queued || r.values.status === LETTER_STATUS.held);
    const emails = waiting.filter((r) => r.values.how === 'Email').length;
    const remainingEmails = emails > 0 ? mailer.remainingDailyQuota() : 0;
    const reserve = ctx.settings.number(WORK_SETTING.emailReserve);
    const plan = planBatch(waiting.map((r) => ({ letterId: String(r.values.letterId), needsEmail: r.values.how === 'Email' })), remainingEmails, reserve, maxCount);
    const byId = new Map(waiting.map((r) => [String(r.values.letterId), r]));
    const taken = plan.take.map((id) => byId.get(id) as StoredRow);
    for (const row of taken) changes.push({ rowNumber: row.rowNumber, values: { status: LETTER_STATUS.sending, updatedAt: now } });
    let newlyHeld = 0;
    for (const id of plan.hold) {
      const row = byId.get(id) as StoredRow;
      if (row.values.status === LETTER_STATUS.held) continue;
      newlyHeld += 1;
      changes.push({ rowNumber: row.rowNumber, values: { status: LETTER_STATUS.held, updatedAt: now } });
      audit.push({ action: 'Letter held', caseRef: String(row.values.caseRef), after: `${id}: held until the daily email allowance has room (${remainingEmails} left, ${reserve} kept back)` });
    }
    if (changes.length) tables.update(PARENT_LETTERS, changes);
    if (audit.length) recordAudit(ctx, audit);
    return { taken, held: plan.hold.length, newlyHeld, remainingEmails };
  });

  if (claim.taken.length === 0) {
    const message = claim.held
      ? `${claim.held} letter${claim.held === 1 ? ' is' : 's are'} held: the daily email allowance has ${claim.remainingEmails} left. They will go on a run once the allowance resets (24 hours after the first email of the day).`
      : 'There are no queued letters.';
    return letterProgress(ctx, 0, false, message);
  }

  // ---- 2. Make and send, without the lock.
  const outcomes = new Map<number, Outcome>();
  let stopReason = '';
  let limitHit = false;
  try {
    makeLetters(ctx, claim.taken, outcomes, startedAt, budgetMs, (reason, limit) => { stopReason = reason; limitHit = limit; });
  } finally {
    // ---- 3. Every claimed row gets a clear status, in one write, whatever happened above.
    const now = ctx.now();
    const changes: RowChange[] = [];
    const audit: AuditEntry[] = [];
    for (const row of claim.taken) {
      const outcome = outcomes.get(row.rowNumber);
      if (!outcome) {
        changes.push({ rowNumber: row.rowNumber, values: { status: LETTER_STATUS.queued, updatedAt: now } });
        continue;
      }
      const values: Partial<RowValues> = { status: outcome.status, updatedAt: now };
      if (outcome.documentLink) values.documentLink = outcome.documentLink;
      if (outcome.pdfLink) values.pdfLink = outcome.pdfLink;
      if (outcome.sentAt) values.sentAt = outcome.sentAt;
      changes.push({ rowNumber: row.rowNumber, values });
      if (outcome.audit) audit.push(outcome.audit);
    }
    withRegisterLock(ctx, () => {
      tables.update(PARENT_LETTERS, changes);
      if (audit.length) recordAudit(ctx, audit);
    });
  }

  const done = [...outcomes.values()].filter((o) => o.status === LETTER_STATUS.sent || o.status === LETTER_STATUS.generated).length;
  const failed = [...outcomes.values()].filter((o) => isFailedStatus(o.status)).length;
  const notReached = claim.taken.length - outcomes.size;
  const parts = [`${done} letter${done === 1 ? '' : 's'} made${done ? '' : ' this run'}.`];
  if (failed) parts.push(`${failed} failed: the Parent letters sheet says why.`);
  if (claim.held) parts.push(`${claim.held} held for the daily email allowance.`);
  if (limitHit) parts.push(`Stopped early: ${stopReason}${notReached ? ` ${notReached} letter${notReached === 1 ? ' is' : 's are'} still queued for a later run.` : ''}`);
  else if (notReached) parts.push(`${notReached} still queued: run again to continue (${stopReason || 'each run stops well before Apps Script\u2019s six-minute limit'}).`);
  return letterProgress(ctx, done, !limitHit, parts.join(' '));
}

function makeLetters(
  ctx: AppContext,
  rows: readonly StoredRow[],
  outcomes: Map<number, Outcome>,
  startedAt: number,
  budgetMs: number,
  stop: (reason: string, limit: boolean) => void,
): void {
  const { documents, state, mailer } = ctx.services;
  const templates = new Map<LetterKind, { id: string; text: string }>();
  const template = (kind: LetterKind) => {
    let found = templates.get(kind);
    if (!found) {
      const id = templateId(ctx, kind);
      found = { id, text: readTemplateText(ctx, kind, id) };
      templates.set(kind, found);
    }
    return found;
  };
  const rootId = state.get(LETTERS_FOLDER_STATE_KEY);
  if (!rootId) throw new UserFacingError('There is no letters folder yet. Choose Extensions \u203a Health Needs Register \u203a Set up / repair register to make it.');
  let folders: Map<string, string> | null = null;
  const folderFor = (ref: string): string => {
    folders ??= new Map(documents.listFolders(rootId).map((f) => [f.name, f.id]));
    const name = caseFolderName(ref);
    let id = folders.get(name);
    if (!id) {
      id = documents.createFolder(name, rootId).id;
      folders.set(name, id);
    }
    return id;
  };
  const schoolName = ctx.settings.text('School name');
  const signOff = ctx.settings.text(WORK_SETTING.signOff);
  const today = ctx.today();
  let longest = 0;

  for (const row of rows) {
    const elapsed = ctx.now().getTime() - startedAt;
    if (!timeForAnother(elapsed, longest, budgetMs)) {
      stop('this run used its time budget', false);
      return;
    }
    const letterStart = ctx.now().getTime();
    const letterId = String(row.values.letterId);
    const ref = String(row.values.caseRef);
    const kind = String(row.values.kind);
    const how = String(row.values.how);
    const done: Outcome = { status: '' };
    let step: Step = 'content';
    try {
      const content = decodeContent(String(row.values.content));
      if (!content || !isLetterKind(kind)) throw new Error('unreadable letter content');
      step = 'template';
      const tpl = template(kind);
      const check = checkPlaceholders(tpl.text, LETTER_FIELDS[kind], content.values);
      if (check.problems.length) throw new Error(check.problems.join(' '));

      step = 'folder';
      const folderId = folderFor(ref);
      // A retried letter reuses the document it already has, so the template is never copied twice.
      const earlierDoc = documentIdOf(String(row.values.documentLink));
      let docId = '';
      let filled = false;
      if (earlierDoc) {
        step = 'fill';
        if (documents.find(earlierDoc)) {
          const text = documents.readText(earlierDoc);
          docId = earlierDoc;
          filled = !check.replacements.some((r) => text.includes(r.find));
        }
      }
      if (!docId) {
        step = 'copy';
        const copy = documents.copyFile(tpl.id, letterFileName(kind, ref, today), folderId);
        docId = copy.id;
      }
      done.documentLink = documentUrl(docId);
      if (!filled) {
        step = 'fill';
        documents.replaceAll(docId, check.replacements);
      }
      step = 'export';
      const pdf = documents.exportPdf(docId, letterPdfName(kind, ref, today), folderId);
      // A retried letter gets a fresh PDF (the email needs its bytes); the one an earlier attempt
      // saved goes to the bin, so the case folder holds one PDF per letter.
      done.pdfLink = pdf.file.url;
      const earlierPdf = fileIdOf(String(row.values.pdfLink));
      if (earlierPdf && earlierPdf !== pdf.file.id) {
        try {
          documents.trash(earlierPdf);
        } catch (error) {
          // Tidying only: the letter is right without it; the stale PDF stays in the case folder.
          console.warn(`Letter ${letterId}: the earlier PDF ${earlierPdf} could not be moved to the bin (${shortDetail(error)}).`);
        }
      }
      if (how === 'Email') {
        step = 'email';
        mailer.send({
          to: content.emailTo,
          subject: letterEmailSubject(kind, schoolName),
          body: letterEmailBody(content.values['Parent name'] || 'Parent/carer', schoolName, signOff),
          attachments: [{ name: pdf.file.name || letterPdfName(kind, ref, today), contentType: 'application/pdf', bytes: pdf.bytes }],
        });
        done.status = LETTER_STATUS.sent;
        done.sentAt = ctx.now();
      } else {
        done.status = LETTER_STATUS.generated;
      }
      done.audit = { action: done.status === LETTER_STATUS.sent ? 'Letter sent' : 'Letter made', caseRef: ref, after: `${letterId}: ${kind} (${how}) ${done.documentLink}` };
      outcomes.set(row.rowNumber, done);
    } catch (error) {
      const detail = shortDetail(error);
      const stopping = isRunStoppingError(detail);
      const emailed = 'Nothing was emailed.';
      const next = stopping ? 'It will be tried again when you choose "Retry failed letters".' : 'Fix the problem, then choose "Retry failed letters".';
      const status = failedStatus(`${STEP_PHRASE[step]} (${detail}). ${how === 'Email' ? `${emailed} ` : ''}${next}`);
      outcomes.set(row.rowNumber, { ...done, status, audit: { action: 'Letter failed', caseRef: ref, after: `${letterId}: ${status}` } });
      if (stopping) {
        stop(`Google reported a limit (${detail}), so no further letters were started.`, true);
        return;
      }
    }
    longest = Math.max(longest, ctx.now().getTime() - letterStart);
  }
}

/** The document id in a Docs link written by this add-on. */
function documentIdOf(link: string): string {
  const match = /\/document\/d\/([^/?#]+)/.exec(link);
  return match ? match[1] : '';
}

/** The Drive file id in a file link written by this add-on ("/file/d/<id>/…" or "?id=<id>"). */
function fileIdOf(link: string): string {
  const match = /\/d\/([^/?#]+)|[?&]id=([^&#]+)/.exec(link);
  return match ? match[1] ?? match[2] ?? '' : '';
}

/** The useful part of an API error: without "API call to … failed with error:", and not too long. */
function shortDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const trimmed = message.replace(/^API call to [\w.]+ failed with error:\s*/i, '').trim();
  return trimmed.length > 200 ? `${trimmed.slice(0, 197)}...` : trimmed;
}

/** Puts failed letters (all, or the ones named) back in the queue. Their documents are reused. */
export function retryFailedLetters(ctx: AppContext, letterIds?: readonly string[]): LetterProgress {
  ctx.authorise('letter.send');
  const wanted = letterIds && letterIds.length ? new Set(letterIds.map((id) => id.trim())) : null;
  const count = withRegisterLock(ctx, () => {
    const rows = ctx.services.tables.readAll(PARENT_LETTERS)
      .filter((r) => isFailedStatus(String(r.values.status)) && (!wanted || wanted.has(String(r.values.letterId))));
    if (rows.length === 0) return 0;
    const now = ctx.now();
    ctx.services.tables.update(PARENT_LETTERS, rows.map((r) => ({ rowNumber: r.rowNumber, values: { status: LETTER_STATUS.queued, updatedAt: now } })));
    recordAudit(ctx, rows.map((r) => ({ action: 'Letter queued again', caseRef: String(r.values.caseRef), before: `${String(r.values.letterId)}: ${String(r.values.status)}`, after: `${String(r.values.letterId)}: ${LETTER_STATUS.queued}` })));
    return rows.length;
  });
  return letterProgress(ctx, 0, true, count ? `${count} failed letter${count === 1 ? '' : 's'} queued again.` : 'There are no failed letters to retry.');
}
