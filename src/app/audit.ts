/**
 * The audit log: every change, who and when, appended in one write and sealed into a chain
 * (each row's seal covers the previous seal), so a row edited, inserted or deleted by hand is
 * found by "Verify audit log". The last seal is kept in document properties so appending never
 * reads the log.
 */
import { AUDIT_LOG } from '../domain/schema';
import { GENESIS, sealAuditRows } from '../domain/auditChain';
import type { AppContext } from './context';

export interface AuditEntry {
  readonly action: string;
  readonly caseRef?: string;
  readonly before?: string;
  readonly after?: string;
}

export const LAST_SEAL_KEY = 'audit.lastSeal';
/**
 * The seal an append is about to end the log with, set just before the rows are written and
 * cleared (with the last seal moved on) just after. Found set, it means an execution stopped
 * between the two: the rows may or may not have landed, so the sheet itself says which seal is last.
 */
export const PENDING_SEAL_KEY = 'audit.pendingSeal';

export function recordAudit(ctx: AppContext, entries: readonly AuditEntry[]): void {
  const prepared = prepareAudit(ctx, entries);
  if (!prepared) return;
  ctx.services.state.set(prepared.before);
  prepared.append();
  ctx.services.state.set(prepared.after);
}

/**
 * An audit append in three parts, for a caller that keeps its own marks in document properties
 * around the same writes (the Form sweep): it sets `before` together with its own mark, writes
 * its rows and calls `append`, then sets `after` together with its own, so the whole run makes two
 * property writes instead of four. The order is recordAudit's: `before` is set before the rows
 * are written and `after` only once they are.
 */
export interface PreparedAudit {
  readonly before: Readonly<Record<string, string>>;
  append(): void;
  readonly after: Readonly<Record<string, string>>;
}

export function prepareAudit(ctx: AppContext, entries: readonly AuditEntry[]): PreparedAudit | null {
  if (entries.length === 0) return null;
  const { tables, state, digest } = ctx.services;
  // Whole seconds: a sheet's date-time cell keeps no finer precision, and the seal must survive it.
  const when = new Date(Math.floor(ctx.now().getTime() / 1000) * 1000);
  const rows = entries.map((e) => ({
    when: when.toISOString(),
    who: ctx.actorEmail || 'unknown',
    action: e.action,
    caseRef: e.caseRef ?? '',
    before: e.before ?? '',
    after: e.after ?? '',
  }));
  const interrupted = Boolean(state.get(PENDING_SEAL_KEY));
  const previous = (interrupted ? null : state.get(LAST_SEAL_KEY)) ?? lastSealOnSheet(ctx);
  const sealed = sealAuditRows(previous, rows, (text: string) => digest.sha256Hex(text));
  const last = sealed[sealed.length - 1].digest;
  // Marked before and after: a failure between the append and moving the last seal on (a
  // properties write can fail) must not leave the next rows chained to a stale seal, which
  // "Verify audit log" would report as tampering.
  return {
    before: { [PENDING_SEAL_KEY]: last },
    append: () => { tables.append(AUDIT_LOG, sealed.map((r) => ({ ...r, when })), { rowNumbers: false }); },
    after: { [LAST_SEAL_KEY]: last, [PENDING_SEAL_KEY]: '' },
  };
}

function lastSealOnSheet(ctx: AppContext): string {
  const tail = ctx.services.tables.readTail(AUDIT_LOG, 1);
  return tail.length ? String(tail[0].values.digest) : GENESIS;
}

/** Before/after text for the log: changed fields only, health details named but never copied. */
export function describeChange(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  healthKeys: ReadonlySet<string>,
): { before: string; after: string } {
  const keys = Object.keys(after).filter((k) => String(before[k] ?? '') !== String(after[k] ?? ''));
  const show = (source: Readonly<Record<string, unknown>>) =>
    keys.map((k) => `${k}: ${healthKeys.has(k) ? '(health detail)' : String(source[k] ?? '')}`).join('; ');
  return { before: show(before), after: show(after) };
}
