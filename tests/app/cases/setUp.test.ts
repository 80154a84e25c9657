/**
 * "Set up / repair register": creates every sheet, changes nothing when run again, and keeps
 * working when staff rename the Cases sheet, reorder its columns or add their own.
 */
import { setUpRegister } from '../../../src/app/setUpRegister';
import { openCase } from '../../../src/app/cases/openCase';
import { refreshRegister } from '../../../src/app/cases/refresh';
import { getSidebarState } from '../../../src/app/cases/viewCases';
import { ALL_TABLES } from '../../../src/domain/schema';
import type { Workspace } from '../../../emulator';
import { caseInput, createRegister, upnFor, type TestRegister } from './harness';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Everything set-up controls, for every sheet: values, notes, formats, validation, protection, colours. */
function snapshot(ws: Workspace): Record<string, string> {
  const protectionTypes = [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE];
  const out: Record<string, string> = {};
  for (const s of ws.spreadsheet.getSheets()) {
    const sheet = s as unknown as Sheet;
    const data = sheet.getRange(1, 1, sheet.getMaxRows(), Math.max(1, sheet.getLastColumn()));
    const name = sheet.getName();
    // As strings, so a difference is found fast and shown per sheet and aspect.
    out[`${name}: layout`] = JSON.stringify([sheet.isSheetHidden(), sheet.getFrozenRows(), sheet.getMaxRows(), sheet.getMaxColumns()]);
    out[`${name}: values`] = JSON.stringify(data.getValues());
    out[`${name}: notes`] = JSON.stringify(data.getNotes());
    out[`${name}: formats`] = JSON.stringify(data.getNumberFormats());
    out[`${name}: backgrounds`] = JSON.stringify(data.getBackgrounds());
    out[`${name}: validations`] = JSON.stringify(data.getDataValidations().map((row) => row.map((v) => (v
      ? [String(v.getCriteriaType()), v.getCriteriaValues().map((c) => (c && typeof c === 'object' && 'getA1Notation' in c ? (c as GoogleAppsScript.Spreadsheet.Range).getA1Notation() : c))]
      : null))));
    out[`${name}: protections`] = JSON.stringify(protectionTypes.flatMap((t) => sheet.getProtections(t)).map((p) => ({
      description: p.getDescription(), range: p.getRange().getA1Notation(), editors: p.getEditors().map((u) => u.getEmail()).sort(),
    })));
    out[`${name}: conditional formats`] = JSON.stringify(sheet.getConditionalFormatRules().map((r) => r.getRanges().map((g) => g.getA1Notation())));
  }
  return out;
}

let reg: TestRegister;
beforeEach(() => {
  reg = createRegister('2027-06-28');
});

it('creates every sheet the register needs, with frozen headers, dropdowns and protected computed columns', () => {
  const names = reg.ws.spreadsheet.getSheets().map((s) => s.getName());
  for (const spec of ALL_TABLES) expect(names).toContain(spec.title);
  const cases = reg.ws.spreadsheet.getSheetByName('Cases') as unknown as Sheet;
  expect(cases.getFrozenRows()).toBe(1);
  const headers = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0];
  const status = cases.getRange(2, headers.indexOf('Status') + 1).getDataValidation();
  expect(String(status?.getCriteriaType())).toBe('VALUE_IN_RANGE');
  const descriptions = cases.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription());
  expect(descriptions).toContain('Health Needs Register: "School days missed (this year)" is worked out by the add-on');
  expect(cases.getConditionalFormatRules().length).toBe(3);
});

it('changes nothing when run a second time: values, notes, formats, validation, protection and colours', () => {
  openCase(reg.ctx(), caseInput());
  reg.ws.endExecution();
  // Other areas' set-up steps may complete what a new case lacks (its contact form link) once.
  setUpRegister(reg.ctx());
  reg.ws.endExecution();
  const before = snapshot(reg.ws);
  const report = setUpRegister(reg.ctx());
  reg.ws.endExecution();
  expect(report.summary).toMatch(/already in order/);
  expect(snapshot(reg.ws)).toEqual(before);
});

it('keeps working with the Cases sheet renamed, its columns reordered and a column of staff\u2019s own', () => {
  openCase(reg.ctx(), caseInput());
  reg.ws.endExecution();
  const cases = reg.ws.spreadsheet.getSheetByName('Cases') as unknown as Sheet;
  cases.setName('Our pupils');
  // Move "Pupil" and "UPN" to the far right and add a column of the school's own.
  const all = cases.getDataRange().getValues();
  const moved = all.map((row) => {
    const pupil = row[2];
    const upn = row[3];
    const rest = [...row.slice(0, 2), ...row.slice(4)];
    return [...rest, pupil, upn];
  });
  cases.getRange(1, 1, moved.length, moved[0].length).setValues(moved);
  cases.insertColumnAfter(cases.getMaxColumns());
  cases.getRange(1, moved[0].length + 1, 2, 1).setValues([['Our notes'], ['Keep an eye']]);
  reg.ws.endExecution();

  const second = openCase(reg.ctx(), caseInput({ upn: upnFor(2) }));
  expect(second.pupilName).toBe('Rohan Patel');
  refreshRegister(reg.ctx());
  reg.ws.endExecution();
  const state = getSidebarState(reg.ctx());
  expect(state.openCases.map((c) => c.pupilName).sort()).toEqual(['Amelia Hughes', 'Rohan Patel']);
  expect(state.problems).toEqual([]);
  const report = setUpRegister(reg.ctx());
  expect(report.summary).toMatch(/"Our pupils" has columns of your own \(Our notes\): they are kept and left alone/);
  const headers = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0];
  expect(cases.getRange(2, headers.indexOf('Our notes') + 1).getValue()).toBe('Keep an eye');
  expect(cases.getRange(3, headers.indexOf('Pupil') + 1).getValue()).toBe('Rohan Patel');
});

it('says in plain English which required column is missing, and puts it back on repair', () => {
  openCase(reg.ctx(), caseInput());
  reg.ws.endExecution();
  const cases = reg.ws.spreadsheet.getSheetByName('Cases') as unknown as Sheet;
  const headers = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0];
  cases.deleteColumn(headers.indexOf('First day of absence') + 1);
  reg.ws.endExecution();
  expect(() => getSidebarState(reg.ctx())).toThrow('The "Cases" sheet has no "First day of absence" column. Rename the column back, or choose Extensions › Health Needs Register › Set up / repair register to add it again.');
  reg.ws.endExecution();
  const report = setUpRegister(reg.ctx());
  reg.ws.endExecution();
  expect(report.summary).toMatch(/Columns added back to "Cases": First day of absence/);
  // The data in that column is gone with the column, and the case now says so.
  expect(getSidebarState(reg.ctx()).problems.join(' ')).toMatch(/The first day of absence is missing/);
});

it('keeps working with an extra column on the Staff sheet', () => {
  const staff = reg.ws.spreadsheet.getSheetByName('Staff') as unknown as Sheet;
  staff.insertColumnBefore(1);
  staff.getRange(1, 1, 2, 1).setValues([['Department'], ['Learning centre']]);
  reg.ws.endExecution();
  expect(openCase(reg.ctx(), caseInput()).ref).toBe('HN-2027-0001');
});
