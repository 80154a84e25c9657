/** Pupils on roll from SIMS, Arbor and Bromcom exports: mapped, upserted by UPN, unreadable rows reported by row. */
import fs from 'node:fs';
import path from 'node:path';
import { importPupilsCsv, searchPupils } from '../../../src/app/cases/pupils';
import { openCase } from '../../../src/app/cases/openCase';
import { AUDIT_LOG, PUPILS } from '../../../src/domain/schema';
import { caseInput, createRegister, upnFor } from './harness';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../domain/fixtures', name), 'utf8');

it('imports a SIMS export, reporting unreadable rows by their row number in the file', () => {
  const reg = createRegister();
  const report = importPupilsCsv(reg.ctx(), fixture('sims.csv'));
  expect(report.system).toBe('SIMS');
  expect(report.missingColumns).toEqual([]);
  expect(report.added).toBeGreaterThanOrEqual(4);
  const rowsReported = report.problems.map((p) => p.row);
  // Row 6 has 31 February; row 8 has no name; row 9 repeats row 2's UPN.
  expect(rowsReported).toEqual(expect.arrayContaining([6, 8, 9]));
  for (const p of report.problems) expect(p.message).toMatch(new RegExp(`^Row ${p.row}:`));
  const pupils = reg.ctx().services.tables.readAll(PUPILS).map((r) => r.values);
  expect(pupils).toEqual(expect.arrayContaining([expect.objectContaining({ upn: 'B801200005001', name: 'Jonathan Smith', yearGroup: 'Year 8', formGroup: '8JS', parentPhone: '07700 900123', dateOfBirth: '2012-09-07' })]));
  const audit = reg.ctx().services.tables.readAll(AUDIT_LOG).map((r) => r.values);
  expect(audit[audit.length - 1]).toMatchObject({ action: 'Pupils imported' });
});

it('imports Arbor and Bromcom exports, leaving out a formula-like contact', () => {
  const reg = createRegister();
  const arbor = importPupilsCsv(reg.ctx(), fixture('arbor.csv'));
  expect(arbor.system).toBe('Arbor');
  expect(arbor.problems.map((p) => p.row)).toEqual(expect.arrayContaining([4, 5, 6]));
  const bromcom = importPupilsCsv(reg.ctx(), fixture('bromcom.csv'));
  expect(bromcom.system).toBe('Bromcom');
  expect(bromcom.added).toBeGreaterThanOrEqual(2);
  expect(bromcom.problems.map((p) => p.row)).toEqual(expect.arrayContaining([4, 5, 6]));
  const pupils = reg.ctx().services.tables.readAll(PUPILS).map((r) => r.values);
  expect(pupils).toEqual(expect.arrayContaining([
    expect.objectContaining({ upn: 'F886202100018', name: 'Amelia Hughes', formGroup: '9H' }),
    expect.objectContaining({ upn: 'W330201800452', name: 'Olivia Taylor', yearGroup: 'Year 11' }),
  ]));
  // A contact name that would run as a formula is left out and reported, never written as a formula.
  expect(arbor.problems.find((p) => p.row === 7)?.message).toMatch(/could run as a formula/);
  expect(pupils.find((p) => p.upn === 'G330201800451')?.parentName).toBe('');
});

it('updates pupils already on the sheet by UPN rather than adding them twice, and says which columns are missing', () => {
  const reg = createRegister();
  const first = importPupilsCsv(reg.ctx(), 'UPN,Surname,Forename,Year\nB801200005001,Smith,Jonathan,Year 8\n');
  expect([first.added, first.updated]).toEqual([1, 0]);
  const again = importPupilsCsv(reg.ctx(), 'UPN,Surname,Forename,Year\nB801200005001,Smith,Jonathan,Year 9\n');
  expect([again.added, again.updated]).toEqual([0, 1]);
  const rows = reg.ctx().services.tables.readAll(PUPILS).filter((r) => r.values.upn === 'B801200005001');
  expect(rows.map((r) => r.values.yearGroup)).toEqual(['Year 9']);
  const missing = importPupilsCsv(reg.ctx(), 'Adno,Surname,Forename\n1,Smith,Jo\n');
  expect(missing.missingColumns).toEqual(['UPN']);
  expect(missing.problems[0].message).toMatch(/This file has no UPN column/);
});

it('finds pupils by name or UPN, with the case already open for them', () => {
  const reg = createRegister();
  const { ref } = openCase(reg.ctx(), caseInput());
  expect(searchPupils(reg.ctx(), 'amelia')).toEqual([expect.objectContaining({ name: 'Amelia Hughes', upn: upnFor(1), openCaseRef: ref })]);
  expect(searchPupils(reg.ctx(), upnFor(2).slice(0, 6)).map((p) => p.name)).toContain('Rohan Patel');
  expect(searchPupils(reg.ctx(), 'patel rohan')[0]).toMatchObject({ name: 'Rohan Patel', openCaseRef: '' });
  expect(searchPupils(reg.ctx(), 'z')).toEqual([]);
});
