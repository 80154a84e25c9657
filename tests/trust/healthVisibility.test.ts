/**
 * Health details are for the roles that need them: a Teacher (who may log contacts and set work)
 * gets the case summary and chronology with no health need, no health detail and no wellbeing
 * notes anywhere in what is returned, and cannot make or send letters.
 */
import { openCase } from '../../src/app/cases/openCase';
import { changeCase } from '../../src/app/cases/changeCase';
import { getCaseSummary } from '../../src/app/cases/viewCases';
import { getChronology } from '../../src/app/contacts/chronology';
import { logContact } from '../../src/app/contacts/logContact';
import { generateLetters } from '../../src/app/letters/queue';
import { previewLetter } from '../../src/app/letters/prepare';
import { COORDINATOR, PASTORAL, TEACHER, caseInput, createRegister } from '../app/cases/harness';

const HEALTH = /Glandular fever|Physical illness|Very tired after the appointment|Mental health/;

it('a teacher sees no health field in the case summary or chronology, and cannot make letters', () => {
  const reg = createRegister();
  reg.as(COORDINATOR);
  const { ref } = openCase(reg.ctx(), caseInput());
  reg.ws.endExecution();
  logContact(reg.ctx(), { ref, date: '2027-06-28', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', wellbeing: 'Very tired after the appointment', engagement: 'Did the maths', nextSteps: 'Call Friday' });
  reg.ws.endExecution();
  changeCase(reg.ctx(), { ref, changes: { healthNeed: 'Mental health' }, note: 'Updated' });
  reg.ws.endExecution();

  reg.as(PASTORAL);
  expect(JSON.stringify(getCaseSummary(reg.ctx(), ref))).toMatch(HEALTH);

  reg.as(TEACHER);
  const summary = getCaseSummary(reg.ctx(), ref);
  expect(summary.pupilName).toBe('Amelia Hughes');
  expect(summary).not.toHaveProperty('healthNeed');
  expect(summary).not.toHaveProperty('healthDetail');
  for (const contact of summary.recentContacts) expect(contact).not.toHaveProperty('wellbeing');
  expect(summary.recentContacts.map((c) => c.engagement)).toContain('Did the maths');
  expect(JSON.stringify(summary)).not.toMatch(HEALTH);
  const chronology = getChronology(reg.ctx(), ref);
  expect(chronology.length).toBeGreaterThan(0);
  expect(JSON.stringify(chronology)).not.toMatch(HEALTH);

  const letter = { kind: 'General letter', refs: [ref], how: 'Printed', message: 'Hello' };
  expect(() => generateLetters(reg.ctx(), letter)).toThrow(/Your role \(Teacher\) does not allow you to make or send letters/);
  expect(() => previewLetter(reg.ctx(), letter)).toThrow(/Your role \(Teacher\) does not allow you to make or send letters/);
});
