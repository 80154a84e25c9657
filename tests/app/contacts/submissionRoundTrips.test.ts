/**
 * Round trips a form submission saves (issue 8), without giving up what they stood for: the
 * trigger set-up recorded runs as the owner recorded with it, so the effective user is not asked;
 * and the Case ref column is read up to the row count kept in document properties, with the whole
 * column read when the case is not within it.
 */
import { AUDIT_LOG } from '../../../src/domain/schema';
import { CASES_LAST_ROW_KEY } from '../../../src/app/contacts/contactRecords';
import { SUBMIT_TRIGGER_KEY } from '../../../src/app/trust/triggerCheckStamp';
import * as entry from '../../../src/gas/entryPoints';
import { COORDINATOR, createContactRegister, refFor, type ContactRegister } from './harness';

function property(reg: ContactRegister, key: string): string {
  return reg.ws.run(() => reg.ctx().services.state.get(key) ?? '');
}

function setProperty(reg: ContactRegister, key: string, value: string): void {
  reg.ws.run(() => reg.ctx().services.state.set({ [key]: value }));
}

function lastAuditWho(reg: ContactRegister): string {
  const rows = reg.ws.run(() => reg.ctx().services.tables.readAll(AUDIT_LOG));
  return String(rows[rows.length - 1].values.who);
}

describe('a form submission run by the trigger set-up recorded', () => {
  it('records the trigger with its owner at set-up', () => {
    const reg = createContactRegister();
    const submit = reg.ws.triggers.records.find((t) => t.handler === 'onContactFormSubmit')!;
    expect(property(reg, SUBMIT_TRIGGER_KEY)).toBe(`${submit.uid}|${COORDINATOR}`);
  });

  it('does not ask Apps Script who it runs as, and audits the contact as that owner', () => {
    const reg = createContactRegister();
    reg.addManyCases(3);
    reg.submit(refFor(0));
    reg.ws.meter.reset();
    reg.submit(refFor(1));
    expect(reg.contacts().map((r) => r.values.caseRef)).toEqual([refFor(0), refFor(1)]);
    expect(reg.ws.meter.snapshot()['Session.getEffectiveUser'] ?? 0).toBe(0);
    expect(lastAuditWho(reg)).toBe(COORDINATOR);
  });

  it('asks, as before, when the event carries another id or none (a direct call)', () => {
    const reg = createContactRegister();
    reg.addManyCases(2);
    reg.submit(refFor(0), {}, { fireTriggers: false });
    for (const event of [undefined, { triggerUid: 'not-the-recorded-one' }]) {
      reg.ws.meter.reset();
      reg.ws.run(() => entry.onContactFormSubmit(event as unknown as GoogleAppsScript.Events.SheetsOnFormSubmit));
      expect(reg.ws.meter.snapshot()['Session.getEffectiveUser']).toBe(1);
    }
    expect(reg.contacts()).toHaveLength(1);
  });

  it('checks in full when the recorded owner has no check stamped today, asking who it runs as', () => {
    const reg = createContactRegister();
    reg.addManyCases(2);
    reg.submit(refFor(0));
    reg.at('2026-10-08');
    reg.ws.meter.reset();
    reg.submit(refFor(1), { date: '2026-10-08' });
    const calls = reg.ws.meter.snapshot();
    expect(calls['Session.getEffectiveUser']).toBe(1);
    expect(calls['ScriptApp.getAuthorizationInfo']).toBe(1);
    expect(reg.contacts()).toHaveLength(2);
  });
});

describe('finding the case a submission names', () => {
  it('reads the Case ref column up to the row count kept, one call fewer than asking the sheet its last row', () => {
    const cost = (hint: string) => {
      const reg = createContactRegister();
      reg.addManyCases(5);
      reg.submit(refFor(0));
      setProperty(reg, CASES_LAST_ROW_KEY, hint);
      reg.ws.meter.reset();
      reg.submit(refFor(3));
      expect(reg.contacts().map((r) => r.values.caseRef)).toEqual([refFor(0), refFor(3)]);
      return reg.ws.meter.snapshot();
    };
    const withHint = cost('6');
    const without = cost('');
    expect(withHint['SpreadsheetApp.Sheet.getLastRow']).toBe((without['SpreadsheetApp.Sheet.getLastRow'] ?? 0) - 1);
  });

  it('finds a case past the row count kept (opened since) in the whole column, and keeps the new count', () => {
    const reg = createContactRegister();
    reg.addManyCases(3);
    setProperty(reg, CASES_LAST_ROW_KEY, '3');
    reg.submit(refFor(2));
    expect(reg.contacts().map((r) => r.values.caseRef)).toEqual([refFor(2)]);
    expect(reg.caseRow(refFor(2)).lastContact).toBe('2026-10-07');
    expect(property(reg, CASES_LAST_ROW_KEY)).toBe('4');
  });

  it('finds the case when the count kept is past the end of the sheet (rows deleted since)', () => {
    const reg = createContactRegister();
    reg.addManyCases(2);
    setProperty(reg, CASES_LAST_ROW_KEY, '500000');
    reg.submit(refFor(1));
    expect(reg.contacts().map((r) => r.values.caseRef)).toEqual([refFor(1)]);
  });
});
