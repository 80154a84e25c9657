/**
 * Logging work set for a pupil: one piece at a time, or a week's work in one go (so a subject
 * teacher's part stays light: the coordinator gathers the work and logs it once). Every piece
 * is one row of the Work set sheet, written in one append with one audit entry per piece.
 */
import { WORK_SET } from '../../domain/schema';
import { ValidationError, UserFacingError } from '../../domain/errors';
import { checkWorkItem, fridayOf, mondayOf, type CheckedWorkItem } from '../../domain/work/workItems';
import { isValidIso, formatLongDate } from '../../domain/dates';
import type { LogWeekOfWorkInput, LogWorkInput, WorkOutcomeInput, WorkSection } from '../../shared/workApi';
import type { RowValues } from '../../ports';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { requireCase } from './caseRows';
import { nextIds } from './workIds';
import { withRegisterLock } from '../registerLock';
import { workSectionFor } from './summary';

export function logWork(ctx: AppContext, input: LogWorkInput): WorkSection {
  const member = ctx.authorise('work.set');
  const kase = requireCase(ctx, input.ref);
  const checked = checkWorkItem(input, { teacher: member.name || member.email, dateSet: ctx.today() });
  if (!checked.ok) throw new ValidationError(checked.problems);
  appendWork(ctx, kase.ref, [checked.item], {});
  return workSectionFor(ctx, kase.ref);
}

export function logWeekOfWork(ctx: AppContext, input: LogWeekOfWorkInput): WorkSection {
  const member = ctx.authorise('work.set');
  const kase = requireCase(ctx, input.ref);
  if (!isValidIso(input.weekOf)) throw new ValidationError([{ field: 'weekOf', message: `"${input.weekOf}" is not a date: choose the week the work is for.` }]);
  if (!input.items || input.items.length === 0) throw new ValidationError([{ field: 'items', message: 'Add at least one piece of work.' }]);
  const monday = mondayOf(input.weekOf);
  const defaults = { teacher: member.name || member.email, dateSet: monday, dueDate: input.dueDate || fridayOf(monday) };
  const items: CheckedWorkItem[] = [];
  const problems: Array<{ field: string; message: string }> = [];
  input.items.forEach((draft, i) => {
    const checked = checkWorkItem(draft, defaults, `Item ${i + 1}${draft.subject ? ` (${draft.subject})` : ''}`);
    if (checked.ok) items.push(checked.item);
    else problems.push(...checked.problems.map((p) => ({ field: `items[${i}].${p.field}`, message: p.message })));
  });
  // All or nothing: a week's work is logged together so the letter home lists all of it.
  if (problems.length) throw new ValidationError(problems);
  appendWork(ctx, kase.ref, items, {}, `Week beginning ${formatLongDate(monday)}`);
  return workSectionFor(ctx, kase.ref);
}

/** Appends checked work; `extra` adds columns (Classroom link and ids) to every row. Returns the new ids. */
export function appendWork(ctx: AppContext, ref: string, items: readonly CheckedWorkItem[], extra: Partial<RowValues>, note = ''): string[] {
  return withRegisterLock(ctx, () => {
    const ids = nextIds(ctx, WORK_SET, 'workId', 'WK', items.length);
    const at = ctx.now();
    const rows: RowValues[] = items.map((item, i) => ({
      workId: ids[i],
      caseRef: ref,
      subject: item.subject,
      teacher: item.teacher,
      description: item.description,
      medium: item.medium,
      dateSet: item.dateSet,
      dueDate: item.dueDate,
      loggedBy: ctx.actorEmail,
      loggedAt: at,
      ...extra,
    } as RowValues));
    ctx.services.tables.append(WORK_SET, rows);
    recordAudit(ctx, items.map((item, i) => ({
      action: 'Work set',
      caseRef: ref,
      after: `${ids[i]}: ${item.subject} (${item.medium}), set ${item.dateSet}${item.dueDate ? `, due ${item.dueDate}` : ''}${note ? `; ${note}` : ''}`,
    })));
    return ids;
  });
}

/** Records that work came back (or was completed) and the feedback on it. */
export function recordWorkOutcome(ctx: AppContext, input: WorkOutcomeInput): WorkSection {
  ctx.authorise('work.set');
  const returned = input.returned === undefined ? undefined : String(input.returned).trim();
  if (returned && !isValidIso(returned)) throw new ValidationError([{ field: 'returned', message: `"${returned}" is not a date.` }]);
  const ref = withRegisterLock(ctx, () => {
    const cell = ctx.services.tables.readColumn(WORK_SET, 'workId').find((c) => String(c.value).trim() === input.workId.trim());
    if (!cell) throw new UserFacingError(`There is no piece of work ${input.workId} on the Work set sheet.`);
    const [row] = ctx.services.tables.readRows(WORK_SET, [cell.rowNumber]);
    const change: Partial<RowValues> = {};
    if (returned !== undefined) change.returned = returned;
    if (input.feedback !== undefined) change.feedback = String(input.feedback).trim();
    ctx.services.tables.update(WORK_SET, [{ rowNumber: cell.rowNumber, values: change }]);
    recordAudit(ctx, [{
      action: 'Work outcome recorded',
      caseRef: String(row.values.caseRef),
      before: `${input.workId}: returned ${String(row.values.returned) || 'no'}`,
      after: `${input.workId}: returned ${returned === undefined ? String(row.values.returned) || 'no' : returned || 'cleared'}${input.feedback !== undefined ? '; feedback updated' : ''}`,
    }]);
    return String(row.values.caseRef);
  });
  return workSectionFor(ctx, ref);
}
