/**
 * Who may edit the protected parts of the register. An Editor add-on writes as the person using
 * it, so everyone on the Staff sheet must be an editor of the protected columns and logs (hand
 * edits there are overwritten by the next check or caught by the audit seal), while the Staff,
 * Settings and Lists sheets stay with the coordinators. When the Staff sheet changes, the
 * protections are brought up to date by the next coordinator to open the sidebar, or by the daily
 * check, so a new member of staff does not wait for a repair.
 */
import { ALL_TABLES } from '../../domain/schema';
import type { AppContext } from '../context';
import { triggerCheckStamp } from '../trust/triggerCheckStamp';

export const STAFF_ACCESS_KEY = 'protection.staffHash';

export interface ProtectionEditors {
  /** Everyone on the Staff sheet who is active: they write through the add-on. */
  readonly staff: string[];
  /** Coordinators only: they alone change staff, settings and lists. */
  readonly coordinators: string[];
}

export function protectionEditors(ctx: AppContext, alsoCoordinator?: string): ProtectionEditors {
  const coordinators = unique([...ctx.coordinators(), ...(alsoCoordinator ? [alsoCoordinator] : [])]);
  const staff = unique([...coordinators, ...ctx.staff.filter((s) => s.active).map((s) => s.email)]);
  return { staff, coordinators };
}

/** A fingerprint of who may edit what; stored after protections are applied. */
export function staffAccessFingerprint(editors: ProtectionEditors): string {
  return `${editors.coordinators.join(',')}|${editors.staff.join(',')}`;
}

export function accessIsCurrent(ctx: AppContext): boolean {
  return ctx.services.state.get(STAFF_ACCESS_KEY) === staffAccessFingerprint(protectionEditors(ctx));
}

/**
 * Re-applies every protection when the Staff sheet has changed since they were last applied.
 * Costs nothing extra when it has not (settings, staff and properties are already read).
 * Must be run by a coordinator: only editors of a protection can change it.
 */
export function syncStaffAccess(ctx: AppContext): string[] {
  const editors = protectionEditors(ctx);
  const fingerprint = staffAccessFingerprint(editors);
  if (ctx.services.state.get(STAFF_ACCESS_KEY) === fingerprint) return [];
  for (const spec of ALL_TABLES) {
    ctx.services.tables.protect(spec, spec.coordinatorsOnly ? editors.coordinators : editors.staff);
  }
  // The coordinator applying it has just been checked, so their triggers keep relying on the
  // day's check (./trust/triggerCheckStamp); anyone else's must check again.
  const checked = ctx.may('checks.run') ? triggerCheckStamp(ctx, ctx.actorEmail, fingerprint) : {};
  ctx.services.state.set({ [STAFF_ACCESS_KEY]: fingerprint, ...checked });
  return [`Access brought up to date for ${editors.staff.length} member${editors.staff.length === 1 ? '' : 's'} of staff.`];
}

function unique(emails: readonly string[]): string[] {
  return [...new Set(emails.map((e) => e.trim()).filter(Boolean))].sort();
}
