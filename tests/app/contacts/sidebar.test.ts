/**
 * Logging from the sidebar, working through unmatched responses, and the chronology: the same
 * rules as the Form, through the page API as google.script.run calls it.
 */
import { MIME } from '../../../emulator';
import { documentText } from '../../../emulator/docs';
import * as contactsApi from '../../../src/gas/pageApi/contacts';
import { CASE_HISTORY } from '../../../src/domain/schema';
import { pupilChoice, QUESTION } from '../../../src/domain/contactForm';
import type { CaseSummary, ChronologyEntry, LogContactInput, UnmatchedContact } from '../../../src/shared/api';
import { COORDINATOR, TEACHER, createContactRegister, type ContactRegister } from './harness';

const AMY = { ref: 'HN-2026-0001', pupilName: 'Amy Khan', yearGroup: 'Year 7', firstDay: '2026-10-01', healthDetail: 'Glandular fever' };
const BEN = { ref: 'HN-2026-0002', pupilName: 'Ben Ode', yearGroup: 'Year 10', firstDay: '2026-10-05', status: 'Closed' };

function register(): ContactRegister {
  const reg = createContactRegister({ today: '2026-10-07', londonHour: 11 });
  reg.addCases([AMY, BEN]);
  const globals = globalThis as unknown as Record<string, unknown>;
  for (const [name, fn] of Object.entries(contactsApi)) globals[name] = fn;
  return reg;
}

const call = <T>(reg: ContactRegister, name: string, ...args: unknown[]) => reg.ws.runFunction(name, ...args) as T;

function input(overrides: Partial<LogContactInput> = {}): LogContactInput {
  return { ref: AMY.ref, date: '2026-10-07', contacted: 'Pupil', method: 'Video call', outcome: 'Spoke to', wellbeing: 'Brighter today', engagement: 'Did the English task', nextSteps: 'Call on Friday', ...overrides };
}

describe('logging a contact from the sidebar', () => {
  it('logs it on the case and returns the case with its compliance and recent contacts, wellbeing only for health roles', () => {
    const reg = register();
    reg.ws.setActiveUser(TEACHER);
    const summary = call<CaseSummary>(reg, 'logContact', input({ requestId: 'abc123' }));
    const rows = reg.contacts();
    expect(rows).toHaveLength(1);
    expect(rows[0].values).toMatchObject({ contactId: 'S-abc123', caseRef: AMY.ref, loggedBy: TEACHER, source: 'Sidebar', method: 'Video call' });
    expect(summary.ref).toBe(AMY.ref);
    expect(summary.lastContact).toBe('2026-10-07');
    expect(summary.recentContacts[0]).toMatchObject({ date: '2026-10-07', outcome: 'Spoke to', loggedBy: TEACHER });
    expect(summary.recentContacts[0].wellbeing).toBeUndefined();
    expect(summary.compliance.map((d) => `${d.date} ${d.status}`)).toEqual(['2026-10-06 missing', '2026-10-05 missing', '2026-10-02 missing', '2026-10-01 missing']);
    reg.ws.setActiveUser(COORDINATOR);
    // The page repeating the same entry: nothing new is logged, and the case comes back again.
    const asCoordinator = call<CaseSummary>(reg, 'logContact', input({ requestId: 'abc123' }));
    expect(reg.contacts()).toHaveLength(1);
    expect(asCoordinator.recentContacts[0].wellbeing).toBe('Brighter today');
  });

  it('does not log a repeated call twice', () => {
    const reg = register();
    call(reg, 'logContact', input({ requestId: 'same-entry' }));
    call(reg, 'logContact', input({ requestId: 'same-entry' }));
    expect(reg.contacts()).toHaveLength(1);
    call(reg, 'logContact', input({ requestId: 'another-entry', outcome: 'No answer' }));
    expect(reg.contacts()).toHaveLength(2);
  });

  it('refuses, in plain words, a closed case, a future date, a value not on the list, and someone not on the Staff sheet', () => {
    const reg = register();
    expect(() => call(reg, 'logContact', input({ ref: BEN.ref }))).toThrow(/The case HN-2026-0002 is closed/);
    expect(() => call(reg, 'logContact', input({ date: '2026-10-08' }))).toThrow(/Thu 8 Oct 2026, is in the future/);
    expect(() => call(reg, 'logContact', input({ method: 'Carrier pigeon' }))).toThrow(/Choose the method from the list \(Phone, Email, Home visit, Video call, In person\)/);
    reg.ws.setActiveUser('stranger@school.example');
    expect(() => call(reg, 'logContact', input())).toThrow(/not on the Staff sheet/);
    expect(reg.contacts()).toHaveLength(0);
  });

  it('stores what was typed as text, never as a formula', () => {
    const reg = register();
    call(reg, 'logContact', input({ nextSteps: '=HYPERLINK("http://evil.example","click")', engagement: '@SUM(A1)' }));
    expect(reg.contacts()[0].values).toMatchObject({ nextSteps: '=HYPERLINK("http://evil.example","click")', engagement: '@SUM(A1)' });
    const sheet = reg.ws.spreadsheet.getSheets().find((s) => s.getName() === 'Contact log')!;
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });
});

describe('unmatched responses', () => {
  function withUnmatched(reg: ContactRegister): string {
    reg.ws.run(() => {
      const item = reg.ws.forms.items(reg.formId()).find((i) => i.title === QUESTION.pupil)!;
      item.choices.push(pupilChoice(BEN.pupilName, BEN.yearGroup, BEN.ref));
    });
    reg.submit(BEN.ref, { pupil: pupilChoice(BEN.pupilName, BEN.yearGroup, BEN.ref), date: '2026-10-06' });
    return String(reg.unmatched()[0].values.contactId);
  }

  it('are listed for the sidebar, and matching one logs it on the chosen case with its original Contact ID, once', () => {
    const reg = register();
    const id = withUnmatched(reg);
    const listed = call<UnmatchedContact[]>(reg, 'listUnmatchedContacts');
    expect(listed).toEqual([expect.objectContaining({ contactId: id, pupilAnswer: 'Ben Ode (Year 10) \u2013 HN-2026-0002', respondent: TEACHER })]);
    const after = call<UnmatchedContact[]>(reg, 'resolveUnmatchedContact', id, BEN.ref);
    expect(after).toEqual([]);
    expect(reg.contacts().map((r) => [r.values.contactId, r.values.caseRef, r.values.date])).toEqual([[id, BEN.ref, '2026-10-06']]);
    expect(String(reg.unmatched()[0].values.resolution)).toMatch(/^Matched to HN-2026-0002 by lcm@school.example/);
    expect(() => call(reg, 'resolveUnmatchedContact', id, BEN.ref)).toThrow(/already been matched or dismissed/);
    expect(reg.contacts()).toHaveLength(1);
  });

  it('can be dismissed, which logs nothing', () => {
    const reg = register();
    const id = withUnmatched(reg);
    expect(call<UnmatchedContact[]>(reg, 'resolveUnmatchedContact', id, null)).toEqual([]);
    expect(reg.contacts()).toHaveLength(0);
    expect(String(reg.unmatched()[0].values.resolution)).toMatch(/^Dismissed by/);
  });

  it('may only be matched by roles that may change cases', () => {
    const reg = register();
    const id = withUnmatched(reg);
    reg.ws.setActiveUser(TEACHER);
    expect(() => call(reg, 'resolveUnmatchedContact', id, BEN.ref)).toThrow(/does not allow you to change a case/);
  });
});

describe('the chronology', () => {
  function withHistory(reg: ContactRegister): void {
    reg.ws.run(() => reg.ctx().services.tables.append(CASE_HISTORY, [
      { caseRef: AMY.ref, at: new Date('2026-10-01T08:00:00Z'), date: '2026-10-01', event: 'Case opened', detail: 'Absent from Thu 1 Oct 2026.', by: COORDINATOR },
      { caseRef: BEN.ref, at: new Date('2026-10-05T08:00:00Z'), date: '2026-10-05', event: 'Case opened', detail: '', by: COORDINATOR },
    ]));
    reg.submit(AMY.ref, { date: '2026-10-02', outcome: 'No answer', wellbeing: 'Very low mood' });
    call(reg, 'logContact', input({ date: '2026-10-06' }));
  }

  it('lists the case\u2019s contacts and changes in date order, wellbeing only for health roles', () => {
    const reg = register();
    withHistory(reg);
    const entries = call<ChronologyEntry[]>(reg, 'getChronology', AMY.ref);
    expect(entries.map((e) => `${e.date} ${e.kind}`)).toEqual(['2026-10-01 Case', '2026-10-02 Contact', '2026-10-06 Contact']);
    expect(entries[1].summary).toContain('Wellbeing: Very low mood');
    reg.ws.setActiveUser(TEACHER);
    const forTeacher = call<ChronologyEntry[]>(reg, 'getChronology', AMY.ref);
    expect(forTeacher.map((e) => e.summary).join(' ')).not.toContain('Very low mood');
  });

  it('exports as a Google Doc named with the case ref and date only', () => {
    const reg = register();
    withHistory(reg);
    const doc = call<{ url: string; name: string }>(reg, 'exportChronology', AMY.ref);
    expect(doc.name).toBe('Chronology HN-2026-0001 2026-10-07');
    expect(doc.name).not.toMatch(/Amy|Khan|Glandular|Physical/);
    const file = [...reg.ws.ctx.files.values()].find((f) => f.mimeType === MIME.document && f.name === doc.name)!;
    expect(file).toBeDefined();
    const text = documentText(reg.ws.ctx, file.id);
    expect(text).toContain('Chronology of case HN-2026-0001');
    expect(text).toContain('Fri 2 Oct 2026 \u2014 Contact \u2014 Phone with parent/carer: no answer');
    expect(text).toContain('Thu 1 Oct 2026 \u2014 Case \u2014 Case opened');
  });
});
