/**
 * "Set up / repair register": creates every sheet the register needs, or repairs them without
 * losing data (missing headers added back, dropdowns, protections and colours re-applied), then
 * runs each area's set-up step. Running it twice changes nothing.
 */
import { ALL_TABLES, CALENDAR, LISTS, SETTINGS, STAFF } from '../domain/schema';
import { listSeedRows } from '../domain/lists';
import { ALL_SETTINGS } from '../domain/settings';
import { defaultCalendarEntries } from '../domain/calendar';
import { UserFacingError } from '../domain/errors';
import type { EnsureTableReport } from '../ports';
import type { AppContext } from './context';
import { recordAudit } from './audit';
import { SETUP_STEPS } from './setupSteps';
import { protectionEditors, staffAccessFingerprint, STAFF_ACCESS_KEY } from './access/staffAccess';
import { triggerCheckStamp } from './trust/triggerCheckStamp';

export interface SetUpReport {
  readonly firstTime: boolean;
  readonly tables: readonly EnsureTableReport[];
  readonly steps: readonly string[];
  /** One paragraph for the alert shown when set-up finishes. */
  readonly summary: string;
}

export function setUpRegister(ctx: AppContext): SetUpReport {
  const { tables, lock, identity } = ctx.services;
  const result = lock.withLock(30000, () => {
    const user = identity.activeUserEmail() || identity.effectiveUserEmail();
    if (!user) {
      throw new UserFacingError(
        'The add-on cannot tell who you are, so it cannot make you the register\u2019s coordinator. Open the register in a browser window signed in only to your school account and try again.',
      );
    }
    // Once the register has a coordinator, only a coordinator may set up or repair it. Before
    // that, whoever sets it up becomes its first coordinator.
    const existingStaff = staffIfAny(ctx);
    const hasCoordinator = existingStaff.some((s) => s.active && s.role === 'Coordinator');
    if (hasCoordinator) ctx.authorise('register.setUp');
    const me = { email: user, name: nameFromEmail(user), role: 'Coordinator', active: true };
    const keepers = [...new Set([...existingStaff.filter((s) => s.active && s.role === 'Coordinator').map((s) => s.email), user])];
    const lists = tables.ensure(LISTS, { editors: keepers, lists: LISTS, seedRows: listSeedRows() });
    const staffReport = tables.ensure(STAFF, { editors: keepers, lists: LISTS, seedRows: [me] });
    const firstTime = staffReport.created || !hasCoordinator;
    if (!hasCoordinator && !staffReport.created && existingStaff.length > 0) tables.append(STAFF, [me]);
    ctx.refresh();
    ctx.authorise('register.setUp');
    // Everyone on the Staff sheet edits the protected columns and logs (the add-on writes as them);
    // Staff, Settings and Lists stay with the coordinators. See access/staffAccess.ts.
    const editors = protectionEditors(ctx, user);

    const reports: EnsureTableReport[] = [lists, staffReport];
    for (const spec of ALL_TABLES) {
      if (spec.key === LISTS.key || spec.key === STAFF.key) continue;
      reports.push(tables.ensure(spec, { editors: spec.coordinatorsOnly ? editors.coordinators : editors.staff, lists: LISTS, seedRows: seedRowsFor(spec.key, user, ctx.today()) }));
    }
    // The person setting up was just checked (a coordinator, authorised at the keyboard): the
    // triggers set-up makes run as them, so their first runs today need not check again.
    const fingerprint = staffAccessFingerprint(editors);
    ctx.services.state.set({ [STAFF_ACCESS_KEY]: fingerprint, ...triggerCheckStamp(ctx, user, fingerprint) });
    // A new spreadsheet's empty "Sheet1" would only confuse; anything with content is left alone.
    if (firstTime) tables.removeEmptySheet('Sheet1');
    ctx.refresh();
    const steps = SETUP_STEPS.flatMap((step) => step.run(ctx));

    const created = reports.filter((r) => r.created).map((r) => r.sheetName);
    const repaired = reports.filter((r) => r.addedColumns.length > 0);
    // A run that found nothing to repair changes nothing, not even the audit log.
    if (firstTime || created.length > 0 || repaired.length > 0) recordAudit(ctx, [{
      action: firstTime ? 'Register set up' : 'Register repaired',
      after: [
        created.length ? `Sheets created: ${created.join(', ')}` : '',
        ...repaired.map((r) => `Columns added back to ${r.sheetName}: ${r.addedColumns.join(', ')}`),
      ].filter(Boolean).join('; ') || 'No changes needed',
    }]);
    return { firstTime, tables: reports, steps, summary: summarise(firstTime, reports, steps) };
  });
  if (!result.ok) {
    throw new UserFacingError('Someone else is changing the register at this moment. Please try again in a minute.');
  }
  return result.value;
}

function seedRowsFor(key: string, user: string, today: string) {
  switch (key) {
    case SETTINGS.key:
      return ALL_SETTINGS.map((s) => ({
        setting: s.label,
        value: s.label === 'Coordinator email' ? user : s.defaultValue,
        explanation: s.explanation,
      }));
    case CALENDAR.key:
      return defaultCalendarEntries(today).map((e) => ({ kind: e.kind, start: e.start, end: e.end, description: e.description }));
    default:
      return undefined;
  }
}

function summarise(firstTime: boolean, reports: readonly EnsureTableReport[], steps: readonly string[]): string {
  const lines: string[] = [];
  if (firstTime) {
    lines.push('The register is ready. You are its coordinator: add other staff and their roles on the Staff sheet; they can use the add-on once you next open the sidebar.');
    lines.push('Next: replace the example term dates on the Calendar sheet with your school\u2019s, then import pupils from your MIS.');
  } else {
    const created = reports.filter((r) => r.created).map((r) => r.sheetName);
    const repaired = reports.filter((r) => r.addedColumns.length > 0);
    if (created.length === 0 && repaired.length === 0) lines.push('The register was already in order: nothing needed repairing.');
    if (created.length) lines.push(`Sheets created again: ${created.join(', ')}.`);
    for (const r of repaired) lines.push(`Columns added back to "${r.sheetName}": ${r.addedColumns.join(', ')}.`);
  }
  for (const r of reports.filter((x) => x.extraColumns.length > 0)) {
    lines.push(`"${r.sheetName}" has columns of your own (${r.extraColumns.join(', ')}): they are kept and left alone.`);
  }
  return [...lines, ...steps].join('\n');
}

/** Staff already listed, or none when the Staff sheet does not exist yet. */
function staffIfAny(ctx: AppContext) {
  try {
    return ctx.staff;
  } catch (error) {
    if (error instanceof UserFacingError) return [];
    throw error;
  }
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.split(/[._-]+/).filter(Boolean).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(' ');
}
