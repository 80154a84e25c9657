/**
 * The daily check's incremental audit check (checkAuditLogSinceLastCheck): it re-computes only the
 * seals added since the mark an earlier check or "Verify audit log" left, fingerprinting the rows
 * up to the mark from the cells as the sheet holds them. It must still find a row edited or
 * emptied above the mark (falling back to every seal, so the row is named), and a broken chain in
 * the rows it checks.
 */
import { recordAudit } from '../../src/app/audit';
import { AUDIT_VERIFIED_KEY, checkAuditLogSinceLastCheck, verifyAuditLog } from '../../src/app/trust/verifyAuditLog';
import { AUDIT_LOG } from '../../src/domain/schema';
import { createTrustRegister, type TrustRegister } from './harness';

function auditSheet(reg: TrustRegister) {
  const sheet = reg.ws.spreadsheet.getSheetByName(AUDIT_LOG.title);
  if (!sheet) throw new Error('no Audit log sheet');
  return sheet;
}

function addEntries(reg: TrustRegister, count: number, tag: string): void {
  for (let i = 1; i <= count; i += 1) {
    jest.advanceTimersByTime(60_000);
    reg.run((ctx) => recordAudit(ctx, [{ action: 'Case changed', caseRef: `HN-2026-000${i}`, before: `${tag}: A${i}`, after: `${tag}: B${i}` }]));
  }
}

/** Five entries, Verify audit log (which leaves the mark), then three more: returns the mark's row. */
function registerWithMark(): { reg: TrustRegister; markRow: number; last: number } {
  const reg = createTrustRegister();
  addEntries(reg, 5, 'first');
  expect(reg.run((ctx) => verifyAuditLog(ctx)).ok).toBe(true);
  const markRow = auditSheet(reg).getLastRow();
  expect(reg.run((ctx) => ctx.services.state.get(AUDIT_VERIFIED_KEY))).toMatch(new RegExp(`^${markRow}:[0-9a-f]{64}:[0-9a-f]{16}$`));
  addEntries(reg, 3, 'later');
  return { reg, markRow, last: auditSheet(reg).getLastRow() };
}

describe('the daily check\u2019s audit check', () => {
  it('re-computes only the seals added since the mark, and moves the mark to the end', () => {
    const { reg, markRow, last } = registerWithMark();
    const result = reg.run((ctx) => checkAuditLogSinceLastCheck(ctx));
    expect(result.ok).toBe(true);
    expect(result.rows).toBe(last - 1);
    expect(result.message).toContain(`seals re-computed for the 3 added since the last check; the ${markRow - 1} before them found unchanged`);
    expect(reg.run((ctx) => ctx.services.state.get(AUDIT_VERIFIED_KEY))).toMatch(new RegExp(`^${last}:`));
    // The next day's check, with nothing added, carries on from the new mark.
    const again = reg.run((ctx) => checkAuditLogSinceLastCheck(ctx));
    expect(again.ok).toBe(true);
    expect(again.message).toContain(`the ${last - 1} before them found unchanged`);
  });

  it('finds a row above the mark edited by hand, at that row', () => {
    const { reg, markRow } = registerWithMark();
    auditSheet(reg).getRange(markRow - 2, 6).setValue('first: something else');
    const result = reg.run((ctx) => checkAuditLogSinceLastCheck(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: markRow - 2 });
  });

  it('finds a row above the mark emptied by hand, at that row', () => {
    const { reg, markRow } = registerWithMark();
    auditSheet(reg).getRange(markRow - 1, 1, 1, 7).clearContent();
    const result = reg.run((ctx) => checkAuditLogSinceLastCheck(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: markRow - 1 });
  });

  it('finds a broken chain in the rows it checks, at that row, and leaves the mark where it was', () => {
    const { reg, markRow, last } = registerWithMark();
    const markBefore = reg.run((ctx) => ctx.services.state.get(AUDIT_VERIFIED_KEY));
    auditSheet(reg).getRange(last - 1, 5).setValue('later: changed');
    const result = reg.run((ctx) => checkAuditLogSinceLastCheck(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: last - 1 });
    expect(markBefore).toMatch(new RegExp(`^${markRow}:`));
    expect(reg.run((ctx) => ctx.services.state.get(AUDIT_VERIFIED_KEY))).toBe(markBefore);
  });
});
