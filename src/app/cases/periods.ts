/**
 * The course of a case: the pupil comes back (recordReturn), falls ill again (recordNewAbsence),
 * or the case ends (closeCase). Each absence period is a row of the Absence periods sheet, so the
 * cumulative count for the academic year spans them all.
 *
 * Decided here: a return keeps the case Open and moves it to 'Reintegration' (unless it is already
 * on a part-time timetable), because the policy expects a reintegration plan to be followed up;
 * the case is closed separately, when the pupil is back full time. A new absence on a closed case
 * reopens it, so a pupil who falls ill again keeps one history.
 */
import type { CaseSummary, CloseCaseInput, PeriodInput } from '../../shared/api';
import { ABSENCE_PERIODS, CASES } from '../../domain/schema';
import { UserFacingError, ValidationError } from '../../domain/errors';
import { addDays, formatLongDate, isValidIso, type IsoDate } from '../../domain/dates';
import type { AbsencePeriod } from '../../domain/schoolDays';
import type { CellValue, RowChange, RowValues } from '../../ports';
import type { AppContext } from '../context';
import { describeChange, recordAudit } from '../audit';
import { loadRegister, openCasesByUpn, type CaseRecord, type Register } from './register';
import { FieldChecker } from './caseFields';
import { columnsFor, openPeriodRow, recordFrom, recordHistory, requireCase, withCase, withRegisterLock } from './caseStore';
import { summariseCase } from './summary';
import { HEALTH_KEYS } from './changeCase';
import { casesChangedFollowUp } from '../contacts/formSetup';
import { completeMissingRecords, recordChangeOnce } from './recordOnce';
import { withFollowUp } from './followUp';

function checkedDate(ctx: AppContext, register: Register, field: string, label: string, value: unknown): IsoDate {
  const check = new FieldChecker({ calendar: register.calendar, today: ctx.today(), staff: ctx.staff, healthNeeds: [] });
  const date = check.date(field, label, value, { required: true, inCalendar: true });
  if (!date) throw new ValidationError(check.problems);
  return date;
}

/** Writes the case row's changes and recomputed columns, and returns the summary. */
function saveCase(
  ctx: AppContext,
  register: Register,
  record: CaseRecord,
  rowChanges: Record<string, CellValue>,
  periods: AbsencePeriod[],
): { summary: CaseSummary; before: Record<string, CellValue>; after: Record<string, CellValue> } {
  const before: Record<string, CellValue> = {};
  for (const key of Object.keys(rowChanges)) before[key] = record.values[key] ?? '';
  const values = { ...record.values, ...rowChanges } as RowValues;
  const updated = recordFrom(record.rowNumber, values, periods);
  const next = withCase(register, updated);
  const columns = columnsFor(ctx, next, updated);
  ctx.services.tables.update(CASES, [{ rowNumber: record.rowNumber, values: { ...rowChanges, ...columns.values } }]);
  const final = recordFrom(record.rowNumber, { ...values, ...columns.values } as RowValues, periods);
  return { summary: summariseCase(ctx, next, final, columns), before, after: rowChanges };
}

/** Ends the running period on the day before `date` (the first day back), in one update or append. */
function endOpenPeriod(ctx: AppContext, register: Register, record: CaseRecord, date: IsoDate, note: string): AbsencePeriod[] {
  const lastDay = addDays(date, -1);
  const row = openPeriodRow(register, record.ref);
  if (row) ctx.services.tables.update(ABSENCE_PERIODS, [{ rowNumber: row.rowNumber, values: { end: lastDay, note: appendNote(row.values.note, note) } } as RowChange]);
  else ctx.services.tables.append(ABSENCE_PERIODS, [{ caseRef: record.ref, start: record.firstDay, end: lastDay, note }]);
  const running = record.periods.find((p) => p.end === null);
  return record.periods.map((p) => (p === running ? { start: p.start, end: lastDay } : p));
}

function appendNote(existing: unknown, note: string): string {
  const text = String(existing ?? '').trim();
  return text ? `${text}; ${note}` : note;
}

function latestEnd(record: CaseRecord): IsoDate | '' {
  return record.periods.reduce<IsoDate | ''>((latest, p) => (p.end && p.end > latest ? p.end : latest), '');
}

function runningPeriod(record: CaseRecord): AbsencePeriod | undefined {
  return record.periods.find((p) => p.end === null);
}

/** The pupil is back in school from `date`: the running absence ends the school day before. */
export function recordReturn(ctx: AppContext, input: PeriodInput): CaseSummary {
  ctx.authorise('case.change');
  return withRegisterLock(ctx, () => {
    const register = loadRegister(ctx);
    const record = requireCase(register, input.ref);
    const date = checkedDate(ctx, register, 'date', 'date the pupil came back', input.date);
    const running = runningPeriod(record);
    if (record.status !== 'Open' || !running) {
      throw new UserFacingError(`${record.pupilName} is not recorded as absent on ${record.ref}, so there is no absence to end. If they are off again, record a new absence instead.`);
    }
    if (date <= running.start) {
      throw new ValidationError([{ field: 'date', message: `The date the pupil came back, ${formatLongDate(date)}, must be after the first day of this absence, ${formatLongDate(running.start)}.` }]);
    }
    const periods = endOpenPeriod(ctx, register, record, date, `Back in school on ${formatLongDate(date)}`);
    const rowChanges: Record<string, CellValue> = { expectedReturn: date };
    if (record.arrangement !== 'Part-time timetable' && record.arrangement !== 'Reintegration') rowChanges.arrangement = 'Reintegration';
    const saved = saveCase(ctx, register, record, rowChanges, periods);
    recordHistory(ctx, [{
      caseRef: record.ref, date, event: 'Returned to school',
      detail: `Back in school on ${formatLongDate(date)}; absent ${formatLongDate(running.start)} to ${formatLongDate(addDays(date, -1))}.` +
        (rowChanges.arrangement ? ` Arrangement changed from "${record.arrangement}" to "Reintegration".` : ''),
    }]);
    recordAudit(ctx, [{ action: 'Return recorded', caseRef: record.ref, ...describeChange(saved.before, saved.after, HEALTH_KEYS) }]);
    return saved.summary;
  });
}

/** The pupil is off again from `date`, on the same case: a new period; cumulative counts span both. */
export function recordNewAbsence(ctx: AppContext, input: PeriodInput): CaseSummary {
  ctx.authorise('case.change');
  return withRegisterLock(ctx, () => {
    const register = loadRegister(ctx);
    const record = requireCase(register, input.ref);
    const date = checkedDate(ctx, register, 'date', 'first day of the new absence', input.date);
    const running = runningPeriod(record);
    if (running) {
      throw new UserFacingError(`${record.pupilName} is still recorded as absent since ${formatLongDate(running.start)} on ${record.ref}. Record their return first, then the new absence.`);
    }
    const lastEnd = latestEnd(record);
    if (lastEnd && date <= lastEnd) {
      throw new ValidationError([{ field: 'date', message: `The first day of the new absence, ${formatLongDate(date)}, must be after the last absence ended, ${formatLongDate(lastEnd)}.` }]);
    }
    if (record.status === 'Closed') {
      const others = (openCasesByUpn(register).get(record.upn) ?? []).filter((r) => r !== record.ref);
      if (others.length) throw new UserFacingError(`${record.pupilName} already has an open case, ${others.join(', ')}: record the new absence on that case.`);
    }
    ctx.services.tables.append(ABSENCE_PERIODS, [{ caseRef: record.ref, start: date, end: '', note: 'Off school again' }]);
    const periods = [...record.periods, { start: date, end: null }];
    const rowChanges: Record<string, CellValue> = { expectedReturn: '' };
    if (record.status === 'Closed') Object.assign(rowChanges, { status: 'Open', closedOn: '' });
    if (record.arrangement === 'Reintegration' || record.arrangement === 'Closed') rowChanges.arrangement = 'Not yet arranged';
    const saved = saveCase(ctx, register, record, rowChanges, periods);
    recordHistory(ctx, [{
      caseRef: record.ref, date, event: record.status === 'Closed' ? 'Reopened: off school again' : 'Off school again',
      detail: `New absence from ${formatLongDate(date)}.` + (rowChanges.arrangement ? ` Arrangement changed from "${record.arrangement}" to "Not yet arranged".` : ''),
    }]);
    recordAudit(ctx, [{ action: 'New absence recorded', caseRef: record.ref, ...describeChange(saved.before, { ...saved.after, newPeriodFrom: date }, HEALTH_KEYS) }]);
    // Reopened: back on the contact Form's pupil list (a follow-up, reported, if the Form is unreachable).
    return record.status === 'Closed' ? withFollowUp(saved.summary, casesChangedFollowUp(ctx)) : saved.summary;
  });
}

/** The case ends on `date` (the first day back, or the day it stops being needed). */
export function closeCase(ctx: AppContext, input: CloseCaseInput): CaseSummary {
  ctx.authorise('case.close');
  return withRegisterLock(ctx, () => {
    const register = loadRegister(ctx);
    const record = requireCase(register, input.ref);
    const date = checkedDate(ctx, register, 'date', 'date the case ends', input.date);
    if (record.status === 'Closed') {
      if (String(record.values.closedOn) === date) return finishClosing(ctx, register, record, date);
      throw new UserFacingError(`${record.ref} is already closed${isValidIso(record.values.closedOn) ? `, on ${formatLongDate(String(record.values.closedOn))}` : ''}.`);
    }
    const running = runningPeriod(record);
    const floor = running ? running.start : record.firstDay;
    if (running ? date <= floor : date < floor) {
      throw new ValidationError([{ field: 'date', message: `The date the case ends, ${formatLongDate(date)}, must be after the first day of absence, ${formatLongDate(floor)}.` }]);
    }
    const lastEnd = latestEnd(record);
    if (!running && lastEnd && date <= lastEnd) {
      throw new ValidationError([{ field: 'date', message: `The date the case ends, ${formatLongDate(date)}, must be after the last absence ended, ${formatLongDate(lastEnd)}.` }]);
    }
    const closing: Record<string, CellValue> = { status: 'Closed', arrangement: 'Closed', closedOn: date };
    const note = input.note ? ` Note: ${String(input.note).slice(0, 500)}` : '';
    // History and audit before the status: an attempt that stops part-way leaves the case open and
    // its records written, and the repeat (the case still open) finds them and finishes the close.
    recordChangeOnce(ctx, record.ref,
      [{ caseRef: record.ref, date, event: 'Case closed', detail: `Closed on ${formatLongDate(date)}; arrangement was "${record.arrangement}".${note}` }],
      [closedAudit(record, closing)]);
    const periods = running ? endOpenPeriod(ctx, register, record, date, `Case closed on ${formatLongDate(date)}`) : record.periods;
    const saved = saveCase(ctx, register, record, closing, periods);
    // Off the contact Form's pupil list, and its pre-filled link cleared: a follow-up, never a failure of the close.
    return withFollowUp(saved.summary, casesChangedFollowUp(ctx));
  });
}

function closedAudit(record: CaseRecord, closing: Record<string, CellValue>): { action: string; caseRef: string; before: string; after: string } {
  const before: Record<string, CellValue> = {};
  for (const key of Object.keys(closing)) before[key] = record.values[key] ?? '';
  return { action: 'Case closed', caseRef: record.ref, ...describeChange(before, closing, HEALTH_KEYS) };
}

/**
 * Closing again a case already closed on that date: the close repeated (after a fault, or twice).
 * Whatever the attempt that closed it left undone is finished (its history and audit entry, when
 * missing, and the contact Form) and the closed case returned, rather than refused.
 */
function finishClosing(ctx: AppContext, register: Register, record: CaseRecord, date: IsoDate): CaseSummary {
  completeMissingRecords(ctx, record.ref,
    {
      event: { caseRef: record.ref, date, event: 'Case closed', detail: `Closed on ${formatLongDate(date)}.` },
      found: (r) => String(r.values.event) === 'Case closed' && String(r.values.date) === date,
    },
    {
      entry: { action: 'Case closed', caseRef: record.ref, before: 'status: Open', after: `status: Closed; closedOn: ${date}` },
      found: (r) => String(r.values.action) === 'Case closed' && String(r.values.after).includes(`closedOn: ${date}`),
    });
  return withFollowUp(summariseCase(ctx, register, record), casesChangedFollowUp(ctx));
}
