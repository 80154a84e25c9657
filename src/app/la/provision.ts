/**
 * LA-arranged provision for a case: who provides it, from when, planned hours a week, and the
 * hours actually delivered, entered weekly. The daily check compares them (see laChecks.ts) and
 * flags a case for escalation to the LA's named officer.
 */
import { HOURS_DELIVERED, LA_PROVISION } from '../../domain/schema';
import { formatLongDate, isValidIso } from '../../domain/dates';
import { mondayOf } from '../../domain/la/escalation';
import { UserFacingError } from '../../domain/errors';
import type { HoursDeliveredInput, ProvisionInput } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit, describeChange } from '../audit';
import { caseRow, inputDate, inputText, rowsOfCase, text, withLock } from './common';

const NO_HEALTH = new Set<string>();

function hoursValue(label: string, value: unknown, max: number): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (!Number.isFinite(n) || n < 0 || n > max) throw new UserFacingError(`The ${label} should be a number of hours from 0 to ${max}; it is "${String(value ?? '')}".`);
  return Math.round(n * 10) / 10;
}

/** Records or changes the case's current LA provision (the latest row without an end date). */
export function recordProvision(ctx: AppContext, input: ProvisionInput): { status: string } {
  ctx.authorise('case.change');
  const row = caseRow(ctx, input.ref);
  const ref = text(row.values.ref);
  const values = {
    caseRef: ref,
    provider: inputText('the provider', input.provider, { required: true, max: 200 }),
    plannedHours: hoursValue('planned hours a week', input.plannedHours, 40),
    referredOn: inputDate('referral date', input.referredOn) || (isValidIso(text(row.values.laNotifiedOn)) ? text(row.values.laNotifiedOn) : ''),
    startDate: inputDate('start date', input.startDate),
    endDate: inputDate('end date', input.endDate),
    note: inputText('the note', input.note, { max: 1000 }),
    recordedBy: ctx.actorEmail,
  };
  if (values.startDate && values.endDate && values.endDate < values.startDate) {
    throw new UserFacingError(`The end date, ${formatLongDate(values.endDate)}, is before the start date, ${formatLongDate(values.startDate)}.`);
  }
  return withLock(ctx, () => {
    const current = rowsOfCase(ctx, LA_PROVISION, ref).filter((r) => !isValidIso(text(r.values.endDate))).pop();
    if (current) {
      ctx.services.tables.update(LA_PROVISION, [{ rowNumber: current.rowNumber, values }]);
      const change = describeChange(current.values, values, NO_HEALTH);
      recordAudit(ctx, [{ action: 'LA provision changed', caseRef: ref, ...change }]);
      return { status: `LA provision for ${ref} updated.` };
    }
    ctx.services.tables.append(LA_PROVISION, [values]);
    recordAudit(ctx, [{ action: 'LA provision recorded', caseRef: ref, after: `${values.provider}; ${values.plannedHours} hours a week${values.startDate ? ` from ${values.startDate}` : ''}` }]);
    return { status: `LA provision for ${ref} recorded.` };
  });
}

/** One row per case per week (its Monday): entering a week again corrects it. */
export function recordHoursDelivered(ctx: AppContext, input: HoursDeliveredInput): { status: string } {
  ctx.authorise('case.change');
  const row = caseRow(ctx, input.ref);
  const ref = text(row.values.ref);
  const weekOf = mondayOf(inputDate('week', input.weekOf, { required: true }));
  if (weekOf > ctx.today()) throw new UserFacingError('That week has not started yet: enter hours once they have been delivered.');
  const hours = hoursValue('hours delivered', input.hours, 60);
  const note = inputText('the note', input.note, { max: 500 });
  return withLock(ctx, () => {
    if (rowsOfCase(ctx, LA_PROVISION, ref).length === 0) {
      throw new UserFacingError(`Case ${ref} has no LA provision recorded: record the provider and planned hours first.`);
    }
    const existing = rowsOfCase(ctx, HOURS_DELIVERED, ref).find((r) => text(r.values.weekOf) === weekOf);
    const values = { caseRef: ref, weekOf, hours, note, recordedBy: ctx.actorEmail, recordedAt: ctx.now() };
    if (existing) ctx.services.tables.update(HOURS_DELIVERED, [{ rowNumber: existing.rowNumber, values }]);
    else ctx.services.tables.append(HOURS_DELIVERED, [values]);
    recordAudit(ctx, [{
      action: existing ? 'LA hours corrected' : 'LA hours recorded',
      caseRef: ref,
      before: existing ? `week of ${weekOf}: ${text(existing.values.hours)} hours` : '',
      after: `week of ${weekOf}: ${hours} hours`,
    }]);
    return { status: `${hours} hours recorded for the week beginning ${formatLongDate(weekOf)}.` };
  });
}
