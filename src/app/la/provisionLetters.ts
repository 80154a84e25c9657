/**
 * What the school does while the LA provides: the policy's aim is that pupils, staff and parents
 * understand it. From templates with the provider's details: a letter for the parents/carers, a
 * short one for the pupil and a one-page staff note, made in the case's restricted folder,
 * named without health detail, and logged like every letter (Parent letters sheet, audit log).
 */
import { LA_PROVISION, PARENT_LETTERS } from '../../domain/schema';
import { formatLongDate, isValidIso } from '../../domain/dates';
import { LA_ATTENDANCE_ADVICE, laDocumentName, pupilPromises, SCHOOL_RESPONSIBILITIES, type LaDocumentKind } from '../../domain/la/documents';
import { UserFacingError } from '../../domain/errors';
import type { RowValues } from '../../ports';
import type { DocumentResult } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { caseFolder, makeDocument } from './documents';
import { caseDocumentValues, signOffName } from './caseDocumentValues';
import { caseRow, nextId, rowsOfCase, text, withLock } from './common';

const KINDS: readonly LaDocumentKind[] = ['LA provision letter (parent)', 'LA provision letter (pupil)', 'LA provision staff note'];

export function generateLaProvisionLetters(ctx: AppContext, input: { ref: string }): { documents: DocumentResult[] } {
  ctx.authorise('letter.send');
  return withLock(ctx, () => {
    const row = caseRow(ctx, input.ref);
    const v = row.values;
    const ref = text(v.ref);
    const provision = rowsOfCase(ctx, LA_PROVISION, ref).filter((r) => !isValidIso(text(r.values.endDate))).pop();
    if (!provision) throw new UserFacingError(`Case ${ref} has no current LA provision: record the provider, start date and planned hours first.`);
    const start = text(provision.values.startDate);
    const today = ctx.today();
    const pupilName = text(v.pupilName);
    const provider = text(provision.values.provider);
    const signOff = signOffName(ctx);
    const values: Record<string, string> = {
      ...caseDocumentValues(ctx, v),
      Provider: provider,
      'Provision start': isValidIso(start) ? formatLongDate(start) : 'a date to be confirmed',
      'Planned hours': String(provision.values.plannedHours),
      'School responsibilities': SCHOOL_RESPONSIBILITIES.map((r) => `\u2022 ${r}`).join('\n'),
      'School contact': text(v.lead) || signOff,
      'Pupil promises': pupilPromises(provider).join('\n'),
      'Lead member of staff': text(v.lead) || signOff,
      'Attendance advice': LA_ATTENDANCE_ADVICE,
    };
    const folder = caseFolder(ctx, ref);
    const made = KINDS.map((kind) => ({ kind, doc: makeDocument(ctx, kind, laDocumentName(kind, ref, today), folder.id, values) }));
    // The two letters join every other letter on the Parent letters sheet; the staff note is internal.
    const now = ctx.now();
    const letterRows: RowValues[] = [];
    for (const { kind, doc } of made.filter((m) => m.kind !== 'LA provision staff note')) {
      letterRows.push({
        letterId: '',
        caseRef: ref,
        kind,
        to: kind === 'LA provision letter (pupil)' ? `${pupilName} (pupil)` : text(v.parentName) || 'Parent/carer',
        how: 'Printed',
        documentLink: doc.url,
        pdfLink: '',
        status: 'Generated',
        createdAt: now,
        sentAt: '',
        by: ctx.actorEmail,
        updatedAt: now,
        content: JSON.stringify({ values, emailTo: '' }),
      });
    }
    const firstId = nextId(ctx, PARENT_LETTERS, 'letterId', 'L');
    const base = Number(firstId.slice(2));
    letterRows.forEach((r, i) => { r.letterId = `L-${String(base + i).padStart(5, '0')}`; });
    ctx.services.tables.append(PARENT_LETTERS, letterRows);
    recordAudit(ctx, made.map(({ kind, doc }) => ({ action: 'Document made', caseRef: ref, after: doc.name || kind })));
    return { documents: made.map(({ kind, doc }) => ({ name: doc.name || kind, url: doc.url })) };
  });
}
