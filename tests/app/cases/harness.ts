/**
 * A register on the emulator for the case tests: set up by a coordinator, with a known school
 * calendar for 2026/27 (half-terms, INSET days, bank holidays in term time) and helpers to act as
 * other staff, to type into the Cases sheet by hand, and to fill the register with many cases.
 */
import { createWorkspace, type Workspace } from '../../../emulator';
import { AppContext } from '../../../src/app/context';
import { createGasServices } from '../../../src/gas/services';
import { setUpRegister } from '../../../src/app/setUpRegister';
import { ABSENCE_PERIODS, CALENDAR, CASES, PUPILS, STAFF } from '../../../src/domain/schema';
import { upnCheckLetter } from '../../../src/domain/upn';
import type { OpenCaseInput } from '../../../src/shared/api';
import type { RowValues } from '../../../src/ports';

export const COORDINATOR = 'lcm@school.example';
export const PASTORAL = 'pastoral@school.example';
export const TEACHER = 'teacher@school.example';
export const OFFICE = 'office@school.example';

/** 2026/27 as a school might enter it. */
export const TEST_CALENDAR = [
  { kind: 'Term', start: '2026-09-03', end: '2026-12-18', description: 'Autumn term' },
  { kind: 'Holiday', start: '2026-10-26', end: '2026-10-30', description: 'October half term' },
  { kind: 'Term', start: '2027-01-04', end: '2027-03-25', description: 'Spring term' },
  { kind: 'Holiday', start: '2027-02-15', end: '2027-02-19', description: 'February half term' },
  { kind: 'Term', start: '2027-04-12', end: '2027-07-21', description: 'Summer term' },
  { kind: 'Bank holiday', start: '2027-05-03', end: '2027-05-03', description: 'Early May bank holiday' },
  { kind: 'Holiday', start: '2027-05-31', end: '2027-06-04', description: 'May half term' },
  { kind: 'Bank holiday', start: '2027-05-31', end: '2027-05-31', description: 'Spring bank holiday' },
  { kind: 'INSET day', start: '2027-06-07', end: '2027-06-07', description: 'Staff training' },
];

/** A valid permanent UPN for a serial number. */
export function upnFor(serial: number): string {
  const twelve = String(801200000000 + serial).padStart(12, '0');
  return `${upnCheckLetter(twelve)}${twelve}`;
}

export interface TestRegister {
  readonly ws: Workspace;
  /** A fresh context, as each Apps Script execution builds one. */
  ctx(): AppContext;
  as(email: string): void;
  setToday(iso: string): void;
}

export function createRegister(today = '2027-06-28', htmlFiles: Record<string, string> = {}): TestRegister {
  const ws = createWorkspace({ activeUser: COORDINATOR, now: () => new Date(`${today}T09:00:00Z`), htmlFiles });
  ws.install(globalThis as unknown as Record<string, unknown>);
  // The add-on's clock follows the emulator's, so "today" is the test's date.
  const ctx = () => new AppContext({ ...createGasServices(), clock: { now: () => ws.ctx.now() } });
  setUpRegister(ctx());
  ws.endExecution();
  const c = ctx();
  c.services.tables.replaceAll(CALENDAR, TEST_CALENDAR);
  c.services.tables.append(STAFF, [
    { email: PASTORAL, name: 'Pat Pastoral', role: 'Pastoral', active: true },
    { email: TEACHER, name: 'Tess Teacher', role: 'Teacher', active: true },
    { email: OFFICE, name: 'Olly Office', role: 'Office', active: true },
  ]);
  c.services.tables.append(PUPILS, [
    { upn: upnFor(1), name: 'Amelia Hughes', dateOfBirth: '2013-01-15', yearGroup: 'Year 8', formGroup: '8H', parentName: 'Karen Hughes', parentEmail: 'karen@example.org.uk', parentPhone: '07700 900501' },
    { upn: upnFor(2), name: 'Rohan Patel', dateOfBirth: '2012-11-30', yearGroup: 'Year 9', formGroup: '9P', parentName: 'Priya Patel', parentEmail: 'priya@example.com', parentPhone: '020 7946 0001' },
  ]);
  ws.endExecution();
  // As the set-up report asks: after adding staff, repair so the add-on can write for them.
  setUpRegister(ctx());
  ws.endExecution();
  return {
    ws,
    ctx,
    as: (email) => ws.setActiveUser(email),
    setToday: (iso) => ws.setNow(new Date(`${iso}T09:00:00Z`)),
  };
}

export function caseInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    upn: upnFor(1),
    healthNeed: 'Physical illness',
    healthDetail: 'Glandular fever',
    firstDay: '2027-06-14',
    arrangement: 'School work: online',
    ...overrides,
  };
}

/** Every value on every sheet, by sheet name: to show that nothing changed. */
export function sheetValues(ws: Workspace): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const sheet of ws.spreadsheet.getSheets()) {
    out[sheet.getName()] = sheet.getDataRange().getValues().map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v)));
  }
  return out;
}

/** Fills the register with `count` open cases (rows typed by the add-on's own format) in two writes. */
export function fillRegister(reg: TestRegister, count: number, firstSerial = 1000): void {
  const c = reg.ctx();
  const cases: RowValues[] = [];
  const periods: RowValues[] = [];
  for (let i = 0; i < count; i += 1) {
    const ref = `HN-2027-${String(5000 + i).padStart(4, '0')}`;
    cases.push({
      ref, status: 'Open', pupilName: `Pupil Number ${i}`, upn: upnFor(firstSerial + i), yearGroup: 'Year 7', healthNeed: 'Mental health',
      firstDay: '2027-06-01', arrangement: 'School work: work packs', lead: COORDINATOR, openedOn: '2027-06-01',
    });
    periods.push({ caseRef: ref, start: '2027-06-01', end: '', note: '' });
  }
  c.services.tables.append(CASES, cases);
  c.services.tables.append(ABSENCE_PERIODS, periods);
  reg.ws.endExecution();
}
