/**
 * "Check triggers": the add-on's two installable triggers (the contact Form's submit trigger and
 * the daily check) send no failure emails and stop silently when deleted, duplicated by a double
 * set-up, or left behind by someone who has left. This finds each problem, says when each last
 * ran successfully (stamps kept in document properties by the contacts area), and repairs them.
 *
 * Triggers belong to the person who made them, and each person sees only their own, so a second
 * coordinator would see "missing" triggers that are in fact running as someone else. A trigger is
 * therefore only remade when it has not run recently as anyone.
 */
import { formatDateTime } from '../../domain/dates';
import type { TriggerInfo } from '../../ports';
import type { AppContext } from '../context';
import { DAILY_HANDLER, KEY, SUBMIT_HANDLER } from '../contacts/keys';
import { recordAudit } from '../audit';
import { ensureTriggers } from '../contacts/formSetup';
import { triggerLabel } from './guardTrigger';

/** Who last installed the triggers through set-up or repair. */
export const TRIGGER_OWNER_KEY = 'trust.triggerOwner';

/** A daily check that ran within this long is alive, wherever its trigger is. */
const DAILY_ALIVE_MS = 26 * 60 * 60 * 1000;

export interface ExpectedTrigger {
  readonly handler: string;
  readonly kind: TriggerInfo['kind'];
  /** Document property holding the ISO instant of its last successful run. */
  readonly lastRunKey: string;
}

export const EXPECTED_TRIGGERS: readonly ExpectedTrigger[] = [
  { handler: SUBMIT_HANDLER, kind: 'formSubmit', lastRunKey: KEY.lastSweep },
  { handler: DAILY_HANDLER, kind: 'timeDriven', lastRunKey: KEY.lastDailyCheck },
];

export interface TriggerStatus {
  readonly handler: string;
  readonly label: string;
  /** This user's triggers for the handler. */
  readonly count: number;
  /** ISO instant of the last successful run, or ''. */
  readonly lastSuccess: string;
}

export interface TriggerHealthReport {
  readonly healthy: boolean;
  readonly statuses: readonly TriggerStatus[];
  /** What was found and, when repairing, what was done: plain sentences. */
  readonly lines: readonly string[];
  readonly repaired: boolean;
}

export function checkTriggers(ctx: AppContext, options: { repair: boolean }): TriggerHealthReport {
  ctx.authorise('checks.run');
  return options.repair ? repairTriggers(ctx) : inspectTriggers(ctx);
}

/**
 * This user's triggers for each handler. A time-driven trigger is not listed against the
 * spreadsheet everywhere, so the daily one is also looked for among the project's triggers by
 * the id set-up recorded (as the contacts area's ensureTriggers does).
 */
function ourTriggers(ctx: AppContext): TriggerInfo[] {
  const { triggers, state } = ctx.services;
  const here = triggers.list();
  const recordedId = state.get(KEY.dailyTriggerId) ?? '';
  const recorded = recordedId && !here.some((t) => t.id === recordedId) ? triggers.projectTriggers().filter((t) => t.id === recordedId) : [];
  return [...here, ...recorded];
}

function statusesOf(ctx: AppContext, existing: readonly TriggerInfo[]): TriggerStatus[] {
  const state = ctx.services.state;
  return EXPECTED_TRIGGERS.map((e) => ({
    handler: e.handler,
    label: triggerLabel(e.handler),
    count: existing.filter((t) => t.handler === e.handler && t.kind === e.kind).length,
    lastSuccess: state.get(e.lastRunKey) ?? '',
  }));
}

function lastRunText(iso: string): string {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? `last ran successfully ${formatDateTime(at)}` : 'has never run successfully';
}

/** The daily check ran recently, so its trigger exists under someone's account. */
function dailyAlive(ctx: AppContext): boolean {
  const at = new Date(ctx.services.state.get(KEY.lastDailyCheck) ?? '');
  return !Number.isNaN(at.getTime()) && ctx.now().getTime() - at.getTime() < DAILY_ALIVE_MS;
}

function formSetUp(ctx: AppContext): boolean {
  return Boolean(ctx.services.state.get(KEY.formId));
}

function inspectTriggers(ctx: AppContext): TriggerHealthReport {
  const existing = ourTriggers(ctx);
  const statuses = statusesOf(ctx, existing);
  const owner = ctx.services.state.get(TRIGGER_OWNER_KEY) ?? '';
  const me = ctx.services.identity.activeUserEmail();
  const lines: string[] = [];
  let healthy = true;
  for (const s of statuses) {
    const needed = s.handler !== SUBMIT_HANDLER || formSetUp(ctx);
    if (s.count === 1) lines.push(`The ${s.label} is installed (as you) and ${lastRunText(s.lastSuccess)}.`);
    else if (s.count > 1) {
      healthy = false;
      lines.push(`The ${s.label} is installed ${s.count} times, so it may run twice: choose Repair to keep one. It ${lastRunText(s.lastSuccess)}.`);
    } else if (!needed) {
      lines.push(`The ${s.label} is not needed yet: the contact Form has not been set up.`);
    } else if (owner && owner.toLowerCase() !== me.toLowerCase() && (s.handler !== DAILY_HANDLER || dailyAlive(ctx))) {
      lines.push(`The ${s.label} is not installed as you; it was installed by ${owner}, and only they can see it. It ${lastRunText(s.lastSuccess)}.`);
      if (s.handler === DAILY_HANDLER && !dailyAlive(ctx)) healthy = false;
    } else {
      healthy = false;
      lines.push(`The ${s.label} is missing, so it will not run: choose Repair to install it. It ${lastRunText(s.lastSuccess)}.`);
    }
  }
  if (ctx.services.triggers.needsReauthorisation()) {
    healthy = false;
    lines.push(`The add-on needs you to authorise it again before its triggers can work: ${ctx.services.triggers.authorisationUrl() || 'choose any item from its menu'}.`);
  }
  return { healthy, statuses, lines, repaired: false };
}

function repairTriggers(ctx: AppContext): TriggerHealthReport {
  const { state, identity } = ctx.services;
  const me = identity.activeUserEmail();
  const result = ctx.services.lock.withLock(30000, () => {
    const before = statusesOf(ctx, ourTriggers(ctx));
    const owner = state.get(TRIGGER_OWNER_KEY) ?? '';
    const mineMissing = before.some((s) => s.count === 0);
    if (mineMissing && owner !== '' && owner.toLowerCase() !== me.toLowerCase() && dailyAlive(ctx)) {
      // Theirs are evidently running: a second set would send every digest twice.
      return { done: [] as string[], left: [`Left the triggers running as ${owner}, whose daily check ran within the last day. If ${owner} has left the school, repair again once a day has passed without a daily check.`] };
    }
    // The same repair set-up does: one of each for this user, duplicates removed, the daily one at the hour in Settings.
    const lines = ensureTriggers(ctx);
    const after = statusesOf(ctx, ourTriggers(ctx));
    const done: string[] = [];
    for (const b of before) {
      const a = after.find((x) => x.handler === b.handler);
      if (b.count > 1) done.push(`Removed ${b.count - 1} extra trigger${b.count > 2 ? 's' : ''} for the ${b.label}.`);
      if (b.count === 0 && a && a.count === 1) done.push(`Installed the ${b.label} to run as you.`);
    }
    state.set({ [TRIGGER_OWNER_KEY]: me });
    return { done, left: lines.filter((l) => /left it alone/.test(l)) };
  });
  if (!result.ok) {
    return { healthy: false, statuses: statusesOf(ctx, ourTriggers(ctx)), lines: ['Someone else is changing the register at this moment, so the triggers were not repaired. Please try again in a minute.'], repaired: false };
  }
  const { done, left } = result.value;
  if (done.length) recordAudit(ctx, [{ action: 'Triggers repaired', after: done.join(' ') }]);
  const after = inspectTriggers(ctx);
  return {
    healthy: after.healthy,
    statuses: after.statuses,
    lines: [...(done.length || left.length ? done : ['Nothing needed repairing.']), ...left, ...after.lines],
    repaired: done.length > 0,
  };
}
