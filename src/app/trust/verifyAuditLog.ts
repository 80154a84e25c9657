/**
 * "Verify audit log": re-computes every seal of the Audit log sheet and reports the first row
 * where the chain breaks — a row edited, inserted, cleared or deleted by hand. The last seal the
 * add-on wrote is kept in document properties (LAST_SEAL_KEY), which catches rows deleted from
 * the end, the one change the chain alone cannot see.
 *
 * The seals are checked with the pure SHA-256 (src/domain/sha256), not the Digest port: it
 * gives the same hex, and a log of thousands of rows would otherwise cost a service call per row.
 */
import { AUDIT_LOG } from '../../domain/schema';
import { verifyAuditChain, type AuditRow } from '../../domain/auditChain';
import { sha256Hex } from '../../domain/sha256';
import { formatDateTime } from '../../domain/dates';
import type { AppContext } from '../context';
import { LAST_SEAL_KEY, PENDING_SEAL_KEY } from '../audit';

export interface AuditVerification {
  readonly ok: boolean;
  /** Entries checked. */
  readonly rows: number;
  /** The sheet row (header is row 1) where the chain first breaks; absent when intact. */
  readonly firstBadSheetRow?: number;
  /** One paragraph for the person who asked, or for the daily digest. */
  readonly message: string;
}

export function verifyAuditLog(ctx: AppContext): AuditVerification {
  ctx.authorise('audit.verify');
  return checkAuditLog(ctx);
}

/** The check itself, without a permission check: the daily check runs it as the trigger's owner. */
export function checkAuditLog(ctx: AppContext): AuditVerification {
  const stored = ctx.services.tables.readAll(AUDIT_LOG);
  // After an append interrupted before the last seal moved on, either seal may end the log.
  const pending = ctx.services.state.get(PENDING_SEAL_KEY);
  const onSheet = stored.length ? String(stored[stored.length - 1].values.digest) : '';
  const expectedLast = (pending && onSheet === pending ? pending : ctx.services.state.get(LAST_SEAL_KEY)) ?? undefined;
  const sheetName = 'the Audit log sheet';

  // A row whose cells were all cleared is skipped by the read: that gap is itself the tampering.
  const firstGap = stored.findIndex((r, i) => r.rowNumber !== i + 2);
  const rows = stored.map((r) => r.values as unknown as AuditRow);
  const result = verifyAuditChain(rows, sha256Hex, { expectedLastDigest: expectedLast });

  if (result.ok && firstGap < 0) {
    const last = stored.length ? stored[stored.length - 1].values.when : '';
    const lastText = last instanceof Date ? `; the latest is from ${formatDateTime(last)}` : '';
    return {
      ok: true,
      rows: result.rows,
      message: `The audit log is intact: all ${result.rows} entr${result.rows === 1 ? 'y' : 'ies'} on ${sheetName} are sealed in an unbroken chain${lastText}.`,
    };
  }
  const badIndex = result.ok ? Number.POSITIVE_INFINITY : result.firstBadRow - 1;
  if (firstGap >= 0 && firstGap <= badIndex) {
    const sheetRow = firstGap + 2;
    return {
      ok: false,
      rows: stored.length,
      firstBadSheetRow: sheetRow,
      message: `The audit log was changed by hand at row ${sheetRow} of ${sheetName}: that row has been emptied. Rows from there on cannot be trusted; compare them with a backup copy (File \u203a Version history).`,
    };
  }
  if (result.ok) throw new Error('unreachable: intact chain with no gap');
  const sheetRow = badIndex < stored.length ? stored[badIndex].rowNumber : (stored.length ? stored[stored.length - 1].rowNumber + 1 : 2);
  // The domain's message counts rows from the top; the sheet row found above is what a person sees.
  const message = result.message.replace(/ at row \d+/, ` at row ${sheetRow}`).replace(/after row \d+/, `after row ${sheetRow - 1}`);
  return {
    ok: false,
    rows: stored.length,
    firstBadSheetRow: sheetRow,
    message: `${message} (File \u203a Version history shows who changed the sheet and when.)`,
  };
}
