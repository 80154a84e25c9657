/**
 * A tamper-evident audit log: each row carries a seal (digest) computed from the previous row's seal and
 * this row's content, so editing, inserting or deleting a row by hand breaks the chain from that point.
 * The hash is passed in (sha256Hex from './sha256' here and in tests; Apps Script's digest utility in the gas
 * layer), which keeps this file free of any platform service.
 *
 * Limits, stated so nobody over-trusts it: someone who knows the scheme could re-seal every later row;
 * and deleting the last rows leaves an intact shorter chain. Both are caught only by comparing against a
 * seal kept elsewhere (pass expectedLastDigest, e.g. from document properties).
 *
 * "when" is sealed as its ISO instant text; a Date read back from a date-time cell is taken as the same
 * instant, so it verifies provided the cell kept the precision that was sealed (whole seconds, say).
 */
import { formatDateTime } from './dates';

export interface AuditContent {
  /** ISO 8601 instant, e.g. '2026-11-03T14:05:00.000Z'. */
  when: string;
  who: string;
  action: string;
  caseRef: string;
  before: string;
  after: string;
}

export interface AuditRow extends AuditContent {
  /** 64 hex characters: sha256Hex(previous row's digest + '\n' + canonicalAuditContent(this row)). */
  digest: string;
}

export type Sha256Hex = (text: string) => string;

/** The seal before the first row. */
export const GENESIS = '0'.repeat(64);

/**
 * A stable serialisation of everything but the digest: a JSON array in fixed field order, so no value can
 * run into the next (a "who" ending in a comma cannot imitate a different action).
 */
export function canonicalAuditContent(row: AuditContent): string {
  return JSON.stringify([row.when, row.who, row.action, row.caseRef, row.before, row.after].map(fieldText));
}

/**
 * A field as sealed. A Date (as a date-time cell reads back) counts as its ISO instant, so a log whose
 * "when" column Sheets holds as a date still verifies; null and undefined count as ''.
 */
function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

export function chainDigest(previousDigest: string, row: AuditContent, sha256Hex: Sha256Hex): string {
  return sha256Hex(`${previousDigest}\n${canonicalAuditContent(row)}`);
}

/** Rows with their seals, chained on from previousDigest (GENESIS for a new log, else the last row's). */
export function sealAuditRows(previousDigest: string, rows: readonly AuditContent[], sha256Hex: Sha256Hex): AuditRow[] {
  let previous = previousDigest;
  return rows.map((row) => {
    const digest = chainDigest(previous, row, sha256Hex);
    previous = digest;
    return { when: row.when, who: row.who, action: row.action, caseRef: row.caseRef, before: row.before, after: row.after, digest };
  });
}

export interface VerifyOptions {
  /** The seal before the first row given; GENESIS by default (checking from the start of the log). */
  previousDigest?: string;
  /** The last seal recorded outside the sheet; catches rows deleted from the end. */
  expectedLastDigest?: string;
  /** Rows above the first entry (the header), so messages name the row a person sees. Default 1. */
  headerRows?: number;
}

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; /** 1-based data row (the first entry is 1) */ firstBadRow: number; message: string };

/** 'j.smith@school.org.uk' → 'j.smith@…': enough to recognise, without repeating the address in full. */
function shortWho(who: string): string {
  const at = who.indexOf('@');
  const shown = at > 0 ? `${who.slice(0, at)}@…` : who;
  return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
}

function shortWhen(when: unknown): string {
  const instant = when instanceof Date ? when : new Date(String(when));
  return Number.isNaN(instant.getTime()) ? `"${when}"` : formatDateTime(instant);
}

/** Checks every seal in order and reports the first row that does not match. */
export function verifyAuditChain(rows: readonly AuditRow[], sha256Hex: Sha256Hex, options: VerifyOptions = {}): VerifyResult {
  const headerRows = options.headerRows ?? 1;
  let previous = options.previousDigest ?? GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const expected = chainDigest(previous, row, sha256Hex);
    if (String(row.digest ?? '').trim().toLowerCase() !== expected) {
      const who = String(row.who ?? '').trim();
      const entry = `entry of ${shortWhen(row.when ?? '')}${who ? ` by ${shortWho(who)}` : ''}`;
      return {
        ok: false,
        firstBadRow: i + 1,
        message: `The audit log was changed by hand at row ${i + 1 + headerRows} (${entry}): its seal does not match. Rows from there on cannot be trusted; compare them with a backup copy.`,
      };
    }
    previous = expected;
  }
  if (options.expectedLastDigest !== undefined && options.expectedLastDigest.toLowerCase() !== previous) {
    return {
      ok: false,
      firstBadRow: rows.length + 1,
      message: `The audit log has lost entries from its end: it should continue after row ${rows.length + headerRows}, but those rows have been deleted.`,
    };
  }
  return { ok: true, rows: rows.length };
}
