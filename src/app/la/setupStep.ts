/**
 * Set-up for LA arrangements, reintegration and governance: the document templates (made once,
 * made again only if deleted) and a row on the Policy review sheet for the health-needs policy
 * and each policy it links to.
 */
import { POLICY_REVIEW } from '../../domain/schema';
import { policyReviewState } from '../../domain/la/reminders';
import { LA_SETTING } from '../../domain/la/settings';
import type { SetUpStep } from '../setupSteps';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { policySeedRows } from '../governance/policyReview';
import { ensureLaTemplates } from './documents';
import { text } from './common';

function ensurePolicyRows(ctx: AppContext): string[] {
  const have = new Set(ctx.services.tables.readAll(POLICY_REVIEW).map((r) => text(r.values.policy).toLowerCase()));
  const month = ctx.settings.number(LA_SETTING.policyReviewMonth);
  const missing = policySeedRows()
    .filter((r) => !have.has(r.policy.toLowerCase()))
    // Written with their due dates, so the first daily check has nothing to rewrite.
    .map((r) => {
      const state = policyReviewState(r.policy, '', '', month, ctx.today());
      return { ...r, nextDue: state.due, status: state.reminder ?? '' };
    });
  if (missing.length === 0) return [];
  ctx.services.tables.append(POLICY_REVIEW, missing);
  return [`The Policy review sheet tracks: ${missing.map((r) => r.policy).join(', ')}. Record each review by the Headteacher and approval by the governing board there or from the menu.`];
}

export const LA_SETUP_STEP: SetUpStep = {
  name: 'LA, reintegration and governance',
  run: (ctx) => {
    const lines = [...ensureLaTemplates(ctx), ...ensurePolicyRows(ctx)];
    if (lines.length) recordAudit(ctx, [{ action: 'LA templates and policy tracker set up', after: lines.join(' ') }]);
    return lines;
  },
};
