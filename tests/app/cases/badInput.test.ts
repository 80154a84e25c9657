/** Bad input gets a clear message naming the field, and leaves every sheet as it was. */
import { openCase } from '../../../src/app/cases/openCase';
import { changeCase } from '../../../src/app/cases/changeCase';
import { closeCase, recordNewAbsence, recordReturn } from '../../../src/app/cases/periods';
import { ValidationError } from '../../../src/domain/errors';
import type { OpenCaseInput } from '../../../src/shared/api';
import { caseInput, createRegister, sheetValues, upnFor, type TestRegister } from './harness';

let reg: TestRegister;
let ref: string;
beforeEach(() => {
  reg = createRegister('2027-06-28');
  ref = openCase(reg.ctx(), caseInput({ upn: upnFor(2), firstDay: '2027-06-14' })).ref;
  reg.ws.endExecution();
});

/** Runs the action, expects a refusal, and checks that no sheet changed. */
function refused(action: () => unknown): { message: string; fields: string[] } {
  const before = sheetValues(reg.ws);
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  reg.ws.endExecution();
  expect(error).toBeInstanceOf(Error);
  expect(sheetValues(reg.ws)).toEqual(before);
  const fields = error instanceof ValidationError ? error.problems.map((p) => p.field) : [];
  return { message: (error as Error).message, fields };
}

const open = (overrides: Partial<OpenCaseInput>) => () => openCase(reg.ctx(), caseInput(overrides));

it('refuses a UPN with the wrong check letter, saying what it should be', () => {
  const wrong = `A${upnFor(1).slice(1)}`;
  const r = refused(open({ upn: wrong }));
  expect(r.fields).toEqual(['upn']);
  expect(r.message).toMatch(new RegExp(`${wrong} does not check out: its first letter should be ${upnFor(1).charAt(0)}`));
});

it('refuses an expected return before the first day, naming both dates', () => {
  const r = refused(open({ firstDay: '2027-06-14', expectedReturn: '2027-06-10' }));
  expect(r.fields).toEqual(['expectedReturn']);
  expect(r.message).toBe('The expected return, Thu 10 Jun 2027, is before the first day of absence, Mon 14 Jun 2027.');
});

it('refuses a first day in a year with no term dates on the Calendar sheet', () => {
  const r = refused(open({ firstDay: '2028-09-14' }));
  expect(r.fields).toEqual(['firstDay']);
  expect(r.message).toMatch(/2028\/29, which has no term dates on the Calendar sheet/);
});

it('refuses a second open case for the same pupil, naming the open one', () => {
  const r = refused(open({ upn: upnFor(2), firstDay: '2027-06-21' }));
  expect(r.fields).toEqual(['upn']);
  expect(r.message).toBe(`Rohan Patel already has an open case, ${ref}. Change that case, or record a new absence on it, instead of opening another.`);
});

it('answers the same pupil opened again with the same first day (Open pressed twice) with the open case, changing nothing', () => {
  const before = sheetValues(reg.ws);
  const again = open({ upn: upnFor(2), firstDay: '2027-06-14' })();
  reg.ws.endExecution();
  expect(again.ref).toBe(ref);
  expect(sheetValues(reg.ws)).toEqual(before);
});

it('refuses a formula typed into a name', () => {
  const r = refused(open({ upn: upnFor(7), pupilName: '=HYPERLINK("http://evil.example","Click")' }));
  expect(r.fields).toEqual(['pupilName']);
  expect(r.message).toMatch(/starts with "=", which a spreadsheet could run as a formula/);
});

it('lists every problem at once', () => {
  const r = refused(open({ upn: '', healthNeed: '', firstDay: 'next week', arrangement: 'Tutoring', lead: 'nobody@elsewhere.example' }));
  expect(r.fields).toEqual(['upn', 'healthNeed', 'firstDay', 'lead', 'arrangement']);
});

it('refuses bad changes and impossible returns without touching anything', () => {
  expect(refused(() => changeCase(reg.ctx(), { ref, changes: { parentEmail: 'karen-at-example.org' } })).fields).toEqual(['parentEmail']);
  expect(refused(() => changeCase(reg.ctx(), { ref, changes: { arrangement: 'Closed' } })).message).toMatch(/use Close case/);
  expect(refused(() => recordReturn(reg.ctx(), { ref, date: '2027-06-14' })).message)
    .toBe('The date the pupil came back, Mon 14 Jun 2027, must be after the first day of this absence, Mon 14 Jun 2027.');
  expect(refused(() => recordNewAbsence(reg.ctx(), { ref, date: '2027-06-21' })).message).toMatch(/still recorded as absent since Mon 14 Jun 2027/);
  expect(refused(() => closeCase(reg.ctx(), { ref, date: '2027-06-01' })).fields).toEqual(['date']);
  expect(refused(() => getMissing()).message).toMatch(/There is no case HN-2027-9999/);
});

function getMissing() {
  return changeCase(reg.ctx(), { ref: 'HN-2027-9999', changes: { lead: 'lcm@school.example' } });
}
