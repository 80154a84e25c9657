/**
 * The audit log is tamper-evident: after real changes through the add-on, a row edited, inserted
 * or deleted by hand in the middle, a row emptied, or the last row deleted is each found at the
 * sheet row where it happened; an untouched log verifies.
 */
import { recordAudit } from '../../src/app/audit';
import { verifyAuditLog } from '../../src/app/trust/verifyAuditLog';
import { AUDIT_LOG } from '../../src/domain/schema';
import { COORDINATOR, SLT, TEACHER, createTrustRegister, type TrustRegister } from './harness';

function auditSheet(reg: TrustRegister) {
  const sheet = reg.ws.spreadsheet.getSheetByName(AUDIT_LOG.title);
  if (!sheet) throw new Error('no Audit log sheet');
  return sheet;
}

/** Set-up's own entries, then five more: `last` is the sheet row of the last entry. */
let last = 0;
function registerWithLog(): TrustRegister {
  const reg = createTrustRegister();
  const before = auditSheet(reg).getLastRow();
  for (let i = 1; i <= 5; i += 1) {
    jest.advanceTimersByTime(60_000);
    reg.run((ctx) => recordAudit(ctx, [{ action: 'Case changed', caseRef: `HN-2026-000${i}`, before: `arrangement: A${i}`, after: `arrangement: B${i}` }]));
  }
  last = auditSheet(reg).getLastRow();
  expect(last).toBe(before + 5);
  return reg;
}

describe('Verify audit log', () => {
  it('finds an untouched log intact', () => {
    const reg = registerWithLog();
    const result = reg.run((ctx) => verifyAuditLog(ctx));
    expect(result.ok).toBe(true);
    expect(result.rows).toBe(last - 1);
    expect(result.message).toContain(`intact: all ${last - 1} entries`);
  });

  it('finds a middle row edited by hand at that row', () => {
    const reg = registerWithLog();
    auditSheet(reg).getRange(last - 3, 6).setValue('arrangement: something else');
    const result = reg.run((ctx) => verifyAuditLog(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: last - 3 });
    expect(result.message).toContain(`changed by hand at row ${last - 3} `);
  });

  it('finds a row inserted by hand at the inserted row', () => {
    const reg = registerWithLog();
    const sheet = auditSheet(reg);
    sheet.insertRowAfter(last - 3);
    const forged = sheet.getRange(last - 3, 1, 1, 7).getValues()[0];
    sheet.getRange(last - 2, 1, 1, 7).setValues([forged]);
    const result = reg.run((ctx) => verifyAuditLog(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: last - 2 });
  });

  it('finds a middle row deleted by hand at the row that followed it', () => {
    const reg = registerWithLog();
    auditSheet(reg).deleteRow(last - 3);
    const result = reg.run((ctx) => verifyAuditLog(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: last - 3 });
  });

  it('finds a middle row emptied by hand at that row', () => {
    const reg = registerWithLog();
    auditSheet(reg).getRange(last - 2, 1, 1, 7).clearContent();
    const result = reg.run((ctx) => verifyAuditLog(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: last - 2 });
    expect(result.message).toMatch(new RegExp(`row ${last - 2} .*emptied`));
  });

  it('finds the last row deleted, using the seal kept outside the sheet', () => {
    const reg = registerWithLog();
    auditSheet(reg).deleteRow(last);
    const result = reg.run((ctx) => verifyAuditLog(ctx));
    expect(result).toMatchObject({ ok: false, firstBadSheetRow: last });
    expect(result.message).toContain(`lost entries from its end: it should continue after row ${last - 1}`);
  });

  it('lets SLT check it and refuses a teacher plainly', () => {
    const reg = registerWithLog();
    reg.as(SLT);
    expect(reg.run((ctx) => verifyAuditLog(ctx)).ok).toBe(true);
    reg.as(TEACHER);
    expect(() => reg.run((ctx) => verifyAuditLog(ctx))).toThrow(/Your role \(Teacher\) does not allow you to check the audit log/);
    reg.as(COORDINATOR);
  });
});
