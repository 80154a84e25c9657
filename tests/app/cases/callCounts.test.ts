/**
 * The register's reads and writes are batched: opening, changing, closing, summarising and listing
 * cases make the same number of SpreadsheetApp calls with 5 cases as with 2,000.
 */
import { openCase } from '../../../src/app/cases/openCase';
import { changeCase } from '../../../src/app/cases/changeCase';
import { closeCase, recordNewAbsence, recordReturn } from '../../../src/app/cases/periods';
import { getCaseSummary, getSidebarState } from '../../../src/app/cases/viewCases';
import { refreshRegister } from '../../../src/app/cases/refresh';
import { searchPupils } from '../../../src/app/cases/pupils';
import { buildAttendanceCheck } from '../../../src/app/cases/attendanceCheck';
import type { AppContext } from '../../../src/app/context';
import { caseInput, createRegister, fillRegister } from './harness';

const OPERATIONS: Array<[string, (ctx: AppContext) => unknown]> = [
  ['openCase', (ctx) => openCase(ctx, caseInput())],
  ['changeCase', (ctx) => changeCase(ctx, { ref: 'HN-2027-5000', changes: { arrangement: 'LA-arranged provision', expectedReturn: '2027-07-12' } })],
  ['recordReturn', (ctx) => recordReturn(ctx, { ref: 'HN-2027-5001', date: '2027-06-21' })],
  ['recordNewAbsence', (ctx) => recordNewAbsence(ctx, { ref: 'HN-2027-5001', date: '2027-06-24' })],
  ['closeCase', (ctx) => closeCase(ctx, { ref: 'HN-2027-5002', date: '2027-06-28' })],
  ['getCaseSummary', (ctx) => getCaseSummary(ctx, 'HN-2027-5003')],
  ['getSidebarState', (ctx) => getSidebarState(ctx)],
  ['searchPupils', (ctx) => searchPupils(ctx, 'amelia')],
  ['refreshRegister', (ctx) => refreshRegister(ctx)],
  ['buildAttendanceCheck', (ctx) => buildAttendanceCheck(ctx)],
];

function measure(cases: number): Record<string, number> {
  const reg = createRegister('2027-06-28');
  fillRegister(reg, cases);
  const counts: Record<string, number> = {};
  for (const [name, run] of OPERATIONS) {
    reg.ws.meter.reset();
    run(reg.ctx());
    reg.ws.endExecution();
    counts[name] = reg.ws.meter.total('SpreadsheetApp');
  }
  return counts;
}

it('makes the same number of Sheet calls with 5 cases as with 2,000', () => {
  const small = measure(5);
  const large = measure(2000);
  process.stdout.write(`SpreadsheetApp calls per operation (5 cases / 2,000 cases): ${JSON.stringify(small)} / ${JSON.stringify(large)}\n`);
  const { buildAttendanceCheck: smallCheck, ...smallRest } = small;
  const { buildAttendanceCheck: largeCheck, ...largeRest } = large;
  expect(largeRest).toEqual(smallRest);
  // The attendance check is rebuilt in one write; a sheet too short for it first grows, in one call.
  expect(largeCheck - smallCheck).toBeGreaterThanOrEqual(0);
  expect(largeCheck - smallCheck).toBeLessThanOrEqual(1);
  // And each stays small in absolute terms.
  for (const [name, count] of Object.entries(small)) expect([name, count < 80]).toEqual([name, true]);
}, 180000);
