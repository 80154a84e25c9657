/** Opening, changing, returning, falling ill again and closing a case, end to end on the emulator. */
import { openCase } from '../../../src/app/cases/openCase';
import { changeCase } from '../../../src/app/cases/changeCase';
import { closeCase, recordNewAbsence, recordReturn } from '../../../src/app/cases/periods';
import { getCaseSummary, getSidebarState } from '../../../src/app/cases/viewCases';
import { upnCheckLetter } from '../../../src/domain/upn';
import { ABSENCE_PERIODS, AUDIT_LOG, CASE_HISTORY, CASES } from '../../../src/domain/schema';
import { caseInput, createRegister, upnFor, type TestRegister } from './harness';

let reg: TestRegister;
beforeEach(() => {
  reg = createRegister('2027-06-28');
});

function last<T>(list: readonly T[]): T {
  return list[list.length - 1];
}

function rows(spec: typeof CASES) {
  return reg.ctx().services.tables.readAll(spec);
}

describe('opening a case', () => {
  it('picks the pupil from the Pupils sheet, gives a ref, and writes the case, its period, its history and the audit', () => {
    const summary = openCase(reg.ctx(), caseInput({ firstDay: '2027-06-14', expectedReturn: '2027-07-05' }));
    expect(summary.ref).toBe('HN-2027-0001');
    expect(summary).toMatchObject({
      pupilName: 'Amelia Hughes', upn: upnFor(1), yearGroup: 'Year 8', formGroup: '8H', parentEmail: 'karen@example.org.uk',
      status: 'Open', arrangement: 'School work: online', healthNeed: 'Physical illness', lead: 'lcm@school.example',
      periods: [{ start: '2027-06-14', end: '' }],
    });
    // 14 Jun to 28 Jun 2027: eleven school days.
    expect(summary.daysThisPeriod).toBe(11);
    expect(summary.attendance.code).toBe('I');
    expect(summary.attendance.advice).toMatch(/do not use B/);

    const [row] = rows(CASES);
    expect(row.values).toMatchObject({ ref: 'HN-2027-0001', status: 'Open', upn: upnFor(1), daysThisYear: 11, attendanceCode: 'I', openedOn: '2027-06-28', problems: '' });
    expect(rows(ABSENCE_PERIODS).map((r) => r.values)).toEqual([expect.objectContaining({ caseRef: 'HN-2027-0001', start: '2027-06-14', end: '' })]);
    expect(rows(CASE_HISTORY).map((r) => r.values.event)).toEqual(['Case opened']);
    const audit = last(rows(AUDIT_LOG)).values;
    expect(audit).toMatchObject({ action: 'Case opened', caseRef: 'HN-2027-0001', who: 'lcm@school.example' });
    expect(String(audit.after)).not.toMatch(/Physical illness|Glandular/);
  });

  it('gives refs in order and never twice', () => {
    const a = openCase(reg.ctx(), caseInput());
    const b = openCase(reg.ctx(), caseInput({ upn: upnFor(2) }));
    expect([a.ref, b.ref]).toEqual(['HN-2027-0001', 'HN-2027-0002']);
    // A case deleted by hand does not free its ref.
    const c = reg.ctx();
    c.services.tables.deleteRows(CASES, [3]);
    reg.ws.endExecution();
    const d = openCase(reg.ctx(), caseInput({ upn: upnFor(3), pupilName: 'Zofia Nowak' }));
    expect(d.ref).toBe('HN-2027-0003');
  });

  it('takes a pupil who is not on roll when their name is typed, with a temporary UPN', () => {
    const twelve = '80120260001A';
    const temporary = `${upnCheckLetter(twelve)}${twelve}`;
    const summary = openCase(reg.ctx(), caseInput({ upn: temporary, pupilName: 'Zofia Nowak', yearGroup: 'Y7' }));
    expect(summary).toMatchObject({ pupilName: 'Zofia Nowak', upn: temporary, yearGroup: 'Year 7' });
  });
});

describe('changing a case', () => {
  it('records an arrangement change with the old and new value and the code advice; nothing is written when nothing differs', () => {
    const { ref } = openCase(reg.ctx(), caseInput());
    const summary = changeCase(reg.ctx(), { ref, changes: { arrangement: 'LA-arranged provision', expectsFifteen: true }, note: 'Medical tuition service agreed' });
    expect(summary.arrangement).toBe('LA-arranged provision');
    expect(summary.attendance.code).toBe('K');
    expect(summary.laFlag).toBe('Yes: expected to reach 15 days');
    const history = rows(CASE_HISTORY).map((r) => r.values);
    expect(history[1]).toMatchObject({ event: 'Arrangement changed', caseRef: ref });
    expect(String(history[1].detail)).toMatch(/From "School work: online" to "LA-arranged provision".*K/);
    expect(String(history[1].detail)).toMatch(/Medical tuition service agreed/);
    expect(rows(CASES)[0].values).toMatchObject({ arrangement: 'LA-arranged provision', attendanceCode: 'K', expectsFifteen: true });

    const auditBefore = rows(AUDIT_LOG).length;
    changeCase(reg.ctx(), { ref, changes: { arrangement: 'LA-arranged provision' } });
    expect(rows(AUDIT_LOG).length).toBe(auditBefore);
  });

  it('names health changes in the audit log without copying them', () => {
    const { ref } = openCase(reg.ctx(), caseInput());
    changeCase(reg.ctx(), { ref, changes: { healthDetail: 'Now recovering from surgery' } });
    const audit = last(rows(AUDIT_LOG)).values;
    expect(audit.action).toBe('Case changed');
    expect(String(audit.after)).toBe('healthDetail: (health detail)');
    expect(String(audit.before)).not.toMatch(/Glandular/);
  });
});

describe('the course of a case', () => {
  it('ends the absence the day before the return, keeps the case open in reintegration, then counts a new absence cumulatively', () => {
    reg.setToday('2027-05-10');
    const { ref } = openCase(reg.ctx(), caseInput({ firstDay: '2027-04-29' }));
    const back = recordReturn(reg.ctx(), { ref, date: '2027-05-10' });
    expect(back.status).toBe('Open');
    expect(back.arrangement).toBe('Reintegration');
    expect(back.attendance.code).toBe('/ \\');
    expect(back.periods).toEqual([{ start: '2027-04-29', end: '2027-05-09' }]);
    // Thu 29, Fri 30 Apr, (bank holiday Mon 3 May), Tue 4 to Fri 7 May: six school days.
    expect(back.daysThisYear).toBe(6);

    reg.setToday('2027-06-28');
    const again = recordNewAbsence(reg.ctx(), { ref, date: '2027-05-26' });
    expect(again.periods).toEqual([{ start: '2027-04-29', end: '2027-05-09' }, { start: '2027-05-26', end: '' }]);
    expect(again.arrangement).toBe('Not yet arranged');
    // 26-28 May (3), half term with the spring bank holiday, INSET Mon 7 Jun, 8-11 Jun (4), 14-25 Jun (10), Mon 28 Jun (1).
    expect(again.daysThisPeriod).toBe(18);
    expect(again.daysThisYear).toBe(24);
    // The 15th day of absence this year: 6 + 3 + 4 = 13 by Fri 11 Jun, then Mon 14 and Tue 15 Jun.
    expect(again.fifteenDayOn).toBe('2027-06-15');
    expect(again.laFlag).toBe('Yes: reached Tue 15 Jun 2027');
    expect(rows(ABSENCE_PERIODS).map((r) => [r.values.start, r.values.end])).toEqual([['2027-04-29', '2027-05-09'], ['2027-05-26', '']]);

    const closed = closeCase(reg.ctx(), { ref, date: '2027-06-28', note: 'Back full time' });
    expect(closed).toMatchObject({ status: 'Closed', arrangement: 'Closed' });
    expect(last(closed.periods)).toEqual({ start: '2027-05-26', end: '2027-06-27' });
    expect(rows(CASES)[0].values).toMatchObject({ status: 'Closed', closedOn: '2027-06-28' });
    expect(rows(CASE_HISTORY).map((r) => r.values.event)).toEqual(['Case opened', 'Returned to school', 'Off school again', 'Case closed']);
    expect(rows(AUDIT_LOG).slice(-4).map((r) => r.values.action)).toEqual(['Case opened', 'Return recorded', 'New absence recorded', 'Case closed']);
    expect(getSidebarState(reg.ctx()).openCases).toEqual([]);
  });

  it('flags the 15-day point across a half-term with a bank holiday and an INSET day, with the date it was reached', () => {
    const { ref } = openCase(reg.ctx(), caseInput({ firstDay: '2027-05-26' }));
    const summary = getCaseSummary(reg.ctx(), ref);
    // Wed 26-Fri 28 May (3); 31 May-4 Jun half term (Mon 31 May also a bank holiday); Mon 7 Jun INSET;
    // Tue 8-Fri 11 Jun (7); 14-18 Jun (12); Mon 21, Tue 22, Wed 23 Jun: the 15th school day.
    expect(summary.fifteenDayOn).toBe('2027-06-23');
    expect(summary.laFlag).toBe('Yes: reached Wed 23 Jun 2027');
    expect(summary.nextActions).toContain('Tell the LA (sickness return)');
    expect(rows(CASES)[0].values.fifteenDayOn).toBe('2027-06-23');
  });

  it('projects the 15-day point while it is still ahead, and flags the case as soon as staff expect it', () => {
    reg.setToday('2027-06-08');
    const { ref } = openCase(reg.ctx(), caseInput({ firstDay: '2027-05-26' }));
    const before = getCaseSummary(reg.ctx(), ref);
    expect(before.daysThisPeriod).toBe(4);
    expect(before.projectedFifteenDay).toBe('2027-06-23');
    expect(before.laFlag).toBe('Not yet: day 15 would be Wed 23 Jun 2027');
    const after = changeCase(reg.ctx(), { ref, changes: { expectsFifteen: true } });
    expect(after.laFlag).toBe('Yes: expected to reach 15 days');
    const told = changeCase(reg.ctx(), { ref, changes: { laNotifiedOn: '2027-06-08' } });
    expect(told.laFlag).toBe('Told on Tue 8 Jun 2027');
  });
});
