/**
 * Reasonable adjustments (Equality Act 2010; the school's accessibility plan): considered for each
 * pupil returning, kept as a list on the case so each is reviewed, and put into the reintegration
 * plan. Described by what changes for the pupil, never by a diagnosis.
 */
import { REASONABLE_ADJUSTMENTS } from '../../domain/schema';
import { ADJUSTMENT_STATUSES } from '../../domain/la/vocabulary';
import { UserFacingError } from '../../domain/errors';
import type { AdjustmentInput, AdjustmentReviewInput } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { caseRow, inputDate, inputOneOf, inputText, nextId, text, withLock } from '../la/common';

export function recordAdjustment(ctx: AppContext, input: AdjustmentInput): { adjustmentId: string } {
  ctx.authorise('case.change');
  const ref = text(caseRow(ctx, input.ref).values.ref);
  const adjustment = inputText('the adjustment', input.adjustment, { required: true, max: 300 });
  const status = input.status ? inputOneOf('adjustment status', input.status, ADJUSTMENT_STATUSES) : 'Proposed';
  const agreedOn = inputDate('date agreed', input.agreedOn);
  const reviewBy = inputDate('review date', input.reviewBy);
  return withLock(ctx, () => {
    const adjustmentId = nextId(ctx, REASONABLE_ADJUSTMENTS, 'adjustmentId', 'RA');
    ctx.services.tables.append(REASONABLE_ADJUSTMENTS, [{ adjustmentId, caseRef: ref, adjustment, status, agreedOn, reviewBy, lastReviewed: '', reviewNote: '', by: ctx.actorEmail }]);
    recordAudit(ctx, [{ action: 'Reasonable adjustment recorded', caseRef: ref, after: `${adjustmentId}: ${adjustment} (${status})` }]);
    return { adjustmentId };
  });
}

export function reviewAdjustment(ctx: AppContext, input: AdjustmentReviewInput): { status: string } {
  ctx.authorise('case.change');
  const reviewedOn = inputDate('review date', input.reviewedOn, { fallback: ctx.today() });
  const note = inputText('what the review found', input.note, { required: true, max: 500 });
  const status = input.status ? inputOneOf('adjustment status', input.status, ADJUSTMENT_STATUSES) : undefined;
  const reviewBy = inputDate('next review date', input.reviewBy);
  return withLock(ctx, () => {
    const row = ctx.services.tables.readAll(REASONABLE_ADJUSTMENTS).find((r) => text(r.values.adjustmentId) === text(input.adjustmentId));
    if (!row) throw new UserFacingError(`There is no reasonable adjustment ${text(input.adjustmentId)}.`);
    const newStatus = status ?? text(row.values.status);
    ctx.services.tables.update(REASONABLE_ADJUSTMENTS, [{ rowNumber: row.rowNumber, values: { lastReviewed: reviewedOn, reviewNote: note, status: newStatus, reviewBy } }]);
    recordAudit(ctx, [{ action: 'Reasonable adjustment reviewed', caseRef: text(row.values.caseRef), before: text(row.values.status), after: `${newStatus}: ${note}` }]);
    return { status: `Review of "${text(row.values.adjustment)}" recorded.` };
  });
}
