/**
 * The policy-review tracker: the health-needs policy is reviewed annually by the Headteacher and
 * approved by the full governing board at every review; the policies it links to (Accessibility
 * plan, Supporting pupils with medical conditions, Attendance policy) are tracked alongside.
 */
import { POLICY_REVIEW } from '../../domain/schema';
import { formatLongDate } from '../../domain/dates';
import { policyReviewState } from '../../domain/la/reminders';
import { LA_SETTING } from '../../domain/la/settings';
import { POLICY_NAMES } from '../../domain/la/vocabulary';
import { UserFacingError } from '../../domain/errors';
import type { RowChange, StoredRow } from '../../ports';
import type { PolicyReviewInput } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { inputDate, inputText, text, withLock } from '../la/common';

/** The seed rows set-up writes when the sheet is made. */
export function policySeedRows(): Array<{ policy: string; lastReviewed: string; approvedOn: string; minuteRef: string; link: string; nextDue: string; status: string }> {
  return POLICY_NAMES.map((policy) => ({ policy, lastReviewed: '', approvedOn: '', minuteRef: '', link: '', nextDue: '', status: '' }));
}

export interface PolicyState {
  readonly row: StoredRow;
  readonly policy: string;
  readonly due: string;
  readonly reminder: string | null;
}

export function policyStates(ctx: AppContext, rows = ctx.services.tables.readAll(POLICY_REVIEW)): PolicyState[] {
  const month = ctx.settings.number(LA_SETTING.policyReviewMonth);
  const today = ctx.today();
  return rows.filter((r) => text(r.values.policy)).map((row) => {
    const policy = text(row.values.policy);
    const s = policyReviewState(policy, text(row.values.lastReviewed), text(row.values.approvedOn), month, today);
    return { row, policy, due: s.due, reminder: s.reminder };
  });
}

/** The rows whose next-due date or "Needs action" differ from what they should say. */
export function policyColumnChanges(states: readonly PolicyState[]): RowChange[] {
  return states
    .filter((s) => text(s.row.values.nextDue) !== s.due || text(s.row.values.status) !== (s.reminder ?? ''))
    .map((s) => ({ rowNumber: s.row.rowNumber, values: { nextDue: s.due, status: s.reminder ?? '' } }));
}

/** Writes each policy's next-due date and what needs doing (one update). */
export function refreshPolicyColumns(ctx: AppContext): PolicyState[] {
  const states = policyStates(ctx);
  const changes = policyColumnChanges(states);
  if (changes.length) ctx.services.tables.update(POLICY_REVIEW, changes);
  return states;
}

export function recordPolicyReview(ctx: AppContext, input: PolicyReviewInput): { status: string } {
  ctx.authorise('governance.report');
  const policy = inputText('the policy', input.policy, { required: true, max: 200 });
  const reviewedOn = inputDate('date the Headteacher reviewed it', input.reviewedOn);
  const approvedOn = inputDate('date the full governing board approved it', input.approvedOn);
  if (!reviewedOn && !approvedOn) throw new UserFacingError('Please give the date of the Headteacher\u2019s review, the date of the governing board\u2019s approval, or both.');
  const today = ctx.today();
  if ((reviewedOn && reviewedOn > today) || (approvedOn && approvedOn > today)) throw new UserFacingError('A review or approval date is in the future: record it once it has happened.');
  if (reviewedOn && approvedOn && approvedOn < reviewedOn) {
    throw new UserFacingError(`The approval date, ${formatLongDate(approvedOn)}, is before the review, ${formatLongDate(reviewedOn)}: the board approves the policy after each review.`);
  }
  const minuteRef = inputText('the minute reference', input.minuteRef, { max: 200 });
  const link = inputText('the policy link', input.link, { max: 500 });
  return withLock(ctx, () => {
    const rows = ctx.services.tables.readAll(POLICY_REVIEW);
    const row = rows.find((r) => text(r.values.policy).toLowerCase() === policy.toLowerCase());
    const values = {
      ...(reviewedOn ? { lastReviewed: reviewedOn } : {}),
      ...(approvedOn ? { approvedOn } : {}),
      ...(minuteRef ? { minuteRef } : {}),
      ...(link ? { link } : {}),
    };
    if (row) ctx.services.tables.update(POLICY_REVIEW, [{ rowNumber: row.rowNumber, values }]);
    else ctx.services.tables.append(POLICY_REVIEW, [{ policy, ...values }]);
    recordAudit(ctx, [{
      action: 'Policy review recorded',
      before: row ? `${policy}: reviewed ${text(row.values.lastReviewed) || 'never'}, approved ${text(row.values.approvedOn) || 'never'}` : '',
      after: `${policy}: ${reviewedOn ? `reviewed by the Headteacher ${reviewedOn}` : ''}${reviewedOn && approvedOn ? '; ' : ''}${approvedOn ? `approved by the full governing board ${approvedOn}` : ''}`,
    }]);
    const state = refreshPolicyColumns(ctx).find((s) => s.policy.toLowerCase() === policy.toLowerCase());
    return { status: state?.reminder ?? `Recorded. Next review due ${state ? formatLongDate(state.due) : 'in a year'}.` };
  });
}
