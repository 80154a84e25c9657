/** The weekly attendance check: the code the MIS should show for each school day away this week. */
import { openCase } from '../../../src/app/cases/openCase';
import { changeCase } from '../../../src/app/cases/changeCase';
import { buildAttendanceCheck } from '../../../src/app/cases/attendanceCheck';
import { ATTENDANCE_CHECK } from '../../../src/domain/schema';
import { caseInput, createRegister, upnFor } from './harness';

it('lists each school day away so far this week with its code, and keeps the officer\u2019s ticks when rebuilt', () => {
  // Wednesday 9 June 2027: Mon 7 Jun is an INSET day, so Tue 8 and Wed 9 are the school days so far.
  const reg = createRegister('2027-06-09');
  const online = openCase(reg.ctx(), caseInput({ firstDay: '2027-05-26', arrangement: 'Virtual lessons (exceptional)' }));
  const la = openCase(reg.ctx(), caseInput({ upn: upnFor(2), firstDay: '2027-06-09', arrangement: 'LA-arranged provision' }));
  const result = buildAttendanceCheck(reg.ctx());
  reg.ws.endExecution();
  expect(result.weekStart).toBe('2027-06-07');
  expect(result.summary).toMatch(/never B/);
  const rows = () => reg.ctx().services.tables.readAll(ATTENDANCE_CHECK).map((r) => r.values);
  expect(rows().map((r) => [r.date, r.caseRef, r.expectedCode])).toEqual([
    ['2027-06-08', online.ref, 'I'],
    ['2027-06-09', online.ref, 'I'],
    ['2027-06-09', la.ref, 'K'],
  ]);
  expect(String(rows()[0].guidance)).toMatch(/do not use B for remote or virtual lessons/);

  // The officer ticks a row; the arrangement changes; the check is rebuilt.
  const c = reg.ctx();
  const first = c.services.tables.readAll(ATTENDANCE_CHECK)[0];
  c.services.tables.update(ATTENDANCE_CHECK, [{ rowNumber: first.rowNumber, values: { misChecked: true, officerNote: 'MIS shows I' } }]);
  reg.ws.endExecution();
  changeCase(reg.ctx(), { ref: online.ref, changes: { arrangement: 'Off-site lessons (exceptional)' } });
  buildAttendanceCheck(reg.ctx());
  reg.ws.endExecution();
  expect(rows()[0]).toMatchObject({ caseRef: online.ref, expectedCode: 'B', misChecked: true, officerNote: 'MIS shows I' });
  expect(rows().length).toBe(3);
});
