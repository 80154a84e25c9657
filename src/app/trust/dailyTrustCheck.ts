/**
 * The trust part of the daily check (it runs as a DailyTask inside the contacts area's daily
 * check, holding the document lock, as the trigger's owner):
 *
 * 1. Verifies the audit log (the entries added since the previous day's check, chained from the
 *    seal that check found: see AUDIT_VERIFIED_KEY); when the chain is broken, emails the
 *    coordinator, at most once a day.
 * 2. Logs changes made by hand to the Staff and Settings sheets (roles and settings are changed on
 *    the sheets themselves, not through the add-on), by comparing them with what the previous run
 *    saw, kept in document properties. Who made a hand change is not known to the add-on: the
 *    entry says so and points to the spreadsheet's version history.
 */
import type { AppContext } from '../context';
import type { DailyTask } from '../contacts/dailyCheck';
import { recordAudit, type AuditEntry } from '../audit';
import { checkAuditLogSinceLastCheck } from './verifyAuditLog';

export const STAFF_SEEN_KEY = 'trust.staffSeen';
export const SETTINGS_SEEN_KEY = 'trust.settingsSeen';
export const AUDIT_ALERT_KEY = 'trust.auditAlertSentOn';

const BY_HAND = 'found by the daily check; File \u203a Version history shows who made it';

export const TRUST_DAILY_TASK: DailyTask = {
  name: 'Audit log and hand changes',
  run: (ctx) => [...recordHandChanges(ctx), ...auditLogCheck(ctx)],
};

export function auditLogCheck(ctx: AppContext): string[] {
  const result = checkAuditLogSinceLastCheck(ctx);
  if (result.ok) return [result.message];
  const { state, mailer } = ctx.services;
  const today = ctx.today();
  const to = ctx.settings.text('Coordinator email') || ctx.coordinators()[0] || '';
  if (to && state.get(AUDIT_ALERT_KEY) !== today && mailer.remainingDailyQuota() > 0) {
    mailer.send({
      to,
      subject: 'Health Needs Register: the audit log has been changed by hand',
      body: `${result.message}\n\nOpen the register and choose Extensions \u203a Health Needs Register \u203a Verify audit log to check again.`,
    });
    state.set({ [AUDIT_ALERT_KEY]: today });
  }
  return [result.message];
}

type StaffSeen = Record<string, string>;

export function recordHandChanges(ctx: AppContext): string[] {
  const { state } = ctx.services;
  const staffNow: StaffSeen = Object.fromEntries(
    ctx.staff.map((s) => [s.email.trim().toLowerCase(), `${s.role}${s.active ? '' : ' (not active)'}`]),
  );
  const settingsNow: Record<string, string> = Object.fromEntries(
    [...ctx.settings.parsed.values.entries()].map(([k, v]) => [k, String(v)]),
  );
  const staffBefore = parse(state.get(STAFF_SEEN_KEY));
  const settingsBefore = parse(state.get(SETTINGS_SEEN_KEY));
  const entries: AuditEntry[] = [];
  if (staffBefore) {
    for (const email of new Set([...Object.keys(staffBefore), ...Object.keys(staffNow)])) {
      const before = staffBefore[email];
      const after = staffNow[email];
      if (before === after) continue;
      entries.push({ action: `Staff role changed by hand (${BY_HAND})`, before: before ? `${email}: ${before}` : `${email}: not on the Staff sheet`, after: after ? `${email}: ${after}` : `${email}: removed from the Staff sheet` });
    }
  }
  if (settingsBefore) {
    for (const label of Object.keys(settingsNow)) {
      if (label in settingsBefore && settingsBefore[label] !== settingsNow[label]) {
        entries.push({ action: `Setting changed by hand (${BY_HAND})`, before: `${label}: ${settingsBefore[label]}`, after: `${label}: ${settingsNow[label]}` });
      }
    }
  }
  if (entries.length) recordAudit(ctx, entries);
  const staffText = JSON.stringify(staffNow);
  const settingsText = JSON.stringify(settingsNow);
  const updates: Record<string, string> = {};
  if (state.get(STAFF_SEEN_KEY) !== staffText) updates[STAFF_SEEN_KEY] = staffText;
  if (state.get(SETTINGS_SEEN_KEY) !== settingsText) updates[SETTINGS_SEEN_KEY] = settingsText;
  state.set(updates);
  return entries.length ? [`${entries.length} change${entries.length === 1 ? '' : 's'} made by hand to the Staff or Settings sheet ${entries.length === 1 ? 'was' : 'were'} recorded in the audit log.`] : [];
}

function parse(text: string | null): Record<string, string> | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, string>) : null;
  } catch {
    return null;
  }
}
