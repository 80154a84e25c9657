/**
 * Menu items for governance: the governors' report, the Dashboard and the policy review. Each
 * reports back in an alert (see fromMenu).
 */
import { generateGovernorsReport } from '../app/governance/governorsReport';
import { refreshDashboard } from '../app/governance/dashboard';
import { refreshPolicyColumns } from '../app/governance/policyReview';
import { formatLongDate } from '../domain/dates';
import { fromMenu } from './runEntry';

export function makeGovernorsReportFromMenu(): void {
  fromMenu((ctx) => {
    const doc = generateGovernorsReport(ctx);
    return `The governors\u2019 report "${doc.name}" is ready: ${doc.url}\nIt names no pupil and hides small numbers. Read it through before sharing it.`;
  });
}

export function refreshDashboardFromMenu(): void {
  fromMenu((ctx) => refreshDashboard(ctx).status);
}

export function showPolicyReviewFromMenu(): void {
  fromMenu((ctx) => {
    ctx.authorise('governance.report');
    const states = ctx.services.lock.withLock(30000, () => refreshPolicyColumns(ctx));
    if (!states.ok) return 'Someone else is changing the register at this moment. Please try again in a minute.';
    const lines = states.value.map((s) => `\u2022 ${s.reminder ?? `${s.policy}: next review due ${formatLongDate(s.due)}`}`);
    return ['Policy reviews (record dates on the Policy review sheet or in the sidebar):', ...lines].join('\n');
  });
}
