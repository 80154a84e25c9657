import vm from 'node:vm';
import { createWorkspace } from '../../emulator';
import type { FakeScriptApp } from '../../emulator/script';
import type { FakeSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';
import type { FakePropertiesService } from '../../emulator/properties';

describe('workspace', () => {
  test('toJSON/fromJSON round trip keeps values, formats, validations, protections, properties and triggers', () => {
    const ws = createWorkspace({ spreadsheetName: 'Register' });
    const app = ws.globals.SpreadsheetApp as FakeSpreadsheetApp;
    const ss = app.getActive()!;
    const sheet = ss.insertSheet('Cases');
    sheet.getRange('A1:D2').setValues([['UPN', 'Start', 'Days', 'Open'], ["'0123", new Date('2026-09-07T08:00:00Z'), '=2*7', true]]);
    sheet.getRange('B2').setNumberFormat('dd/mm/yyyy');
    sheet.getRange('D2:D50').setDataValidation(app.newDataValidation().requireValueInRange(ss.getSheetByName('Sheet1')!.getRange('A1:A3')).build());
    sheet.getRange('A1:D1').protect().setDescription('Headers').addEditor('deputy@school.example');
    sheet.setFrozenRows(1);
    ss.setNamedRange('CaseTable', sheet.getRange('A1:D2'));
    (ws.globals.PropertiesService as FakePropertiesService).getDocumentProperties()!.setProperty('v', '1');
    (ws.globals.ScriptApp as FakeScriptApp).newTrigger('daily').timeBased().everyDays(1).create();

    const json = JSON.parse(JSON.stringify(ws.toJSON()));
    const copy = createWorkspace();
    copy.fromJSON(json);
    const app2 = copy.globals.SpreadsheetApp as FakeSpreadsheetApp;
    const ss2 = app2.getActive()!;
    expect(ss2.getId()).toBe(ss.getId());
    expect(ss2.getName()).toBe('Register');
    const s2 = ss2.getSheetByName('Cases')!;
    expect(s2.getRange('A1:D2').getValues()).toEqual([['UPN', 'Start', 'Days', 'Open'], ['0123', new Date('2026-09-07T08:00:00Z'), 14, true]]);
    expect(s2.getRange('C2').getFormula()).toBe('=2*7');
    expect(s2.getRange('B2').getDisplayValue()).toBe('07/09/2026');
    const rule = s2.getRange('D10').getDataValidation()!;
    expect(rule.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect((rule.getCriteriaValues()[0] as { getA1Notation(): string }).getA1Notation()).toBe('A1:A3');
    const [protection] = s2.getProtections(app2.ProtectionType.RANGE);
    expect(protection.getDescription()).toBe('Headers');
    expect(protection.getEditors().map((u) => u.getEmail())).toContain('deputy@school.example');
    expect(s2.getFrozenRows()).toBe(1);
    expect(ss2.getRangeByName('CaseTable')!.getSheet().getName()).toBe('Cases');
    expect((copy.globals.PropertiesService as FakePropertiesService).getDocumentProperties()!.getProperty('v')).toBe('1');
    expect((copy.globals.ScriptApp as FakeScriptApp).getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['daily']);
    // Ids keep rising after a reload, so new files never collide with saved ones.
    expect(app2.create('New').getId()).not.toBe(ss.getId());
    expect(copy.ctx.ids.counter).toBeGreaterThan(ws.ctx.ids.counter);
  });

  test('runFunction calls a script function as google.script.run would', () => {
    const ws = createWorkspace();
    ws.install({
      getState: (n: { a: number }) => ({ doubled: n.a * 2 }),
      getDate: () => ({ when: new Date() }),
    });
    expect(ws.runFunction('getState', { a: 2 })).toEqual({ doubled: 4 });
    // A Date in the result does not survive google.script.run: the client receives null.
    expect(ws.runFunction('getDate')).toBeNull();
    expect(() => ws.runFunction('nope')).toThrow('Script function not found: nope');
  });

  test('install puts every service on the target by its Apps Script name', () => {
    const ws = createWorkspace();
    const target: Record<string, unknown> = {};
    ws.install(target);
    for (const name of ['SpreadsheetApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'Session', 'Utilities', 'HtmlService', 'Logger', 'console']) {
      expect(target[name]).toBe(ws.globals[name]);
    }
    (target.Logger as { log(f: string, ...v: unknown[]): void }).log('Case %s opened', 'C1');
    expect(ws.logs).toEqual(['Case C1 opened']);
  });

  test('dates read by a script in a node:vm realm are dates of that realm', () => {
    const ws = createWorkspace();
    const context = vm.createContext({});
    ws.install(context);
    vm.runInContext("SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Date(Date.UTC(2026, 8, 7)))", context);
    expect(vm.runInContext("SpreadsheetApp.getActiveSheet().getRange('A1').getValues()[0][0] instanceof Date", context)).toBe(true);
    expect(vm.runInContext("SpreadsheetApp.getActiveSheet().getRange('A1').getValue() instanceof Date", context)).toBe(true);
  });

  test('Spreadsheet.copy makes an independent spreadsheet', () => {
    const ws = createWorkspace();
    const app = ws.globals.SpreadsheetApp as FakeSpreadsheetApp;
    const ss = app.getActive()!;
    ss.getSheets()[0].getRange('A1').setValue('original');
    const copy = ss.copy('Copy of register');
    copy.getSheets()[0].getRange('A1').setValue('changed');
    expect(ss.getSheets()[0].getRange('A1').getValue()).toBe('original');
    expect(app.openById(copy.getId()).getName()).toBe('Copy of register');
  });
});
