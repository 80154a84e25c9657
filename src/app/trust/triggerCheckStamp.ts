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

/**
 * '<trigger id>|<owner email>': the form-submit trigger set-up made and the account that made it
 * (a trigger always runs as its maker). A run whose event carries this id therefore runs as this
 * owner, so guardTrigger need not ask Apps Script for the effective user (a round trip). The id is
 * one only the add-on and the owner see; any other id, or none, is checked by asking as before.
 */
export const SUBMIT_TRIGGER_KEY = 'trust.submitTrigger';

export function submitTriggerRecord(triggerId: string, ownerEmail: string): Record<string, string> {
  return { [SUBMIT_TRIGGER_KEY]: triggerId && ownerEmail ? `${triggerId}|${ownerEmail.trim().toLowerCase()}` : '' };
}

/** The owner recorded for this trigger id, or '' when the id is not the one recorded. */
export function recordedTriggerOwner(ctx: AppContext, triggerUid: unknown): string {
  if (typeof triggerUid !== 'string' || triggerUid === '') return '';
  const record = ctx.services.state.get(SUBMIT_TRIGGER_KEY) ?? '';
  const bar = record.indexOf('|');
  return bar > 0 && record.slice(0, bar) === triggerUid ? record.slice(bar + 1) : '';
}
