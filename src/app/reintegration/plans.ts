/**
 * Individually tailored reintegration plans: made from the "Reintegration plan" template with the
 * case's data (phased timetable, who supports, catch-up, curriculum continuity, the reasonable
 * adjustments on the case, review dates) into the case's restricted folder, where staff may edit
 * it. Reviews are recorded against the plan so reminders stay right.
 */
import { PLAN_REVIEWS, REASONABLE_ADJUSTMENTS, REINTEGRATION_PLANS } from '../../domain/schema';
import { formatLongDate, isValidIso } from '../../domain/dates';
import { laDocumentName } from '../../domain/la/documents';
import { REINTEGRATION_OUTCOMES } from '../../domain/la/vocabulary';
import { UserFacingError } from '../../domain/errors';
import type { DocumentResult, PlanReviewInput, ReintegrationPlanInput } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { recordHistory } from '../cases/caseStore';
import { caseFolder, makeDocument } from '../la/documents';
import { caseDocumentValues, signOffName } from '../la/caseDocumentValues';
import { caseRow, inputDate, inputOneOf, inputText, nextId, rowsOfCase, text, withLock } from '../la/common';

const TO_AGREE = 'To be agreed with the pupil and family.';

export function createReintegrationPlan(ctx: AppContext, input: ReintegrationPlanInput): { planId: string; document: DocumentResult } {
  ctx.authorise('case.change');
  const row = caseRow(ctx, input.ref);
  const v = row.values;
  const ref = text(v.ref);
  const returnDate = inputDate('planned return date', input.returnDate);
  const phased = inputText('the phased timetable', input.phasedTimetable, { required: true, max: 5000 });
  const reviewDates = (input.reviewDates ?? []).map((d) => inputDate('review date', d, { required: true }) as string).sort();
  if (reviewDates.length === 0) throw new UserFacingError('Please give at least one review date: the plan is reviewed with the pupil and family.');
  const today = ctx.today();
  return withLock(ctx, () => {
    const adjustments = rowsOfCase(ctx, REASONABLE_ADJUSTMENTS, ref).filter((r) => text(r.values.status) !== 'Ended');
    const signOff = signOffName(ctx);
    const values: Record<string, string> = {
      ...caseDocumentValues(ctx, v),
      'Return date': isValidIso(returnDate) ? formatLongDate(returnDate) : TO_AGREE,
      'Phased timetable': phased,
      'Who supports': inputText('who supports', input.whoSupports, { max: 2000 }) || TO_AGREE,
      'Catch-up': inputText('catch-up', input.catchUp, { max: 2000 }) || TO_AGREE,
      'Curriculum continuity': inputText('curriculum continuity', input.curriculumContinuity, { max: 2000 }) || TO_AGREE,
      'Reasonable adjustments': adjustments.length
        ? adjustments.map((a) => `\u2022 ${text(a.values.adjustment)} (${text(a.values.status)}${isValidIso(text(a.values.reviewBy)) ? `, review by ${formatLongDate(text(a.values.reviewBy))}` : ''})`).join('\n')
        : 'None recorded yet: consider whether any are needed (Equality Act 2010; our accessibility plan).',
      'Pupil and family views': inputText('the pupil and family\u2019s views', input.views, { max: 2000 }) || TO_AGREE,
      'Review dates': reviewDates.map(formatLongDate).join('; '),
      'Lead member of staff': text(v.lead) || signOff,
    };
    const doc = makeDocument(ctx, 'Reintegration plan', laDocumentName('Reintegration plan', ref, today), caseFolder(ctx, ref).id, values);
    const planId = nextId(ctx, REINTEGRATION_PLANS, 'planId', 'RP');
    ctx.services.tables.append(REINTEGRATION_PLANS, [{
      planId, caseRef: ref, madeOn: today, returnDate, documentLink: doc.url, nextReview: reviewDates.find((d) => d >= today) ?? reviewDates[reviewDates.length - 1],
      lastReviewed: '', outcome: 'In progress', reviewStatus: '', madeBy: ctx.actorEmail,
    }]);
    recordHistory(ctx, [{ caseRef: ref, date: today, event: 'Reintegration plan made', detail: planId }]);
    recordAudit(ctx, [{ action: 'Reintegration plan made', caseRef: ref, after: `${planId}: ${doc.name}` }]);
    return { planId, document: { name: doc.name, url: doc.url } };
  });
}

export function recordPlanReview(ctx: AppContext, input: PlanReviewInput): { status: string } {
  ctx.authorise('case.change');
  const reviewedOn = inputDate('review date', input.reviewedOn, { fallback: ctx.today() });
  const decisions = inputText('what was decided', input.decisions, { required: true, max: 3000 });
  const nextReview = inputDate('next review date', input.nextReview);
  const outcome = input.outcome ? inputOneOf('outcome', input.outcome, REINTEGRATION_OUTCOMES) : '';
  return withLock(ctx, () => {
    const plan = ctx.services.tables.readAll(REINTEGRATION_PLANS).find((r) => text(r.values.planId) === text(input.planId));
    if (!plan) throw new UserFacingError(`There is no reintegration plan ${text(input.planId)}.`);
    const ref = text(plan.values.caseRef);
    ctx.services.tables.append(PLAN_REVIEWS, [{ planId: text(plan.values.planId), caseRef: ref, reviewedOn, decisions, nextReview, outcome, by: ctx.actorEmail, at: ctx.now() }]);
    ctx.services.tables.update(REINTEGRATION_PLANS, [{
      rowNumber: plan.rowNumber,
      values: { lastReviewed: reviewedOn, nextReview, reviewStatus: '', ...(outcome ? { outcome } : {}) },
    }]);
    recordAudit(ctx, [{ action: 'Reintegration plan reviewed', caseRef: ref, after: `${text(plan.values.planId)} on ${reviewedOn}${outcome ? `; outcome: ${outcome}` : ''}` }]);
    return { status: `Review recorded${isValidIso(nextReview) ? `; next review ${formatLongDate(nextReview)}` : ''}.` };
  });
}
