/**
 * A note in document properties that a person passed the trigger check today: an active member of
 * staff whose role may run the register's checks, with Apps Script's authorisation in order.
 * It holds '<London date>|<email>|<staff fingerprint>', the fingerprint being the one protections
 * were last brought up to date with (src/app/access/staffAccess), so it lapses at midnight and as
 * soon as a change to the Staff sheet is applied. Written where that person has just been checked
 * (the full trigger check, set-up, a coordinator bringing staff access up to date); read by
 * guardTrigger so a form-submit run need not read the Staff sheet and ask for the authorisation
 * status (250 ms of round trips) on every submission.
 */
import type { AppContext } from '../context';

export const TRIGGER_CHECKED_KEY = 'trust.triggerOwnerChecked';

export function triggerCheckStamp(ctx: AppContext, email: string, staffFingerprint: string): Record<string, string> {
  return { [TRIGGER_CHECKED_KEY]: `${ctx.today()}|${email.trim().toLowerCase()}|${staffFingerprint}` };
}

export function checkedToday(ctx: AppContext, email: string, staffFingerprint: string): boolean {
  return ctx.services.state.get(TRIGGER_CHECKED_KEY) === triggerCheckStamp(ctx, email, staffFingerprint)[TRIGGER_CHECKED_KEY];
}
