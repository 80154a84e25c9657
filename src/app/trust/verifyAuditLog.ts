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
import { GENESIS, verifyAuditChain, type AuditRow } from '../../domain/auditChain';
import type { RawRows, RowValues, StoredRow } from '../../ports';
import { fromCell } from '../../domain/cells';
import { continueFingerprint, EMPTY_FINGERPRINT } from '../../domain/rowFingerprint';
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
  // Every seal, from the first; an intact log is also where the next daily check carries on from.
  const raw = readAuditRaw(ctx);
  const result = checkStoredRows(ctx, storedRowsOf(raw, 0), { previousDigest: GENESIS, firstRow: raw.firstRow, alsoVerified: 0 });
  rememberVerified(ctx, result, (upTo) => fingerprintRaw(EMPTY_FINGERPRINT, raw, 0, upTo));
  return result;
}

/** The check itself, without a permission check: the daily check runs it as the trigger's owner. */
export function checkAuditLog(ctx: AppContext): Checked {
  const raw = readAuditRaw(ctx);
  return checkStoredRows(ctx, storedRowsOf(raw, 0), { previousDigest: GENESIS, firstRow: raw.firstRow, alsoVerified: 0 });
}

export const AUDIT_VERIFIED_KEY = 'trust.auditVerifiedTo';

const FINGERPRINTED: ReadonlyArray<keyof AuditRow> = ['when', 'who', 'action', 'caseRef', 'before', 'after', 'digest'];
const FINGERPRINTED_TYPES = FINGERPRINTED.map((key) => AUDIT_LOG.columns.find((c) => c.key === key)?.type ?? 'text');
const DIGEST_AT = FINGERPRINTED.indexOf('digest');

/**
 * The log's cells as the sheet holds them: fingerprinting 140,000 rows needs no conversion (a
 * date-time cell is fingerprinted by its instant either way), so only the rows whose seals are
 * re-computed are converted.
 */
function readAuditRaw(ctx: AppContext): RawRows {
  return ctx.services.tables.readRaw(AUDIT_LOG, FINGERPRINTED);
}

/** Rows from index `start` on, converted as readAll does (a blank row is skipped: the gap is found). */
function storedRowsOf(raw: RawRows, start: number): StoredRow[] {
  const out: StoredRow[] = [];
  for (let i = Math.max(0, start); i < raw.rows.length; i++) {
    const row = raw.rows[i];
    if (row.every((cell) => cell === '' || cell === null || cell === undefined)) continue;
    const values: RowValues = {};
    FINGERPRINTED.forEach((key, k) => { values[key] = fromCell(FINGERPRINTED_TYPES[k], row[k]); });
    out.push({ rowNumber: raw.firstRow + i, values });
  }
  return out;
}

/** The fingerprint continued over sheet rows from index `start` up to sheet row `upToRow`. */
function fingerprintRaw(from: string, raw: RawRows, start: number, upToRow: number): string {
  return continueFingerprint(from, raw.rows, start, upToRow - raw.firstRow + 1);
}

/** The daily check's audit check: the seals added since the last one (see AUDIT_VERIFIED_KEY). */
export function checkAuditLogSinceLastCheck(ctx: AppContext): AuditVerification {
  const { state } = ctx.services;
  const raw = readAuditRaw(ctx);
  const mark = /^(\d+):([0-9a-f]{64}):([0-9a-f]{16})$/.exec(state.get(AUDIT_VERIFIED_KEY) ?? '');
  let result: Checked | null = null;
  let verifiedPrint = EMPTY_FINGERPRINT;
  let printedTo = raw.firstRow - 1;
  if (mark) {
    const markRow = Number(mark[1]);
    const at = markRow - raw.firstRow;
    const markCells = raw.rows[at];
    if (at >= 0 && markCells && String(markCells[DIGEST_AT] ?? '').trim().toLowerCase() === mark[2]) {
      verifiedPrint = fingerprintRaw(EMPTY_FINGERPRINT, raw, 0, markRow);
      if (verifiedPrint === mark[3]) {
        result = checkStoredRows(ctx, storedRowsOf(raw, at + 1), { previousDigest: mark[2], firstRow: markRow + 1, alsoVerified: at + 1 });
        printedTo = markRow;
      }
    }
  }
  if (!result) {
    result = checkStoredRows(ctx, storedRowsOf(raw, 0), { previousDigest: GENESIS, firstRow: raw.firstRow, alsoVerified: 0 });
    verifiedPrint = EMPTY_FINGERPRINT;
  }
  const [print, from] = [verifiedPrint, printedTo];
  rememberVerified(ctx, result, (upTo) => fingerprintRaw(print, raw, from - raw.firstRow + 1, upTo));
  return result;
}

function rememberVerified(ctx: AppContext, result: Checked, fingerprint: (upToRow: number) => string): void {
  if (!result.ok || !result.lastRow || result.lastRow.sheetRow < 2) return;
  const value = `${result.lastRow.sheetRow}:${result.lastRow.digest}:${fingerprint(result.lastRow.sheetRow)}`;
  if (ctx.services.state.get(AUDIT_VERIFIED_KEY) !== value) ctx.services.state.set({ [AUDIT_VERIFIED_KEY]: value });
}

interface CheckFrom {
  /** The seal before the first row given. */
  readonly previousDigest: string;
  /** The sheet row the first row given should be on. */
  readonly firstRow: number;
  /** Entries above the rows given, verified on an earlier day (for the message's count). */
  readonly alsoVerified: number;
}

type Checked = AuditVerification & { readonly lastRow?: { readonly sheetRow: number; readonly digest: string } };

function checkStoredRows(ctx: AppContext, stored: readonly StoredRow[], from: CheckFrom): Checked {
  // After an append interrupted before the last seal moved on, either seal may end the log.
  const pending = ctx.services.state.get(PENDING_SEAL_KEY);
  const onSheet = stored.length ? String(stored[stored.length - 1].values.digest) : from.previousDigest;
  const expectedLast = (pending && onSheet === pending ? pending : ctx.services.state.get(LAST_SEAL_KEY)) ?? undefined;
  const sheetName = 'the Audit log sheet';

  // A row whose cells were all cleared is skipped by the read: that gap is itself the tampering.
  const firstGap = stored.findIndex((r, i) => r.rowNumber !== i + from.firstRow);
  const rows = stored.map((r) => r.values as unknown as AuditRow);
  const result = verifyAuditChain(rows, sha256Hex, { expectedLastDigest: expectedLast, previousDigest: from.previousDigest });

  if (result.ok && firstGap < 0) {
    const total = result.rows + from.alsoVerified;
    const last = stored.length ? stored[stored.length - 1].values.when : '';
    const lastText = last instanceof Date ? `; the latest is from ${formatDateTime(last)}` : '';
    const since = from.alsoVerified > 0 ? ` (seals re-computed for the ${result.rows} added since the last check; the ${from.alsoVerified} before them found unchanged)` : '';
    return {
      ok: true,
      rows: total,
      message: `The audit log is intact: all ${total} entr${total === 1 ? 'y' : 'ies'} on ${sheetName} are sealed in an unbroken chain${since}${lastText}.`,
      lastRow: { sheetRow: from.firstRow + stored.length - 1, digest: (stored.length ? String(stored[stored.length - 1].values.digest) : from.previousDigest).trim().toLowerCase() },
    };
  }
  const badIndex = result.ok ? Number.POSITIVE_INFINITY : result.firstBadRow - 1;
  if (firstGap >= 0 && firstGap <= badIndex) {
    const sheetRow = firstGap + from.firstRow;
    return {
      ok: false,
      rows: stored.length,
      firstBadSheetRow: sheetRow,
      message: `The audit log was changed by hand at row ${sheetRow} of ${sheetName}: that row has been emptied. Rows from there on cannot be trusted; compare them with a backup copy (File \u203a Version history).`,
    };
  }
  if (result.ok) throw new Error('unreachable: intact chain with no gap');
  const sheetRow = badIndex < stored.length ? stored[badIndex].rowNumber : (stored.length ? stored[stored.length - 1].rowNumber + 1 : from.firstRow);
  // The domain's message counts rows from the top; the sheet row found above is what a person sees.
  const message = result.message.replace(/ at row \d+/, ` at row ${sheetRow}`).replace(/after row \d+/, `after row ${sheetRow - 1}`);
  return {
    ok: false,
    rows: stored.length,
    firstBadSheetRow: sheetRow,
    message: `${message} (File \u203a Version history shows who changed the sheet and when.)`,
  };
}
