/**
 * The daily check runs the audit check: a broken chain is emailed to the coordinator once a day;
 * roles and settings changed by hand on their sheets are recorded in the audit log (sealed like
 * everything else), so the log covers role and settings changes too.
 */
import * as entry from '../../src/gas/entryPoints';
import { AUDIT_LOG } from '../../src/domain/schema';
import { verifyAuditLog } from '../../src/app/trust/verifyAuditLog';
import { COORDINATOR, TEACHER, createTrustRegister, type TrustRegister } from './harness';

function setUp(): TrustRegister {
  const reg = createTrustRegister();
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.onContactFormSubmit = entry.onContactFormSubmit;
  globals.runDailyCheck = entry.runDailyCheck;
  reg.ws.triggers.fireTimeDriven('runDailyCheck'); // the first run notes what it sees
  return reg;
}

function setCell(reg: TrustRegister, sheetName: string, findInColumnA: string, column: number, value: string): void {
  const sheet = reg.ws.spreadsheet.getSheetByName(sheetName)!;
  const rows = sheet.getDataRange().getValues();
  const row = rows.findIndex((r) => String(r[0]) === findInColumnA);
  expect(row).toBeGreaterThan(0);
  sheet.getRange(row + 1, column).setValue(value);
}

describe('the daily check\u2019s trust task', () => {
  it('records roles and settings changed by hand in the sealed audit log', () => {
    const reg = setUp();
    setCell(reg, 'Staff', TEACHER, 3, 'Pastoral');
    setCell(reg, 'Settings', 'School name', 2, 'Hill Top Academy');
    reg.at('2026-10-08');
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    const rows = reg.run((ctx) => ctx.services.tables.readAll(AUDIT_LOG)).map((r) => r.values);
    const hand = rows.filter((r) => /by hand/.test(String(r.action)));
    expect(hand.map((r) => [r.before, r.after])).toEqual([
      [`${TEACHER}: Teacher`, `${TEACHER}: Pastoral`],
      ['School name: Our school', 'School name: Hill Top Academy'],
    ]);
    expect(hand[0].action).toMatch(/Version history shows who made it/);
    expect(reg.run((ctx) => verifyAuditLog(ctx)).ok).toBe(true);
    // Seen once, logged once.
    reg.at('2026-10-09');
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    expect(reg.run((ctx) => ctx.services.tables.readAll(AUDIT_LOG)).filter((r) => /by hand/.test(String(r.values.action)))).toHaveLength(2);
  });

  it('emails the coordinator when the audit log has been tampered with, at most once a day', () => {
    const reg = setUp();
    const audit = reg.ws.spreadsheet.getSheetByName(AUDIT_LOG.title)!;
    audit.getRange(2, 3).setValue('Nothing happened here');
    const before = reg.ws.outbox.length;
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    const alerts = reg.ws.outbox.slice(before).filter((m) => /audit log has been changed by hand/.test(String(m.subject)));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].to).toEqual([COORDINATOR]);
    expect(String(alerts[0].body)).toMatch(/changed by hand at row 2/);
  });
});
