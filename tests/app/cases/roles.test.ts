/** Roles: health details only for roles that need them; only some roles may open or change cases. */
import { openCase } from '../../../src/app/cases/openCase';
import { changeCase } from '../../../src/app/cases/changeCase';
import { getCaseSummary, getFormChoices, getSidebarState } from '../../../src/app/cases/viewCases';
import { importPupilsCsv } from '../../../src/app/cases/pupils';
import { NotAllowedError } from '../../../src/domain/errors';
import { caseInput, createRegister, OFFICE, PASTORAL, TEACHER } from './harness';

it('a teacher sees the case without health fields and cannot open or change a case', () => {
  const reg = createRegister();
  const { ref } = openCase(reg.ctx(), caseInput());
  reg.as(TEACHER);
  const summary = getCaseSummary(reg.ctx(), ref);
  expect(summary.pupilName).toBe('Amelia Hughes');
  expect(summary).not.toHaveProperty('healthNeed');
  expect(summary).not.toHaveProperty('healthDetail');
  expect(JSON.stringify(summary)).not.toMatch(/Physical illness|Glandular/);
  expect(JSON.stringify(getSidebarState(reg.ctx()))).not.toMatch(/Physical illness|Glandular/);
  expect(getFormChoices(reg.ctx()).healthNeeds).toEqual([]);
  expect(() => openCase(reg.ctx(), caseInput({ upn: 'x' }))).toThrow(NotAllowedError);
  expect(() => openCase(reg.ctx(), caseInput())).toThrow(/Your role \(Teacher\) does not allow you to open a case/);
  expect(() => changeCase(reg.ctx(), { ref, changes: { lead: TEACHER } })).toThrow(/does not allow you to change a case/);
});

it('pastoral staff see health fields; the office may import pupils but not see health', () => {
  const reg = createRegister();
  const { ref } = openCase(reg.ctx(), caseInput());
  reg.as(PASTORAL);
  expect(getCaseSummary(reg.ctx(), ref).healthNeed).toBe('Physical illness');
  reg.as(OFFICE);
  expect(getCaseSummary(reg.ctx(), ref).healthNeed).toBeUndefined();
  expect(() => changeCase(reg.ctx(), { ref, changes: { healthDetail: 'x' } })).toThrow(NotAllowedError);
  expect(importPupilsCsv(reg.ctx(), 'UPN,Name\n').added).toBe(0);
});

it('someone not on the Staff sheet is refused by name', () => {
  const reg = createRegister();
  reg.as('visitor@school.example');
  expect(() => getSidebarState(reg.ctx())).toThrow(/You \(visitor@school.example\) are not on the Staff sheet/);
});
