/**
 * The words of the LA-arrangements, reintegration and governance records, exactly as staff see
 * them in dropdowns. The policy's second half: when the local authority makes arrangements the
 * school works with the LA, providers, agencies and parents, shares information, keeps the pupil
 * in touch with school life, plans reintegration and considers reasonable adjustments.
 */

/** Who information goes to (the "Shared with" dropdown of the Information sharing log). */
export const RECIPIENT_KINDS = ['Local authority', 'Education provider', 'Health services'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Ways of keeping a pupil in touch with school life (policy section 3, with its own examples first). */
export const KEEP_IN_TOUCH_KINDS = [
  'Newsletter',
  'Email',
  'Invitation to a school event',
  'Link to a lesson',
  'Message from class or friends',
  'Visit',
] as const;
export type KeepInTouchKind = (typeof KEEP_IN_TOUCH_KINDS)[number];

/** Where a reasonable adjustment stands; "Ended" ones are kept for the record but not reviewed. */
export const ADJUSTMENT_STATUSES = ['Proposed', 'In place', 'Ended'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

/** How a reintegration ended, for the plan and the governors' report. */
export const REINTEGRATION_OUTCOMES = [
  'In progress',
  'Back full time',
  'Back part time (timetable in place)',
  'Not yet able to return',
  'Left the school',
] as const;
export type ReintegrationOutcome = (typeof REINTEGRATION_OUTCOMES)[number];

/** The policies the health-needs policy links to (policy section 5). */
export const LINKED_POLICIES = ['Accessibility plan', 'Supporting pupils with medical conditions', 'Attendance policy'] as const;

/** The policy this register implements: its own review is tracked too. */
export const HEALTH_NEEDS_POLICY = 'Education for pupils with health needs';

export const POLICY_NAMES = [HEALTH_NEEDS_POLICY, ...LINKED_POLICIES] as const;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isRecipientKind = (v: unknown): v is RecipientKind => isOneOf(RECIPIENT_KINDS, v);
export const isKeepInTouchKind = (v: unknown): v is KeepInTouchKind => isOneOf(KEEP_IN_TOUCH_KINDS, v);
export const isAdjustmentStatus = (v: unknown): v is AdjustmentStatus => isOneOf(ADJUSTMENT_STATUSES, v);
export const isReintegrationOutcome = (v: unknown): v is ReintegrationOutcome => isOneOf(REINTEGRATION_OUTCOMES, v);
