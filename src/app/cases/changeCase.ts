/**
 * Changing a case from the sidebar: arrangement, expected return, the 15-day expectation, lead,
 * parent contacts, the date the LA was told and (for roles that may see them) health details.
 * Each field is checked with a message naming it; an arrangement change goes into the Case history
 * with the old and new value and the attendance code that now applies. Nothing changes when
 * nothing differs.
 */
import type { CaseSummary, ChangeCaseInput } from '../../shared/api';
import { CASES } from '../../domain/schema';
import { UserFacingError, ValidationError } from '../../domain/errors';
import { codeFor } from '../../domain/attendanceCodes';
import { formatLongDate, isValidIso } from '../../domain/dates';
import { isArrangement } from '../../domain/arrangements';
import type { CellValue, RowValues } from '../../ports';
import type { AppContext } from '../context';
import { describeChange } from '../audit';
import { loadRegister } from './register';
import { checkReturnAfterFirstDay, FieldChecker } from './caseFields';
import { columnsFor, readLists, recordFrom, requireCase, withCase, withRegisterLock, type HistoryEvent, type Lists } from './caseStore';
import { recordChangeOnce } from './recordOnce';
import { summariseCase } from './summary';

type Changes = ChangeCaseInput['changes'];

export const HEALTH_KEYS: ReadonlySet<string> = new Set(CASES.columns.filter((c) => c.health).map((c) => c.key));

/** Fields that may still change once a case is closed (records about it, not its course). */
const CHANGEABLE_WHEN_CLOSED = new Set(['lead', 'healthNeed', 'healthDetail', 'parentName', 'parentEmail', 'parentPhone', 'laNotifiedOn']);

const LABELS: Readonly<Record<string, string>> = {
  arrangement: 'arrangement', expectedReturn: 'expected return', expectsFifteen: 'expected to miss 15+ days', lead: 'lead member of staff',
  healthNeed: 'kind of health need', healthDetail: 'health detail', parentName: 'parent/carer', parentEmail: 'parent/carer email',
  parentPhone: 'parent/carer phone', laNotifiedOn: 'LA told on',
};

export function changeCase(ctx: AppContext, input: ChangeCaseInput): CaseSummary {
  ctx.authorise('case.change');
  const changes: Changes = input.changes ?? {};
  const keys = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined);
  if (keys.some((k) => HEALTH_KEYS.has(k))) ctx.authorise('health.view');
  const lists: Lists | null = keys.includes('healthNeed') ? readLists(ctx) : null;

  return withRegisterLock(ctx, () => {
    const register = loadRegister(ctx);
    const record = requireCase(register, input.ref);
    if (record.status === 'Closed') {
      const refused = keys.filter((k) => !CHANGEABLE_WHEN_CLOSED.has(k));
      if (refused.length) {
        throw new UserFacingError(`${record.ref} is closed, so its ${refused.map((k) => LABELS[k] ?? k).join(', ')} cannot be changed. If ${record.pupilName} is off school again, record a new absence: that reopens the case.`);
      }
    }
    const next = validateChanges(ctx, register.calendar, record.firstDay, changes, lists);
    const before: Record<string, CellValue> = {};
    const after: Record<string, CellValue> = {};
    for (const [key, value] of Object.entries(next)) {
      const old = record.values[key];
      if (String(old ?? '') === String(value)) continue;
      before[key] = old ?? '';
      after[key] = value;
    }
    if (Object.keys(after).length === 0) return summariseCase(ctx, register, record);

    const values = { ...record.values, ...after } as RowValues;
    const updated = recordFrom(record.rowNumber, values, record.periods);
    const nextRegister = withCase(register, updated);
    const columns = columnsFor(ctx, nextRegister, updated);

    const today = ctx.today();
    const events: HistoryEvent[] = [];
    if ('arrangement' in after && isArrangement(after.arrangement)) {
      const advice = codeFor(after.arrangement);
      events.push({
        caseRef: record.ref, date: today, event: 'Arrangement changed',
        detail: `From "${before.arrangement}" to "${after.arrangement}". Attendance code now: ${advice.code} (${advice.meaning}). ${advice.advice}`,
      });
    }
    if ('expectedReturn' in after) {
      events.push({ caseRef: record.ref, date: today, event: 'Expected return changed', detail: `From ${showDate(before.expectedReturn)} to ${showDate(after.expectedReturn)}.` });
    }
    if ('expectsFifteen' in after) {
      events.push({ caseRef: record.ref, date: today, event: after.expectsFifteen ? 'Expected to miss 15 or more school days' : 'No longer expected to miss 15 school days' });
    }
    if ('laNotifiedOn' in after) {
      events.push({ caseRef: record.ref, date: isValidIso(after.laNotifiedOn) ? String(after.laNotifiedOn) : today, event: after.laNotifiedOn ? 'LA told' : 'LA told date cleared', detail: after.laNotifiedOn ? `The LA was told on ${showDate(after.laNotifiedOn)}.` : '' });
    }
    if ('lead' in after) events.push({ caseRef: record.ref, date: today, event: 'Lead changed', detail: `From ${before.lead || '(none)'} to ${after.lead}.` });
    if (Object.keys(after).some((k) => HEALTH_KEYS.has(k))) events.push({ caseRef: record.ref, date: today, event: 'Health details changed' });
    if (Object.keys(after).some((k) => k.startsWith('parent'))) events.push({ caseRef: record.ref, date: today, event: 'Parent/carer contact changed' });
    if (input.note && events.length) events[0] = { ...events[0], detail: `${events[0].detail ?? ''} Note: ${String(input.note).slice(0, 500)}`.trim() };
    // History and audit before the row: an attempt that stops part-way leaves the change still to
    // make and its records written, and the repeat finds them (so writes them once) and saves the row.
    recordChangeOnce(ctx, record.ref, events, [{ action: 'Case changed', caseRef: record.ref, ...describeChange(before, after, HEALTH_KEYS) }]);
    ctx.services.tables.update(CASES, [{ rowNumber: record.rowNumber, values: { ...after, ...columns.values } }]);
    return summariseCase(ctx, nextRegister, recordFrom(record.rowNumber, { ...values, ...columns.values } as RowValues, record.periods), columns);
  });
}

function showDate(value: unknown): string {
  return isValidIso(value) ? formatLongDate(String(value)) : '(none)';
}

/** Every given field checked; throws a ValidationError listing every problem at once. */
function validateChanges(
  ctx: AppContext,
  calendar: import('../../domain/calendar').SchoolCalendar,
  firstDay: string,
  changes: Changes,
  lists: Lists | null,
): Record<string, CellValue> {
  const check = new FieldChecker({ calendar, today: ctx.today(), staff: ctx.staff, healthNeeds: lists?.['Kind of health need'] ?? [] });
  const out: Record<string, CellValue> = {};
  const put = (key: string, value: CellValue | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  if (changes.arrangement !== undefined) put('arrangement', check.openArrangement('arrangement', changes.arrangement));
  if (changes.expectedReturn !== undefined) {
    const date = check.date('expectedReturn', 'expected return', changes.expectedReturn, { required: false, inCalendar: false });
    if (date && isValidIso(firstDay)) checkReturnAfterFirstDay(check, 'expectedReturn', firstDay, date);
    put('expectedReturn', date);
  }
  if (changes.expectsFifteen !== undefined) put('expectsFifteen', changes.expectsFifteen === true);
  if (changes.lead !== undefined) put('lead', check.staffEmail('lead', 'lead member of staff', changes.lead));
  if (changes.healthNeed !== undefined) put('healthNeed', check.healthNeed('healthNeed', changes.healthNeed));
  if (changes.healthDetail !== undefined) put('healthDetail', check.longText('healthDetail', 'health detail', changes.healthDetail, 2000));
  if (changes.parentName !== undefined) put('parentName', check.personName('parentName', 'parent or carer\u2019s name', changes.parentName, false));
  if (changes.parentEmail !== undefined) put('parentEmail', check.email('parentEmail', 'parent or carer\u2019s email', changes.parentEmail));
  if (changes.parentPhone !== undefined) put('parentPhone', check.phone('parentPhone', 'parent or carer\u2019s phone number', changes.parentPhone));
  if (changes.laNotifiedOn !== undefined) {
    const date = check.date('laNotifiedOn', 'date the LA was told', changes.laNotifiedOn, { required: false, inCalendar: false, notAfterToday: true });
    if (date && isValidIso(firstDay) && date < firstDay) {
      check.fail('laNotifiedOn', `The date the LA was told, ${formatLongDate(date)}, is before the first day of absence, ${formatLongDate(firstDay)}.`);
    } else put('laNotifiedOn', date);
  }
  if (check.problems.length > 0) throw new ValidationError(check.problems);
  return out;
}
