/**
 * A register on the emulator for the contact tests: set up by a coordinator (so the contact Form
 * and both triggers exist), a known 2026/27 calendar, staff, and open cases written straight to
 * the sheets (any number, in two writes). Submissions go through the emulator's Form controller,
 * which fires the register's form-submit trigger as Apps Script does.
 */
import { createWorkspace, type Workspace } from '../../../emulator';
import { AppContext } from '../../../src/app/context';
import { createGasServices } from '../../../src/gas/services';
import { setUpRegister } from '../../../src/app/setUpRegister';
import { casesChanged } from '../../../src/app/contacts/formSetup';
import { KEY } from '../../../src/app/contacts/keys';
import * as entry from '../../../src/gas/entryPoints';
import { ABSENCE_PERIODS, CALENDAR, CASES, CONTACTS, SETTINGS, STAFF, UNMATCHED_CONTACTS } from '../../../src/domain/schema';
import { QUESTION, pupilChoice } from '../../../src/domain/contactForm';
import { upnCheckLetter } from '../../../src/domain/upn';
import type { RowValues, StoredRow } from '../../../src/ports';

export const COORDINATOR = 'lcm@school.example';
export const PASTORAL = 'pastoral@school.example';
export const TEACHER = 'teacher@school.example';

/** Autumn 2026 with October half term and an INSET day. */
export const TEST_CALENDAR = [
  { kind: 'Term', start: '2026-09-03', end: '2026-12-18', description: 'Autumn term' },
  { kind: 'Holiday', start: '2026-10-26', end: '2026-10-30', description: 'October half term' },
  { kind: 'INSET day', start: '2026-11-02', end: '2026-11-02', description: 'Staff training' },
  { kind: 'Term', start: '2027-01-04', end: '2027-03-25', description: 'Spring term' },
];

export function upnFor(serial: number): string {
  const twelve = String(801200000000 + serial).padStart(12, '0');
  return `${upnCheckLetter(twelve)}${twelve}`;
}

export function refFor(i: number): string {
  return `HN-2026-${String(i + 1).padStart(4, '0')}`;
}

export interface TestCase {
  readonly ref: string;
  readonly pupilName: string;
  readonly yearGroup: string;
  readonly firstDay: string;
  readonly status?: string;
  readonly healthDetail?: string;
}

export interface ContactRegister {
  readonly ws: Workspace;
  ctx(): AppContext;
  formId(): string;
  /** Sets the clock to a London date and hour (the test dates are in BST until 25 October). */
  at(iso: string, londonHour?: number): void;
  addCases(cases: readonly TestCase[]): void;
  /** Many open cases named Pupil 0…n-1, first day 1 Oct 2026. */
  addManyCases(count: number): void;
  /** A person fills the Form in for a case (by ref), answers overridable. */
  submit(ref: string, answers?: Partial<Record<keyof typeof QUESTION, string>>, options?: { respondentEmail?: string; fireTriggers?: boolean }): ReturnType<Workspace['forms']['submitAsUser']>;
  contacts(): StoredRow[];
  unmatched(): StoredRow[];
  caseRow(ref: string): RowValues;
}

export function createContactRegister(options: { today?: string; londonHour?: number } = {}): ContactRegister {
  // Triggers build their ports with the real clock (new Date()), so the test moves Date itself;
  // the emulator's clock reads the same Date.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
  const ws = createWorkspace({ activeUser: COORDINATOR });
  const at = (iso: string, londonHour = 10) => {
    const bst = iso >= '2026-03-29' && iso < '2026-10-25';
    jest.setSystemTime(new Date(`${iso}T${String(londonHour - (bst ? 1 : 0)).padStart(2, '0')}:00:00Z`));
  };
  at(options.today ?? '2026-10-07', options.londonHour ?? 10);
  const globals = globalThis as unknown as Record<string, unknown>;
  ws.install(globals);
  globals.onContactFormSubmit = entry.onContactFormSubmit;
  globals.runDailyCheck = entry.runDailyCheck;
  const ctx = () => new AppContext(createGasServices());
  ws.run(() => setUpRegister(ctx()));
  ws.run(() => {
    const c = ctx();
    c.services.tables.replaceAll(CALENDAR, TEST_CALENDAR);
    c.services.tables.append(STAFF, [
      { email: PASTORAL, name: 'Pat Pastoral', role: 'Pastoral', active: true },
      { email: TEACHER, name: 'Tess Teacher', role: 'Teacher', active: true },
    ]);
  });
  // As a school would: staff added, then "Set up / repair register" so they may write to the logs.
  ws.run(() => setUpRegister(ctx()));
  const known = new Map<string, TestCase>();
  const reg: ContactRegister = {
    ws,
    ctx,
    formId: () => ws.run(() => ctx().services.state.get(KEY.formId) ?? ''),
    at,
    addCases(cases) {
      ws.run(() => {
        const c = ctx();
        const start = c.services.tables.readColumn(CASES, 'ref').length;
        c.services.tables.append(CASES, cases.map((k, i) => ({
          ref: k.ref, status: k.status ?? 'Open', pupilName: k.pupilName, upn: upnFor(start + i + 1), yearGroup: k.yearGroup,
          healthNeed: 'Physical illness', healthDetail: k.healthDetail ?? 'Glandular fever', firstDay: k.firstDay,
          arrangement: 'School work: online', lead: COORDINATOR, openedOn: k.firstDay,
        })));
        c.services.tables.append(ABSENCE_PERIODS, cases.map((k) => ({ caseRef: k.ref, start: k.firstDay, end: '', note: '' })));
        casesChanged(c);
      });
      for (const k of cases) known.set(k.ref, k);
    },
    addManyCases(count) {
      reg.addCases(Array.from({ length: count }, (_, i) => ({ ref: refFor(i), pupilName: `Pupil ${i}`, yearGroup: 'Year 7', firstDay: '2026-10-01' })));
    },
    submit(ref, answers = {}, submitOptions = {}) {
      const k = known.get(ref);
      const pupil = answers.pupil ?? (k ? pupilChoice(k.pupilName, k.yearGroup, k.ref) : ref);
      const given: Record<string, string> = {
        [QUESTION.pupil]: pupil,
        [QUESTION.date]: answers.date ?? '2026-10-07',
        [QUESTION.contacted]: answers.contacted ?? 'Parent/carer',
        [QUESTION.method]: answers.method ?? 'Phone',
        [QUESTION.outcome]: answers.outcome ?? 'Spoke to',
        [QUESTION.wellbeing]: answers.wellbeing ?? 'Tired but cheerful',
        [QUESTION.engagement]: answers.engagement ?? 'Finished the maths pack',
        [QUESTION.nextSteps]: answers.nextSteps ?? 'Call again tomorrow',
      };
      return ws.forms.submitAsUser(reg.formId(), given, { respondentEmail: submitOptions.respondentEmail ?? TEACHER, fireTriggers: submitOptions.fireTriggers });
    },
    contacts: () => ws.run(() => ctx().services.tables.readAll(CONTACTS)),
    unmatched: () => ws.run(() => ctx().services.tables.readAll(UNMATCHED_CONTACTS)),
    caseRow(ref) {
      return ws.run(() => {
        const row = ctx().services.tables.readAll(CASES).find((r) => r.values.ref === ref);
        if (!row) throw new Error(`no case ${ref}`);
        return row.values;
      });
    },
  };
  return reg;
}

/** Changes a setting on the Settings sheet. */
export function setSetting(reg: ContactRegister, label: string, value: string): void {
  reg.ws.run(() => {
    const c = reg.ctx();
    const row = c.services.tables.readAll(SETTINGS).find((r) => r.values.setting === label);
    if (!row) throw new Error(`no setting ${label}`);
    c.services.tables.update(SETTINGS, [{ rowNumber: row.rowNumber, values: { value } }]);
  });
}

/** Fills the Contact log with `count` contacts for a case, in one write. */
export function fillContactLog(reg: ContactRegister, ref: string, count: number): void {
  reg.ws.run(() => {
    const rows: RowValues[] = Array.from({ length: count }, (_, i) => ({
      contactId: `S-fill-${i}`, caseRef: ref, date: '2026-10-01', contacted: 'Parent/carer', method: 'Phone', outcome: 'No answer',
      wellbeing: '', engagement: '', nextSteps: '', loggedBy: PASTORAL, loggedAt: new Date('2026-10-01T10:00:00Z'), source: 'Sidebar',
    }));
    reg.ctx().services.tables.append(CONTACTS, rows);
  });
}
