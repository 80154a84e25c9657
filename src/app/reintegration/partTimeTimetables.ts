/**
 * Part-time timetables (phased returns): only in exceptional circumstances, time-limited, reviewed
 * regularly with the pupil and parents, agreed by them, the LA told under local rules; sessions
 * outside the timetable are coded C2. The row's "Needs action" column says what is missing or late.
 */
import { PART_TIME_TIMETABLES } from '../../domain/schema';
import { formatLongDate } from '../../domain/dates';
import { PART_TIME_CODE_ADVICE, partTimeTimetableReminders } from '../../domain/la/reminders';
import { LA_SETTING } from '../../domain/la/settings';
import { UserFacingError } from '../../domain/errors';
import type { PartTimeTimetableInput } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit, describeChange } from '../audit';
import { loadCalendar } from '../cases/register';
import { caseRow, inputDate, inputText, nextId, text, withLock } from '../la/common';

export function recordPartTimeTimetable(ctx: AppContext, input: PartTimeTimetableInput): { timetableId: string; needsAction: string; codeAdvice: string } {
  ctx.authorise('case.change');
  const row = caseRow(ctx, input.ref);
  const ref = text(row.values.ref);
  const values = {
    caseRef: ref,
    start: inputDate('start date', input.start, { required: true }),
    end: inputDate('end date (a part-time timetable must be time-limited)', input.end, { required: true }),
    timetable: inputText('the timetable', input.timetable, { max: 2000 }),
    nextReview: inputDate('next review date', input.nextReview),
    parentAgreedOn: inputDate('date the parent/carer agreed', input.parentAgreedOn),
    laNotifiedOn: inputDate('date the LA was told', input.laNotifiedOn),
    endedOn: inputDate('date the pupil went back full time', input.endedOn),
  };
  if (values.end < values.start) throw new UserFacingError(`The end date, ${formatLongDate(values.end)}, is before the start, ${formatLongDate(values.start)}.`);
  const notice = ctx.settings.number(LA_SETTING.partTimeNoticeDays);
  const needsAction = partTimeTimetableReminders(values, loadCalendar(ctx).calendar, ctx.today(), notice).join('; ');
  const computed = { codeAdvice: `C2: ${PART_TIME_CODE_ADVICE}`, flags: needsAction, recordedBy: ctx.actorEmail };
  return withLock(ctx, () => {
    const tables = ctx.services.tables;
    if (input.timetableId) {
      const existing = tables.readAll(PART_TIME_TIMETABLES).find((r) => text(r.values.timetableId) === text(input.timetableId) && text(r.values.caseRef) === ref);
      if (!existing) throw new UserFacingError(`There is no part-time timetable ${text(input.timetableId)} for case ${ref}.`);
      tables.update(PART_TIME_TIMETABLES, [{ rowNumber: existing.rowNumber, values: { ...values, ...computed } }]);
      recordAudit(ctx, [{ action: 'Part-time timetable changed', caseRef: ref, ...describeChange(existing.values, values, new Set()) }]);
      return { timetableId: text(input.timetableId), needsAction, codeAdvice: computed.codeAdvice };
    }
    const timetableId = nextId(ctx, PART_TIME_TIMETABLES, 'timetableId', 'PT');
    tables.append(PART_TIME_TIMETABLES, [{ timetableId, ...values, ...computed }]);
    recordAudit(ctx, [{ action: 'Part-time timetable recorded', caseRef: ref, after: `${timetableId}: ${values.start} to ${values.end}` }]);
    return { timetableId, needsAction, codeAdvice: computed.codeAdvice };
  });
}
