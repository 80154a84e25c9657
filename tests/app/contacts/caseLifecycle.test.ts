/**
 * Opening and closing a case keeps the contact Form's pupil list and the case's pre-filled link
 * in step, without waiting for the daily check.
 */
import { openCase } from '../../../src/app/cases/openCase';
import { closeCase } from '../../../src/app/cases/periods';
import { QUESTION } from '../../../src/domain/contactForm';
import { createContactRegister, upnFor } from './harness';

it('adds an opened case to the Form with its own link, and takes a closed one off', () => {
  const reg = createContactRegister({ today: '2026-10-07', londonHour: 11 });
  const pupils = () => reg.ws.forms.items(reg.formId()).find((i) => i.title === QUESTION.pupil)!.choices;
  const summary = reg.ws.run(() => openCase(reg.ctx(), {
    upn: upnFor(901), pupilName: 'Cara Dunn', yearGroup: 'Year 9', healthNeed: 'Physical illness', firstDay: '2026-10-05', arrangement: 'School work: online',
  }));
  expect(pupils()).toEqual([`Cara Dunn (Year 9) \u2013 ${summary.ref}`]);
  expect(summary.contactFormLink).toContain('Cara+Dunn+(Year+9)');
  expect(reg.caseRow(summary.ref).contactFormLink).toBe(summary.contactFormLink);
  reg.ws.run(() => closeCase(reg.ctx(), { ref: summary.ref, date: '2026-10-07' }));
  expect(pupils()).toEqual(['No pupils have an open case at the moment']);
  expect(reg.caseRow(summary.ref).contactFormLink).toBe('');
});
