/**
 * Opening a case: the pupil is picked from the Pupils sheet by UPN (or typed in when not on roll),
 * every field is checked with a message naming it, a pupil can have only one open case, and the
 * case ref is given under the document lock. One row on each of Cases, Absence periods, Case
 * history and the Audit log; the case's columns are worked out before the row is written.
 */
import type { CaseSummary, OpenCaseInput } from '../../shared/api';
import { ABSENCE_PERIODS, CASES, PUPILS } from '../../domain/schema';
import { ValidationError } from '../../domain/errors';
import { codeFor } from '../../domain/attendanceCodes';
import type { Arrangement } from '../../domain/arrangements';
import { formatLongDate } from '../../domain/dates';
import type { RowValues } from '../../ports';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { loadRegister, openCasesByUpn } from './register';
import { checkReturnAfterFirstDay, FieldChecker, isBlank } from './caseFields';
import { allocateCaseRefs, columnsFor, periodRowsOf, readLists, recordFrom, recordHistory, withCase, withRegisterLock, type HistoryEvent } from './caseStore';
import { summariseCase } from './summary';
import { casesChangedFollowUp } from '../contacts/formSetup';
import type { AuditEntry } from '../audit';
import type { CaseRecord, Register } from './register';
import { completeMissingRecords } from './recordOnce';
import { withFollowUp } from './followUp';

export interface PupilOnRoll {
  readonly rowNumber: number;
  readonly upn: string;
  readonly name: string;
  readonly dateOfBirth: string;
  readonly yearGroup: string;
  readonly formGroup: string;
  readonly parentName: string;
  readonly parentEmail: string;
  readonly parentPhone: string;
}

/** The pupil with this UPN on the Pupils sheet: one read of the UPN column, one of the row. */
export function findPupilOnRoll(ctx: AppContext, upn: string): PupilOnRoll | null {
  const { tables } = ctx.services;
  const hit = tables.readColumn(PUPILS, 'upn').find((c) => String(c.value).trim().toUpperCase() === upn);
  if (!hit) return null;
  const [row] = tables.readRows(PUPILS, [hit.rowNumber]);
  if (!row) return null;
  const v = row.values;
  const s = (k: string) => String(v[k] ?? '').trim();
  return {
    rowNumber: row.rowNumber, upn, name: s('name'), dateOfBirth: s('dateOfBirth'), yearGroup: s('yearGroup'),
    formGroup: s('formGroup'), parentName: s('parentName'), parentEmail: s('parentEmail'), parentPhone: s('parentPhone'),
  };
}

export function openCase(ctx: AppContext, input: OpenCaseInput): CaseSummary {
  ctx.authorise('case.open');
  const lists = readLists(ctx);
  return withRegisterLock(ctx, () => {
    const register = loadRegister(ctx);
    const today = ctx.today();
    const check = new FieldChecker({ calendar: register.calendar, today, staff: ctx.staff, healthNeeds: lists['Kind of health need'] });

    const upn = check.upn('upn', input.upn);
    const pupil = upn ? findPupilOnRoll(ctx, upn) : null;
    // The MIS is the record of who the pupil is; what staff type fills the gaps or updates contacts.
    const given = (value: unknown, fallback: string) => (isBlank(value) ? fallback : value);
    // A name is needed only for a pupil not on roll; with an unreadable UPN that cannot be known yet.
    const pupilName = pupil ? pupil.name : check.personName('pupilName', 'pupil\u2019s name', input.pupilName, Boolean(upn));
    const dateOfBirth = check.dateOfBirth('dateOfBirth', given(input.dateOfBirth, pupil?.dateOfBirth ?? ''));
    const yearGroup = check.yearGroup('yearGroup', given(input.yearGroup, pupil?.yearGroup ?? ''));
    const formGroup = check.shortText('formGroup', 'form group', given(input.formGroup, pupil?.formGroup ?? ''), 40);
    const parentName = check.personName('parentName', 'parent or carer\u2019s name', given(input.parentName, pupil?.parentName ?? ''), false);
    const parentEmail = check.email('parentEmail', 'parent or carer\u2019s email', given(input.parentEmail, pupil?.parentEmail ?? ''));
    const parentPhone = check.phone('parentPhone', 'parent or carer\u2019s phone number', given(input.parentPhone, pupil?.parentPhone ?? ''));
    const healthNeed = check.healthNeed('healthNeed', input.healthNeed);
    const healthDetail = check.longText('healthDetail', 'health detail', input.healthDetail, 2000);
    const firstDay = check.date('firstDay', 'first day of absence', input.firstDay, { required: true, inCalendar: true });
    const expectedReturn = check.date('expectedReturn', 'expected return', input.expectedReturn, { required: false, inCalendar: false });
    if (firstDay && expectedReturn !== undefined) checkReturnAfterFirstDay(check, 'expectedReturn', firstDay, expectedReturn);
    const lead = check.staffEmail('lead', 'lead member of staff', isBlank(input.lead) ? ctx.actorEmail : input.lead);
    const arrangement = check.openArrangement('arrangement', input.arrangement);
    let repeatOf: CaseRecord | undefined;
    if (upn) {
      const open = openCasesByUpn(register).get(upn);
      // The same pupil with the same first day is this request made again, not a second case.
      repeatOf = firstDay ? open?.map((r) => register.byRef.get(r)).find((c) => c?.firstDay === firstDay) : undefined;
      if (open?.length && !repeatOf) {
        check.fail('upn', `${pupilName || upn} already has an open case, ${open.join(', ')}. Change that case, or record a new absence on it, instead of opening another.`);
      }
    }
    if (check.problems.length > 0) throw new ValidationError(check.problems);
    const opened = (caseRef: string) => openedRecords(caseRef, {
      pupilName: pupilName!, upn: upn!, onRoll: Boolean(pupil), firstDay: firstDay!, expectedReturn: String(expectedReturn), arrangement: arrangement!, lead: lead!,
    });
    if (repeatOf) return finishOpening(ctx, register, repeatOf, opened(repeatOf.ref));

    const [ref] = allocateCaseRefs(ctx, register.cases.map((c) => c.ref), 1);
    const values: RowValues = {
      ref, status: 'Open', pupilName: pupilName!, upn: upn!, dateOfBirth: dateOfBirth!, yearGroup: yearGroup!, formGroup: formGroup!,
      parentName: parentName!, parentEmail: parentEmail!, parentPhone: parentPhone!, healthNeed: healthNeed!, healthDetail: healthDetail!,
      firstDay: firstDay!, expectedReturn: expectedReturn!, expectsFifteen: input.expectsFifteen === true, lead: lead!,
      arrangement: arrangement!, laNotifiedOn: '', openedOn: today, closedOn: '', problems: '',
    };
    const periods = [{ start: firstDay!, end: null }];
    const draft = recordFrom(0, values, periods);
    const columns = columnsFor(ctx, register, draft);
    const { tables } = ctx.services;
    const [rowNumber] = tables.append(CASES, [{ ...values, ...columns.values } as RowValues]);
    tables.append(ABSENCE_PERIODS, [firstPeriod(ref, firstDay!)]);
    const records = opened(ref);
    recordHistory(ctx, [records.event]);
    recordAudit(ctx, [records.audit]);
    const record = recordFrom(rowNumber, { ...values, ...columns.values } as RowValues, periods);
    // The contact Form's pupil list and this case's pre-filled link follow the new case: a
    // follow-up reported with the case, never a reason to call the opening failed.
    const followUp = casesChangedFollowUp(ctx);
    return withFollowUp(summariseCase(ctx, withCase(register, record), record, columns), followUp);
  });
}

function firstPeriod(ref: string, firstDay: string): RowValues {
  return { caseRef: ref, start: firstDay, end: '', note: 'First absence' };
}

interface Opened {
  readonly pupilName: string;
  readonly upn: string;
  readonly onRoll: boolean;
  readonly firstDay: string;
  readonly expectedReturn: string;
  readonly arrangement: Arrangement;
  readonly lead: string;
}

/** The "Case opened" history event and audit entry, the same whether written first time or on a repeat. */
function openedRecords(ref: string, o: Opened): { event: HistoryEvent; audit: AuditEntry } {
  const advice = codeFor(o.arrangement);
  return {
    event: {
      caseRef: ref, date: o.firstDay, event: 'Case opened',
      detail: `Absent from ${formatLongDate(o.firstDay)}. Arrangement: ${o.arrangement}. Attendance code: ${advice.code} (${advice.meaning}).`,
    },
    audit: {
      action: 'Case opened', caseRef: ref, before: '',
      after: `pupil: ${o.pupilName}; upn: ${o.upn}${o.onRoll ? ' (on roll)' : ' (not on the Pupils sheet)'}; firstDay: ${o.firstDay}; ` +
        `expectedReturn: ${o.expectedReturn}; arrangement: ${o.arrangement}; lead: ${o.lead}; healthNeed: (health detail)`,
    },
  };
}

/**
 * The same pupil opened again with the same first day: Open pressed again, after a fault or twice.
 * The case is there, so the request is finished rather than refused: the first absence period,
 * the "Case opened" history and audit entry when the attempt that wrote the case stopped before
 * them, and the contact Form. The open case comes back as the first attempt would have returned it.
 */
function finishOpening(ctx: AppContext, register: Register, record: CaseRecord, records: { event: HistoryEvent; audit: AuditEntry }): CaseSummary {
  if (periodRowsOf(register, record.ref).length === 0) ctx.services.tables.append(ABSENCE_PERIODS, [firstPeriod(record.ref, record.firstDay)]);
  completeMissingRecords(ctx, record.ref,
    { event: records.event, found: (r) => String(r.values.event) === 'Case opened' },
    { entry: records.audit, found: (r) => String(r.values.action) === 'Case opened' });
  const followUp = casesChangedFollowUp(ctx);
  return withFollowUp(summariseCase(ctx, register, record), followUp);
}
