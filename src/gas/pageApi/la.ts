/**
 * Server functions for LA arrangements, reintegration and governance (google.script.run). Each is
 * a thin shim over a use case; errors come back readable (see fromPage).
 */
import type {
  AdjustmentInput, AdjustmentReviewInput, DocumentResult, HoursDeliveredInput, InformationSharedInput, KeepInTouchInput,
  LaReminder, LawfulBasisOption, PartTimeTimetableInput, PlanReviewInput, PolicyReviewInput, ProvisionInput,
  ReferralPackInput, ReferralPackResult, ReferralSentInput, ReintegrationPlanInput,
} from '../../shared/laApi';
import * as referral from '../../app/la/referral';
import * as sharing from '../../app/la/informationSharing';
import * as provision from '../../app/la/provision';
import { generateLaProvisionLetters as provisionLetters } from '../../app/la/provisionLetters';
import { logKeepInTouch as keepInTouch } from '../../app/la/keepInTouch';
import { laReminders } from '../../app/la/laChecks';
import { recordPartTimeTimetable as partTime } from '../../app/reintegration/partTimeTimetables';
import * as plans from '../../app/reintegration/plans';
import * as adjustments from '../../app/reintegration/adjustments';
import { recordPolicyReview as policyReview } from '../../app/governance/policyReview';
import { generateGovernorsReport as governorsReport } from '../../app/governance/governorsReport';
import { refreshDashboard as dashboard } from '../../app/governance/dashboard';
import { loadRegister } from '../../app/cases/register';
import { fromPage } from '../runEntry';

export const generateReferralPack = (input: ReferralPackInput): ReferralPackResult => fromPage((ctx) => referral.generateReferralPack(ctx, input));
export const recordReferralSent = (input: ReferralSentInput): { status: string } => fromPage((ctx) => referral.recordReferralSent(ctx, input));
export const logInformationShared = (input: InformationSharedInput): { shareId: string } => fromPage((ctx) => sharing.logInformationShared(ctx, input));
export const getLawfulBasisOptions = (recipient: string, purpose: string): LawfulBasisOption[] => fromPage((ctx) => {
  ctx.authorise('register.view');
  return sharing.lawfulBasisOptions(recipient, purpose);
});
export const recordProvision = (input: ProvisionInput): { status: string } => fromPage((ctx) => provision.recordProvision(ctx, input));
export const recordHoursDelivered = (input: HoursDeliveredInput): { status: string } => fromPage((ctx) => provision.recordHoursDelivered(ctx, input));
export const generateLaProvisionLetters = (ref: string): { documents: DocumentResult[] } => fromPage((ctx) => provisionLetters(ctx, { ref }));
export const logKeepInTouch = (input: KeepInTouchInput): { status: string } => fromPage((ctx) => keepInTouch(ctx, input));
export const recordPartTimeTimetable = (input: PartTimeTimetableInput): { timetableId: string; needsAction: string; codeAdvice: string } => fromPage((ctx) => partTime(ctx, input));
export const createReintegrationPlan = (input: ReintegrationPlanInput): { planId: string; document: DocumentResult } => fromPage((ctx) => plans.createReintegrationPlan(ctx, input));
export const recordPlanReview = (input: PlanReviewInput): { status: string } => fromPage((ctx) => plans.recordPlanReview(ctx, input));
export const recordAdjustment = (input: AdjustmentInput): { adjustmentId: string } => fromPage((ctx) => adjustments.recordAdjustment(ctx, input));
export const reviewAdjustment = (input: AdjustmentReviewInput): { status: string } => fromPage((ctx) => adjustments.reviewAdjustment(ctx, input));
export const recordPolicyReview = (input: PolicyReviewInput): { status: string } => fromPage((ctx) => policyReview(ctx, input));
export const generateGovernorsReport = (): DocumentResult => fromPage((ctx) => governorsReport(ctx));
export const refreshDashboard = (): { status: string; charts: number } => fromPage((ctx) => dashboard(ctx));
export const getLaReminders = (): LaReminder[] => fromPage((ctx) => {
  ctx.authorise('register.view');
  return laReminders(ctx, loadRegister(ctx), ctx.today());
});
