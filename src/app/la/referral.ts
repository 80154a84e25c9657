/**
 * The referral / sickness-return pack for the LA at the 15-school-day point: pupil details, days
 * missed, the chronology of contact, work and letters, the current curriculum and materials, and
 * the evidence the school holds, as references only (never copies of medical records). Made from
 * the "LA referral" template into the case's restricted folder, named without health detail.
 * Sending it (by email here, or by the LA's own route and then recorded) logs it as information
 * shared and records on the case the day the LA was told.
 *
 * Safe to repeat after a fault: the day's pack in the case folder is reused (filled in if it was
 * left part-way), and the email is marked in document properties before and after it is sent, so
 * a repeat that finds it sent only records it, and a pack already sent and recorded today is not
 * emailed again.
 */
import { AUDIT_LOG, CASE_HISTORY, CASES, INFORMATION_SHARING, LA_PROVISION, WORK_SET } from '../../domain/schema';
import { countAbsence } from '../../domain/schoolDays';
import { formatLongDate, isValidIso, type IsoDate } from '../../domain/dates';
import { laDocumentName } from '../../domain/la/documents';
import { LA_SETTING } from '../../domain/la/settings';
import { suggestedLawfulBasis } from '../../domain/la/lawfulBases';
import { UserFacingError } from '../../domain/errors';
import type { StoredRow } from '../../ports';
import type { ReferralPackInput, ReferralPackResult, ReferralSentInput } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { loadRegister, pupilPeriods } from '../cases/register';
import { recordHistory } from '../cases/caseStore';
import { chronologyOf } from '../contacts/chronology';
import { caseDocumentValues } from './caseDocumentValues';
import { caseFolder, dayDocument } from './documents';
import { appendShare, requireLawfulBasis } from './informationSharing';
import { inputDate, inputText, rowsOfCase, text, withLock } from './common';

const NONE = 'None recorded.';
const WHAT_IS_SHARED = 'Referral pack: pupil and parent/carer details, kind of health need (no diagnosis), school days missed, chronology of contact, work set and letters, current curriculum and materials, and references to evidence held (no copies of medical records)';
const WHY = 'To tell the LA the pupil will miss 15 or more school days through illness (sickness return) and ask it to arrange education under section 19 of the Education Act 1996';

export function generateReferralPack(ctx: AppContext, input: ReferralPackInput): ReferralPackResult {
  ctx.authorise('la.share');
  const curriculum = inputText('the curriculum and materials', input.curriculum, { max: 5000 });
  const evidence = (input.evidence ?? []).map((e) => inputText('an evidence reference', e, { max: 300 })).filter(Boolean);
  const basis = input.lawfulBasis ? requireLawfulBasis(input.lawfulBasis) : suggestedLawfulBasis('Local authority', 'sickness return').label;
  const referralEmail = ctx.settings.text(LA_SETTING.referralEmail);
  if (input.send === 'email' && !referralEmail) {
    throw new UserFacingError(`The referral cannot be emailed: the "${LA_SETTING.referralEmail}" setting is blank. Fill it in on the Settings sheet, or make the pack without sending and send it by the LA\u2019s own route.`);
  }
  return withLock(ctx, () => {
    const register = loadRegister(ctx);
    const wanted = String(input.ref ?? '').trim().toUpperCase();
    const record = register.byRef.get(wanted);
    if (!record) throw new UserFacingError(`There is no case ${wanted} in the register.`);
    const today = ctx.today();
    const threshold = ctx.settings.number('LA notification threshold (school days)');
    const year = countAbsence(pupilPeriods(register, record.upn), register.calendar, today, { threshold });
    const own = countAbsence(record.periods, register.calendar, today, { threshold });
    const v = record.values;
    const name = laDocumentName('LA referral', record.ref, today);
    const folder = caseFolder(ctx, record.ref);
    const values: Record<string, string> = {
      ...caseDocumentValues(ctx, v),
      'SLA reference': ctx.settings.text(LA_SETTING.slaReference) || 'not recorded',
      UPN: record.upn,
      'Date of birth': dateOrNot(text(v.dateOfBirth)),
      'Parent contact': [text(v.parentEmail), text(v.parentPhone)].filter(Boolean).join(', ') || 'not recorded',
      'Kind of health need': text(v.healthNeed) || 'Not recorded',
      'First day of absence': dateOrNot(record.firstDay),
      'School days missed': `${year.cumulativeThisYear} this academic year; ${own.consecutive} in the current absence`,
      '15-day point': year.fifteenDayReachedOn
        ? `Reached on ${formatLongDate(year.fifteenDayReachedOn)}`
        : v.expectsFifteen === true ? 'Expected: the school has reasonable grounds to expect 15 or more school days of absence'
          : year.projectedFifteenDay ? `Expected on ${formatLongDate(year.projectedFifteenDay)} if the absence continues` : 'Not reached',
      'Current arrangement': record.arrangement || 'Not recorded',
      Chronology: chronologyText(ctx, record.ref),
      'Work set': workSetText(rowsOfCase(ctx, WORK_SET, record.ref)),
      'Curriculum and materials': curriculum || 'The coordinator will send each subject\u2019s current topics, materials and assessments to the provider.',
      'Evidence held': evidence.length ? evidence.map((e) => `\u2022 ${e}`).join('\n') : 'None held: the parent/carer\u2019s account is the evidence so far.',
      'Lead member of staff': text(v.lead) || 'The learning centre manager',
    };
    // The day's pack is reused (its names are fixed per case and day): a repeat after a fault
    // finishes the document an earlier attempt made instead of copying the template again.
    const { documents, state } = ctx.services;
    const { doc, made } = dayDocument(ctx, 'LA referral', name, folder.id, values);
    const mark = sendMark(state.get(sendMarkKey(record.ref)), today);
    const earlierPdf = made ? null : documents.findFileInFolder(folder.id, `${name}.pdf`);
    const emailing = input.send === 'email' && mark === '';
    // The email needs the PDF's bytes, so it is exported again then (the earlier one goes to the bin).
    const pdf = earlierPdf && !emailing ? { file: earlierPdf, bytes: [] as number[] } : documents.exportPdf(doc.id, `${name}.pdf`, folder.id);
    if (earlierPdf && pdf.file.id !== earlierPdf.id) binQuietly(ctx, earlierPdf.id);
    if (made || !auditedRecently(ctx, 'LA referral pack made', name)) recordAudit(ctx, [{ action: 'LA referral pack made', caseRef: record.ref, after: name }]);
    const links = { document: { name: doc.name || name, url: doc.url }, pdf: { name: pdf.file.name, url: pdf.file.url } };
    if (input.send !== 'email') {
      return { ...links, status: 'Made. Send it by the LA\u2019s route, then record it as sent so the LA is recorded as told.' };
    }
    const how = `Email to ${referralEmail}`;
    if (mark === 'recorded') return { ...links, status: `Already emailed to ${referralEmail} today and recorded: it was not sent again.` };
    if (mark === '') {
      if (ctx.services.mailer.remainingDailyQuota() < 1) {
        throw new UserFacingError('The pack was made but not emailed: the add-on has used its email allowance for today. Send the PDF from the case folder, then record it as sent.');
      }
      // Marked before sending and after: a repeat that finds the mark records the email and never
      // sends it again. A send that fails here clears the mark, since nothing went.
      state.set({ [sendMarkKey(record.ref)]: `${today}|sending` });
      try {
        ctx.services.mailer.send({
          to: referralEmail,
          subject: `Referral from ${ctx.settings.text('School name')}: case ${record.ref}`,
          body: [
            `Please find attached a referral for education under section 19 for a pupil at ${ctx.settings.text('School name')} (our reference ${record.ref}).`,
            `SLA reference: ${ctx.settings.text(LA_SETTING.slaReference) || 'not recorded'}.`,
            '',
            'The pupil\u2019s details are in the attached document, not in this email.',
          ].join('\n'),
          replyTo: ctx.actorEmail || undefined,
          attachments: [{ name: `${name}.pdf`, contentType: 'application/pdf', bytes: pdf.bytes }],
        });
      } catch (error) {
        clearMarkQuietly(ctx, record.ref);
        throw error;
      }
      state.set({ [sendMarkKey(record.ref)]: `${today}|sent` });
    }
    markSent(ctx, record.ref, record.rowNumber, text(v.laNotifiedOn), today, how, referralEmail, doc.url, basis, mark !== '');
    state.set({ [sendMarkKey(record.ref)]: `${today}|recorded` });
    const stopped = mark === 'sending'
      ? ' The add-on had stopped while emailing it, so it is recorded as sent and was not emailed again: check your Sent mail that it went, and if it did not, send the PDF from the case folder.'
      : '';
    return { ...links, status: `Sent to ${referralEmail}.${stopped}` };
  });
}

/** Where the day's referral email is marked "sending", "sent" and "recorded", per case. */
function sendMarkKey(ref: string): string {
  return `la.referralEmail.${ref}`;
}

/** Today's mark ('' when none, or when it is another day's). */
function sendMark(stored: string | null, today: IsoDate): '' | 'sending' | 'sent' | 'recorded' {
  const [day, what] = String(stored ?? '').split('|');
  return day === today && (what === 'sending' || what === 'sent' || what === 'recorded') ? what : '';
}

function clearMarkQuietly(ctx: AppContext, ref: string): void {
  try {
    ctx.services.state.remove(sendMarkKey(ref));
  } catch (error) {
    // Left "sending", a repeat records the pack as sent without sending it, and says to check.
    console.warn(`The referral email mark for ${ref} could not be cleared: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function binQuietly(ctx: AppContext, fileId: string): void {
  try {
    ctx.services.documents.trash(fileId);
  } catch (error) {
    // Tidying only: the pack is right without it; the earlier PDF stays in the case folder.
    console.warn(`The earlier referral PDF ${fileId} could not be moved to the bin: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether the audit log's last rows hold this entry (read only when repeating, to add what an earlier attempt missed). */
function auditedRecently(ctx: AppContext, action: string, after: string): boolean {
  return ctx.services.tables.readTail(AUDIT_LOG, 200).some((r) => String(r.values.action) === action && String(r.values.after) === after);
}

/** The pack was sent by the LA's own route (portal, secure email): log the share and the day the LA was told. */
export function recordReferralSent(ctx: AppContext, input: ReferralSentInput): { status: string } {
  ctx.authorise('la.share');
  const sentOn = inputDate('date it was sent', input.sentOn, { required: true }) as IsoDate;
  if (sentOn > ctx.today()) throw new UserFacingError('The date it was sent is in the future: record it once it has gone.');
  const how = inputText('how it was sent', input.how, { required: true, max: 200 });
  const basis = input.lawfulBasis ? requireLawfulBasis(input.lawfulBasis) : suggestedLawfulBasis('Local authority', 'sickness return').label;
  return withLock(ctx, () => {
    const wanted = String(input.ref ?? '').trim().toUpperCase();
    const row = ctx.services.tables.readAll(CASES).find((r) => text(r.values.ref).toUpperCase() === wanted);
    if (!row) throw new UserFacingError(`There is no case ${wanted} in the register.`);
    const recipient = ctx.settings.text(LA_SETTING.referralEmail) || ctx.settings.text(LA_SETTING.serviceName);
    markSent(ctx, text(row.values.ref), row.rowNumber, text(row.values.laNotifiedOn), sentOn, how, recipient, inputText('the document link', input.documentLink, { max: 500 }), basis);
    return { status: `Recorded: the LA was told on ${formatLongDate(sentOn)}.` };
  });
}

/**
 * Logs the share, the day the LA was told, the history and the provision's referral date. When
 * `repeating` (an earlier attempt sent it and may have recorded part of it), what is already
 * there is not written again.
 */
function markSent(ctx: AppContext, ref: string, rowNumber: number, toldBefore: string, sentOn: IsoDate, how: string, recipient: string, link: string, basis: string, repeating = false): void {
  const service = ctx.settings.text(LA_SETTING.serviceName);
  const shared = repeating && rowsOfCase(ctx, INFORMATION_SHARING, ref)
    .some((r) => text(r.values.what) === WHAT_IS_SHARED && text(r.values.sharedOn) === sentOn && text(r.values.how) === how);
  if (!shared) appendShare(ctx, {
    caseRef: ref,
    sharedOn: sentOn,
    sharedWith: 'Local authority',
    recipient: [service, recipient].filter(Boolean).join(' \u2013 '),
    what: WHAT_IS_SHARED,
    why: WHY,
    lawfulBasis: basis,
    how,
    documentLink: link,
  });
  // The first telling is what the statutory return needs; a later resend does not move it.
  if (!isValidIso(toldBefore)) {
    ctx.services.tables.update(CASES, [{ rowNumber, values: { laNotifiedOn: sentOn } }]);
    recordAudit(ctx, [{ action: 'Case changed', caseRef: ref, before: 'laNotifiedOn: ', after: `laNotifiedOn: ${sentOn}` }]);
  }
  const told = repeating && rowsOfCase(ctx, CASE_HISTORY, ref)
    .some((r) => text(r.values.event) === 'LA told (referral sent)' && text(r.values.date) === sentOn && text(r.values.detail) === how);
  if (!told) recordHistory(ctx, [{ caseRef: ref, date: sentOn, event: 'LA told (referral sent)', detail: how }]);
  const provision = rowsOfCase(ctx, LA_PROVISION, ref).filter((r) => !isValidIso(text(r.values.referredOn)));
  if (provision.length) ctx.services.tables.update(LA_PROVISION, provision.map((r) => ({ rowNumber: r.rowNumber, values: { referredOn: sentOn } })));
}

function dateOrNot(iso: string): string {
  return isValidIso(iso) ? formatLongDate(iso) : 'Not recorded';
}

/** The chronology without wellbeing notes: the LA needs the record of contact, not health detail. */
function chronologyText(ctx: AppContext, ref: string): string {
  const entries = chronologyOf(ctx, ref, { wellbeing: false });
  if (entries.length === 0) return NONE;
  return entries.map((e) => `${formatLongDate(e.date)} \u2013 ${e.kind} \u2013 ${e.summary}`).join('\n');
}

function workSetText(rows: readonly StoredRow[]): string {
  if (rows.length === 0) return NONE;
  return rows
    .map((r) => r.values)
    .sort((a, b) => text(a.dateSet).localeCompare(text(b.dateSet)))
    .map((w) => {
      const returned = isValidIso(text(w.returned)) ? `returned ${formatLongDate(text(w.returned))}` : 'not yet returned';
      return `\u2022 ${dateOrNot(text(w.dateSet))}: ${text(w.subject)} \u2013 ${text(w.description)} (${text(w.medium)}; ${returned})`;
    })
    .join('\n');
}
