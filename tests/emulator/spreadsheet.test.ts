import { createWorkspace, PROTECTED_EDIT_MESSAGE, type Workspace } from '../../emulator';
import type { FakeSpreadsheetApp } from '../../emulator/spreadsheet/spreadsheetApp';

function setup(): { ws: Workspace; app: FakeSpreadsheetApp } {
  const ws = createWorkspace({ now: () => new Date('2026-09-07T09:00:00Z') });
  return { ws, app: ws.globals.SpreadsheetApp as FakeSpreadsheetApp };
}

describe('SpreadsheetApp fake: values', () => {
  test('setValues rejects data of the wrong size with the real messages', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
  });

  test('a leading = stores a formula; a leading apostrophe stores text', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    sheet.getRange('A1:C1').setValues([['=1+2*3', "'=not a formula", '=VLOOKUP(A1,B:C,2)']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=1+2*3', '', '=VLOOKUP(A1,B:C,2)']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[7, '=not a formula', '#NAME?']]);
  });

  test('numeric and boolean text is converted unless the cell is plain text', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange('A1:D1').setValues([['0123', '0123', 'TRUE', '1e3']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[123, '0123', true, 1000]]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['123', '0123', 'TRUE', '1000']]);
  });

  test('ISO and UK date text becomes a date at midnight London time', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    sheet.getRange('A1:B1').setValues([['2026-09-07', '07/09/2026']]);
    const [[a, b]] = sheet.getRange('A1:B1').getValues();
    expect(a).toEqual(new Date('2026-09-06T23:00:00Z'));
    expect(b).toEqual(new Date('2026-09-06T23:00:00Z'));
    sheet.getRange('A1').setNumberFormat('ddd d mmm yyyy');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('Mon 7 Sep 2026');
  });

  test('getValues returns copies: mutating them does not change the sheet', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    const when = new Date('2026-01-01T00:00:00Z');
    sheet.getRange('A1:B1').setValues([['x', when]]);
    const read = sheet.getRange('A1:B1').getValues();
    read[0][0] = 'changed';
    (read[0][1] as Date).setFullYear(1999);
    when.setFullYear(1998);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['x', new Date('2026-01-01T00:00:00Z')]]);
  });

  test('empty cells read as empty strings and getLastRow/Column find the last content', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A2').setValue(3);
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['', ''], [3, '']]);
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:A2');
  });

  test('getRange checks its coordinates like the real one', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getRange('B2:C4').getA1Notation()).toBe('B2:C4');
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
  });

  test('appendRow grows a full sheet', () => {
    const { ws, app } = setup();
    const sheet = ws.spreadsheet.insertSheet('Small');
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['a']);
    sheet.appendRow(['b']);
    sheet.appendRow(['c', 'd']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange(1, 1, 3, 2).getValues()).toEqual([['a', ''], ['b', ''], ['c', 'd']]);
    expect(app.getActive()!.getSheetByName('small')).toBe(sheet);
  });

  test('duplicate sheet names are refused with the real message', () => {
    const { ws } = setup();
    ws.spreadsheet.insertSheet('Pupils');
    const other = ws.spreadsheet.insertSheet();
    expect(other.getName()).toBe('Sheet3');
    expect(() => other.setName('Pupils')).toThrow('A sheet with the name "Pupils" already exists. Please enter another name.');
  });

  test('frozen rows, tab colour and hidden sheets', () => {
    const { ws } = setup();
    const sheet = ws.spreadsheet.getSheets()[0];
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    ws.spreadsheet.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.setTabColor('#FF0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
  });

  test('inserting and deleting rows moves cells, formats and named ranges', () => {
    const { ws } = setup();
    const sheet = ws.spreadsheet.getSheets()[0];
    sheet.getRange('A2:A3').setValues([['x'], ['y']]);
    sheet.getRange('A3').setBackground('red');
    ws.spreadsheet.setNamedRange('Pupils', sheet.getRange('A2:A3'));
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A4:A5').getValues()).toEqual([['x'], ['y']]);
    expect(sheet.getRange('A5').getBackground()).toBe('#ff0000');
    expect(ws.spreadsheet.getRangeByName('Pupils')!.getA1Notation()).toBe('A4:A5');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRow(4);
    expect(ws.spreadsheet.getRangeByName('Pupils')!.getA1Notation()).toBe('A4');
    expect(sheet.getRange('A4').getValue()).toBe('y');
    ws.spreadsheet.removeNamedRange('Pupils');
    expect(ws.spreadsheet.getRangeByName('Pupils')).toBeNull();
  });
});

describe('SpreadsheetApp fake: validation, formats, protection', () => {
  test('data validation rules are stored and returned', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    const rule = app.newDataValidation().requireValueInList(['Yes', 'No'], true).setAllowInvalid(false).setHelpText('Pick one').build();
    sheet.getRange('B2:B4').setDataValidation(rule);
    const got = sheet.getRange('B3').getDataValidation()!;
    expect(got.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect(got.getHelpText()).toBe('Pick one');
    expect(got.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('B1:B2').getDataValidations().map((r) => r[0] === null)).toEqual([true, false]);
    // Scripts can still write values the rule would reject, as in Sheets.
    sheet.getRange('B2').setValue('Maybe');
    expect(sheet.getRange('B2').getValue()).toBe('Maybe');
    sheet.getRange('B2:B4').clearDataValidations();
    expect(sheet.getRange('B3').getDataValidation()).toBeNull();
  });

  test('conditional format rules round-trip', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$C2<TODAY()').setBackground('#f4cccc').setRanges([sheet.getRange('A2:F100')]).build();
    sheet.setConditionalFormatRules([rule]);
    const [got] = sheet.getConditionalFormatRules();
    expect(got.getBooleanCondition()!.getCriteriaType()).toBe('CUSTOM_FORMULA');
    expect(got.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$C2<TODAY()']);
    expect(got.getBooleanCondition()!.getBackground()).toBe('#f4cccc');
    expect(got.getRanges()[0].getA1Notation()).toBe('A2:F100');
  });

  test('protections: editors, warning-only, and writes blocked for other users', () => {
    const { ws, app } = setup();
    const sheet = app.getActiveSheet()!;
    const protection = sheet.getRange('A1:C1').protect().setDescription('Headers');
    expect(protection.getProtectionType()).toBe(app.ProtectionType.RANGE);
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['coordinator@school.example']);
    protection.addEditor('deputy@school.example');
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);

    ws.setActiveUser('teacher@school.example');
    expect(protection.canEdit()).toBe(false);
    expect(() => sheet.getRange('B1').setValue('x')).toThrow(PROTECTED_EDIT_MESSAGE);
    sheet.getRange('B2').setValue('fine');
    protection.setWarningOnly(true);
    sheet.getRange('B1').setValue('warned only');

    ws.setActiveUser('coordinator@school.example');
    const sheetProtection = sheet.protect();
    sheetProtection.setUnprotectedRanges([sheet.getRange('E:E')]);
    ws.setActiveUser('teacher@school.example');
    sheet.getRange('E5').setValue('allowed');
    expect(() => sheet.getRange('D5').setValue('no')).toThrow(PROTECTED_EDIT_MESSAGE);
    expect(sheet.getProtections(app.ProtectionType.SHEET)[0].getUnprotectedRanges()[0].getA1Notation()).toBe('E1:E1000');
    ws.setActiveUser('coordinator@school.example');
    sheetProtection.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
  });

  test('formats, notes and display values', () => {
    const { app } = setup();
    const sheet = app.getActiveSheet()!;
    const r = sheet.getRange('A1:B1');
    r.setValues([[0.5, 1234.5]]).setFontWeight('bold').setNote('n').setWrap(true);
    sheet.getRange('A1').setNumberFormat('0%');
    sheet.getRange('B1').setNumberFormat('#,##0.00');
    expect(r.getDisplayValues()).toEqual([['50%', '1,234.50']]);
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getNotes()).toEqual([['n', 'n']]);
    expect(sheet.getRange('C1').getNumberFormat()).toBe('0.###############');
    r.clearFormat();
    expect(r.getFontWeight()).toBe('normal');
  });
});

describe('meter', () => {
  test('counts calls and cells', () => {
    const { ws, app } = setup();
    const sheet = app.getActive()!.getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 10, 3).setValues(Array.from({ length: 10 }, () => [1, 2, 3]));
    sheet.getRange(1, 1, 10, 3).getValues();
    const snap = ws.meter.snapshot();
    expect(snap['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(snap['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(snap['SpreadsheetApp.Sheet.getRange']).toBe(2);
    expect(snap['SpreadsheetApp.Spreadsheet.getSheetByName']).toBe(1);
    expect(snap['SpreadsheetApp.getActive']).toBe(1);
    expect(ws.meter.cells('SpreadsheetApp.Range.getValues')).toBe(30);
  });

  test('an injected fault makes the named call throw once', () => {
    const { ws, app } = setup();
    const sheet = app.getActiveSheet()!;
    ws.meter.inject({ call: 'SpreadsheetApp.Range.setValues', message: 'Service Spreadsheets timed out while accessing document with id x.' });
    expect(() => sheet.getRange('A1').setValues([[1]])).toThrow('Service Spreadsheets timed out');
    expect(sheet.getRange('A1').getValue()).toBe('');
    sheet.getRange('A1').setValues([[1]]);
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });
});

test('a 100,000-row register writes and reads back', () => {
  const { ws } = setup();
  const sheet = ws.spreadsheet.insertSheet('Big');
  const rows = Array.from({ length: 100000 }, (_, i) => Array.from({ length: 15 }, (_u, j) => (j === 0 ? `P${i}` : j === 1 ? new Date(Date.UTC(2026, 0, 1 + (i % 365))) : i * j)));
  sheet.appendRow(['header']);
  sheet.insertRowsAfter(1, 100000);
  sheet.getRange(2, 1, 100000, 15).setValues(rows);
  const back = sheet.getRange(2, 1, 100000, 15).getValues();
  expect(back).toHaveLength(100000);
  expect(back[99999][0]).toBe('P99999');
  expect(back[99999][14]).toBe(99999 * 14);
  expect(sheet.getLastRow()).toBe(100001);
});
