/**
 * What every installable trigger (onContactFormSubmit, runDailyCheck) calls first.
 *
 * 1. Re-authorisation. Google keeps firing an add-on's triggers after it starts needing new
 *    permissions, but the run fails at the first line that needs one. As Google recommends, the
 *    trigger checks ScriptApp.getAuthorizationInfo first and, when re-authorisation is needed,
 *    emails the trigger's owner at most once a day (the date is kept in document properties) and
 *    does nothing else.
 * 2. Who it runs as. A trigger runs as the person who installed it (the effective user), with no
 *    one at the keyboard, so it is checked against the Staff sheet by that person's email: a
 *    trigger left behind by someone removed from the Staff sheet does nothing. Anyone who calls a
 *    trigger function directly (google.script.run can reach any top-level function) runs it as
 *    themselves and meets the same check.
 *
 * The account is asked for on every run (one round trip), except a form-submit run whose event
 * carries the id of the trigger set-up recorded with its owner (./triggerCheckStamp). The rest (Apps Script's authorisation
 * status and the Staff sheet, 250 ms of round trips) a form-submit run checks at most once a day
 * per account: see ./triggerCheckStamp. So a
 * person removed from the Staff sheet stops their triggers as soon as a coordinator opens the
 * sidebar (which updates the fingerprint), and by the next day's check at the latest; and when
 * Apps Script needs re-authorisation, the daily check (which never relies on a stamp) emails the
 * owner, while a form-submit run that fails for want of it leaves its rows on the responses sheet.
 */
import { NotAllowedError } from '../../domain/errors';
import { can, findStaff } from '../../domain/roles';
import type { AppContext } from '../context';
import { KEY } from '../contacts/keys';
import { STAFF_ACCESS_KEY } from '../access/staffAccess';
import { checkedToday, recordedTriggerOwner, TRIGGER_CHECKED_KEY, triggerCheckStamp } from './triggerCheckStamp';

const TRIGGER_LABELS: Readonly<Record<string, string>> = {
  onContactFormSubmit: 'copying of contact Form responses to the Contact log',
  runDailyCheck: 'daily check',
};

export function triggerLabel(name: string): string {
  return TRIGGER_LABELS[name] ?? `"${name}" trigger`;
}

/** Triggers that may rely on a check already passed today (the daily check always checks afresh). */
const STAMP_TRUSTED: ReadonlySet<string> = new Set(['onContactFormSubmit']);

/**
 * True when the trigger may do its work; false when it must stop quietly (re-authorisation needed).
 * `triggerUid` is the event's: when it is the form-submit trigger set-up recorded, the owner
 * recorded with it is the account the run is as, and the effective user is not asked.
 */
export function guardTrigger(ctx: AppContext, name: string, triggerUid?: unknown): boolean {
  const { triggers, identity, state } = ctx.services;
  const fingerprint = state.get(STAFF_ACCESS_KEY) ?? '';
  if (STAMP_TRUSTED.has(name)) {
    const recorded = recordedTriggerOwner(ctx, triggerUid);
    if (recorded && checkedToday(ctx, recorded, fingerprint)) {
      ctx.actAsTriggerOwner(recorded);
      return true;
    }
  }
  const owner = identity.effectiveUserEmail();
  if (owner && STAMP_TRUSTED.has(name) && checkedToday(ctx, owner, fingerprint)) {
    ctx.actAsTriggerOwner(owner);
    return true;
  }
  if (triggers.needsReauthorisation()) {
    mailReauthorisationOncePerDay(ctx, name, owner);
    return false;
  }
  const label = triggerLabel(name);
  if (!owner) {
    throw new NotAllowedError(
      `The ${label} did nothing: Apps Script could not tell which account it runs as, so it could not check that account against the Staff sheet.`,
    );
  }
  const member = findStaff(ctx.staff, owner);
  if (!member) {
    throw new NotAllowedError(
      `The ${label} did nothing: it runs as ${owner}, who is not an active member of staff on the Staff sheet. ` +
        'A coordinator should open the register and choose Extensions \u203a Health Needs Register \u203a Check triggers, which makes the triggers run as them.',
    );
  }
  if (!can(member.role, 'checks.run')) {
    throw new NotAllowedError(
      `The ${label} did nothing: it runs as ${owner}, whose role (${member.role}) may not run the register\u2019s checks. ` +
        'A coordinator should choose Extensions \u203a Health Needs Register \u203a Check triggers, which makes the triggers run as them.',
    );
  }
  ctx.actAsTriggerOwner(owner);
  const stamp = triggerCheckStamp(ctx, owner, fingerprint);
  if (state.get(TRIGGER_CHECKED_KEY) !== stamp[TRIGGER_CHECKED_KEY]) state.set(stamp);
  return true;
}

function mailReauthorisationOncePerDay(ctx: AppContext, name: string, owner: string): void {
  const { state, mailer, triggers } = ctx.services;
  const today = ctx.today();
  if (state.get(KEY.reauthMailedOn) === today) return;
  const to = owner;
  if (!to) return;
  const url = triggers.authorisationUrl();
  try {
    mailer.send({
      to,
      subject: 'Health Needs Register needs you to authorise it again',
      body:
        `The Health Needs Register add-on has been updated and needs your permission again before its ${triggerLabel(name)} can run. ` +
        'Until then, contacts sent on the Form wait on its responses sheet (none are lost) and no daily digest is sent.\n\n' +
        `To authorise it, open this link while signed in to your school account:\n${url || 'open the register and choose any item from Extensions \u203a Health Needs Register.'}\n\n` +
        'You will get this email at most once a day until it is done.',
    });
  } catch {
    // No mail allowance left, or mail not permitted: try again on the next run rather than mark it sent.
    return;
  }
  state.set({ [KEY.reauthMailedOn]: today });
}
