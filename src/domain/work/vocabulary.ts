/**
 * The words of the work-set log and the parent letters, exactly as staff see them in dropdowns
 * and in the Status column. The policy: online work where possible, physical work packs
 * otherwise, virtual or off-site lessons in exceptional circumstances; parents informed of all of it.
 */

/** How a piece of work reaches the pupil (the "Medium" dropdown). */
export const WORK_MEDIA = [
  'Google Classroom',
  'Work pack posted',
  'Work pack collected',
  'Virtual lesson',
  'Off-site lesson',
] as const;
export type WorkMedium = (typeof WORK_MEDIA)[number];

export const CLASSROOM_MEDIUM: WorkMedium = 'Google Classroom';

/** How a letter reaches the parent/carer (the "How" dropdown). */
export const LETTER_DELIVERY = ['Email', 'Printed', 'Hand delivered'] as const;
export type LetterDelivery = (typeof LETTER_DELIVERY)[number];

export const LETTER_KINDS = ['Work set letter', 'General letter'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * A letter's life: Queued when asked for (before any work starts), Sending while a run holds it,
 * then Generated (document and PDF made, not emailed), Sent (emailed), Held (email quota) or
 * Failed: <reason>. A run only ever takes Queued rows (and Held rows once quota allows), so a
 * letter is never sent twice.
 */
export const LETTER_STATUS = {
  queued: 'Queued',
  sending: 'Sending',
  generated: 'Generated',
  sent: 'Sent',
  held: 'Held: email quota',
} as const;

export const FAILED_PREFIX = 'Failed: ';

export function failedStatus(reason: string): string {
  return `${FAILED_PREFIX}${reason}`;
}

export function isFailedStatus(status: string): boolean {
  return status.startsWith(FAILED_PREFIX);
}

export function isWorkMedium(value: string): value is WorkMedium {
  return (WORK_MEDIA as readonly string[]).includes(value);
}

export function isLetterDelivery(value: string): value is LetterDelivery {
  return (LETTER_DELIVERY as readonly string[]).includes(value);
}

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}
