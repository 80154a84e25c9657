/**
 * The flows the fault matrix (faults.test.ts) drives, each as: prepare the register once, act
 * (the flow as a person or a trigger runs it), and retry (what happens next in school: the same
 * call again, the next trigger, the next batch or daily check). Each flow also says whether what
 * it returned is a pending or failed status a person can see, and what of the end state it owns.
 */
import * as entry from '../../src/gas/entryPoints';
import { isUserFacing } from '../../src/domain/errors';
import { CALENDAR, CONTACTS, SETTINGS, PARENT_LETTERS, WORK_SET } from '../../src/domain/schema';
import { CONTACT_FORM_RESPONSES, QUESTION, pupilChoice } from '../../src/domain/contactForm';
import { upnCheckLetter } from '../../src/domain/upn';
import { LETTER_STATUS } from '../../src/domain/work/vocabulary';
import { LA_SETTING } from '../../src/domain/la/settings';
import { openCase } from '../../src/app/cases/openCase';
import { changeCase } from '../../src/app/cases/changeCase';
import { closeCase } from '../../src/app/cases/periods';
import { logContact } from '../../src/app/contacts/logContact';
import { runDailyCheck } from '../../src/app/contacts/dailyCheck';
import { KEY } from '../../src/app/contacts/keys';
import { FORM_FOLLOW_UP } from '../../src/app/contacts/formSetup';
import { generateLetters } from '../../src/app/letters/queue';
import { retryFailedLetters, runLetterBatch } from '../../src/app/letters/runBatch';
import { refreshClassroomStates, setClassroomWork } from '../../src/app/work/classroomWork';
import { generateReferralPack } from '../../src/app/la/referral';
import type { CaseSummary, OpenCaseInput } from '../../src/shared/api';
import { COORDINATOR, TEACHER, type TrustRegister } from './harness';

/** Autumn 2026 with October half term. */
export const AUTUMN_2026 = [
  { kind: 'Term', start: '2026-09-03', end: '2026-12-18', description: 'Autumn term' },
  { kind: 'Holiday', start: '2026-10-26', end: '2026-10-30', description: 'October half term' },
  { kind: 'Term', start: '2027-01-04', end: '2027-03-25', description: 'Spring term' },
];

export const PUPIL_EMAIL = 'amelia.hughes@pupils.school.example';

export function upnFor(serial: number): string {
  const twelve = String(801200000000 + serial).padStart(12, '0');
  return `${upnCheckLetter(twelve)}${twelve}`;
}

export function caseFor(serial: number, name: string, overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  return {
    upn: upnFor(serial), pupilName: name, dateOfBirth: '2013-01-15', yearGroup: 'Year 8', formGroup: '8H',
    parentName: `Parent of ${name}`, parentEmail: `parent${serial}@home.example`, parentPhone: '07700 900501',
    healthNeed: 'Physical illness', healthDetail: 'Glandular fever', firstDay: '2026-10-01', arrangement: 'School work: online',
    ...overrides,
  };
}

export function setSetting(reg: TrustRegister, label: string, value: string): void {
  reg.run((ctx) => {
    const row = ctx.services.tables.readAll(SETTINGS).find((r) => r.values.setting === label);
    if (!row) throw new Error(`No setting ${label}`);
    ctx.services.tables.update(SETTINGS, [{ rowNumber: row.rowNumber, values: { value } }]);
  });
}

/** The calendar, the trigger handlers resolvable by name, and staff able to write the logs. */
export function prepareSchool(reg: TrustRegister): void {
  formId(reg);
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.onContactFormSubmit = entry.onContactFormSubmit;
  globals.runDailyCheck = entry.runDailyCheck;
  reg.run((ctx) => ctx.services.tables.replaceAll(CALENDAR, AUTUMN_2026));
  setSetting(reg, 'School name', 'Hill School');
  trimSheets(reg);
}

/**
 * A small register: each sheet cut to a few rows below its data (Sheets' 1,000 blank rows, each
 * with its formats and dropdowns, make saving and restoring the workspace slow). The add-on
 * inserts rows as it appends, so it behaves the same.
 */
export function trimSheets(reg: TrustRegister): void {
  reg.ws.run(() => {
    for (const sheet of reg.ws.spreadsheet.getSheets()) {
      const keep = Math.max(sheet.getLastRow(), sheet.getFrozenRows(), 1) + 3;
      if (sheet.getMaxRows() > keep) sheet.deleteRows(keep + 1, sheet.getMaxRows() - keep);
    }
  });
}

/** The contact Form's id, read once outside any fault (its id survives saving and restoring the workspace). */
const formIds = new WeakMap<TrustRegister, string>();
export function formId(reg: TrustRegister): string {
  if (!formIds.has(reg)) formIds.set(reg, reg.run((ctx) => ctx.services.state.get(KEY.formId) ?? ''));
  return formIds.get(reg) as string;
}

/** A teacher fills in the contact Form for a case. */
export function submitContact(reg: TrustRegister, name: string, ref: string, answers: Partial<Record<keyof typeof QUESTION, string>> = {}, fireTriggers = true): void {
  reg.ws.forms.submitAsUser(formId(reg), {
    [QUESTION.pupil]: pupilChoice(name, 'Year 8', ref),
    [QUESTION.date]: '2026-10-07',
    [QUESTION.contacted]: 'Parent/carer',
    [QUESTION.method]: 'Phone',
    [QUESTION.outcome]: 'Spoke to',
    [QUESTION.wellbeing]: answers.wellbeing ?? 'Tired but cheerful',
    [QUESTION.engagement]: answers.engagement ?? 'Finished the maths pack',
    [QUESTION.nextSteps]: answers.nextSteps ?? 'Call again tomorrow',
  }, { respondentEmail: TEACHER, fireTriggers });
}

/** What a flow's act returned, when it did not throw. */
export type ActResult = unknown;

export interface Flow {
  readonly name: string;
  /** Builds the register just before the flow (run once; the state is then saved and restored per case). */
  prepare(reg: TrustRegister): void;
  /** The flow, as one or more executions. */
  act(reg: TrustRegister): ActResult;
  /** A person (or the next trigger) can see that something is pending or failed. */
  reportsPending(reg: TrustRegister, result: ActResult): boolean;
  /** What happens next: the same call again, the next trigger, the next batch or daily check. */
  retry(reg: TrustRegister, actFailed: boolean): void;
}

/** Runs fn; a refusal written for staff (e.g. "already closed" on a repeated call) is the expected answer to a repeat. */
export function tolerateRefusal(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!isUserFacing(error)) throw error;
  }
}

const FIRST = caseFor(1, 'Amelia Hughes');
const SECOND = caseFor(2, 'Rohan Patel');
const REF1 = 'HN-2026-0001';
const REF2 = 'HN-2026-0002';

function openTwo(reg: TrustRegister): void {
  reg.run((ctx) => openCase(ctx, FIRST));
  reg.run((ctx) => openCase(ctx, SECOND));
}

export const FLOWS: readonly Flow[] = [
  {
    name: 'open a case',
    prepare: (reg) => reg.run((ctx) => openCase(ctx, SECOND)),
    act: (reg) => reg.run((ctx) => openCase(ctx, FIRST)),
    // The case is saved; the contact Form that could not follow is a follow-up the sidebar shows.
    reportsPending: (_reg, result) => formFollowUp(result),
    // The person presses Open again: the same pupil and first day finish the case already open.
    retry: (reg) => reg.run((ctx) => openCase(ctx, FIRST)),
  },
  {
    name: 'change and close a case',
    prepare: openTwo,
    act: (reg) => {
      reg.run((ctx) => changeCase(ctx, { ref: REF1, changes: { arrangement: 'School work: work packs', parentPhone: '07700 900777' } }));
      return reg.run((ctx) => closeCase(ctx, { ref: REF1, date: '2026-10-07', note: 'Back in school' }));
    },
    reportsPending: (_reg, result) => formFollowUp(result),
    // The person makes the change and the close again: each finishes what its first attempt left
    // (the change, once the case is closed, is refused in plain words: a closed case's arrangement stays Closed).
    retry: (reg) => {
      tolerateRefusal(() => reg.run((ctx) => changeCase(ctx, { ref: REF1, changes: { arrangement: 'School work: work packs', parentPhone: '07700 900777' } })));
      reg.run((ctx) => closeCase(ctx, { ref: REF1, date: '2026-10-07', note: 'Back in school' }));
    },
  },
  {
    name: 'record a contact from the Form',
    prepare: openTwo,
    // Two teachers submit: each submission is stored by Forms whatever its trigger does.
    act: (reg) => {
      const errors: unknown[] = [];
      for (const submit of [() => submitContact(reg, 'Amelia Hughes', REF1), () => submitContact(reg, 'Rohan Patel', REF2, { nextSteps: 'Post the English pack' })]) {
        try {
          submit();
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length) throw errors[0];
    },
    // The responses wait on the responses sheet after the cursor: the next run copies them.
    reportsPending: (reg) => reg.run((ctx) => ctx.services.tables.readAll(CONTACT_FORM_RESPONSES)).length > contactCount(reg),
    // The next trigger to arrive (here a blank event, as Apps Script sometimes sends) sweeps what waits.
    retry: (reg) => {
      reg.ws.forms.fireBlankEvent(reg.ws.spreadsheet.file.id);
    },
  },
  {
    name: 'log a contact from the sidebar',
    prepare: openTwo,
    act: (reg) => reg.run((ctx) => logContact(ctx, sidebarContact)),
    reportsPending: () => false,
    // The page repeats the call with the same request id (the person pressed Save again).
    retry: (reg) => reg.run((ctx) => logContact(ctx, sidebarContact)),
  },
  {
    name: 'the daily check',
    prepare: (reg) => {
      openTwo(reg);
      setSetting(reg, 'Coordinator email', COORDINATOR);
      // Two contacts whose trigger never arrived: the daily check's sweep copies them.
      submitContact(reg, 'Amelia Hughes', REF1, {}, false);
      submitContact(reg, 'Rohan Patel', REF2, { outcome: 'No answer' }, false);
    },
    act: (reg) => reg.run((ctx) => runDailyCheck(ctx, 'trigger')),
    reportsPending: (_reg, result) => {
      const report = result as ReturnType<typeof runDailyCheck>;
      return !report.ran || /could not be done today/.test(report.summary);
    },
    retry: (reg) => {
      reg.run((ctx) => runDailyCheck(ctx, 'trigger'));
    },
  },
  {
    name: 'generate letters and run the batch',
    prepare: (reg) => {
      openTwo(reg);
      setSetting(reg, 'Email letters to parents', 'Yes');
    },
    act: (reg) => {
      reg.run((ctx) => generateLetters(ctx, letterRequest));
      return reg.run((ctx) => runLetterBatch(ctx));
    },
    reportsPending: (reg) => letterStatuses(reg).some((s) => s !== LETTER_STATUS.sent),
    // The same request again (queued once only), failed letters put back, and the next batch run.
    retry: (reg) => {
      reg.run((ctx) => generateLetters(ctx, letterRequest));
      reg.run((ctx) => retryFailedLetters(ctx));
      reg.run((ctx) => runLetterBatch(ctx));
    },
  },
  {
    name: 'set Classroom work and refresh',
    prepare: (reg) => {
      openTwo(reg);
      seededCourseId = reg.ws.classroom.seedCourse({ name: '8H Maths', teachers: [COORDINATOR], students: [{ email: PUPIL_EMAIL, name: 'Amelia Hughes' }] }).id;
    },
    act: (reg) => classroomAct(reg),
    reportsPending: (_reg, result) => {
      const r = result as { set?: { ok: boolean }; refresh?: { message: string } };
      return r.set?.ok === false || /could not|cannot|not available|did not accept|failed/i.test(r.refresh?.message ?? '');
    },
    // After a failure the person sets the work again (safe to repeat: it finishes the first
    // attempt's row and coursework rather than setting it twice); otherwise the next refresh.
    retry: (reg, actFailed) => {
      if (actFailed || !workLogged(reg)) classroomAct(reg);
      else reg.run((ctx) => refreshClassroomStates(ctx, REF1));
    },
  },
  {
    name: 'make and email the LA referral pack',
    prepare: (reg) => {
      openTwo(reg);
      setSetting(reg, LA_SETTING.referralEmail, 'referrals@la.example.gov.uk');
    },
    act: (reg) => reg.run((ctx) => generateReferralPack(ctx, referralRequest)),
    reportsPending: () => false,
    retry: (reg, actFailed) => {
      if (actFailed) reg.run((ctx) => generateReferralPack(ctx, referralRequest));
    },
  },
];

const sidebarContact = {
  ref: REF1, date: '2026-10-07', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to',
  wellbeing: 'Sleeping better', engagement: 'Did the reading', nextSteps: 'Call on Friday', requestId: 'page-7f3a',
};

const letterRequest = { kind: 'General letter', how: 'Email', allOpenCases: true, message: 'Work packs can be collected from reception on Fridays.' };

const referralRequest = { ref: REF1, send: 'email' as const, curriculum: 'Maths: fractions. English: Macbeth.', evidence: ['Consultant letter, 2 Oct 2026, medical file'] };

/** A case change saved, with the contact Form's catching up reported among its next actions. */
function formFollowUp(result: ActResult): boolean {
  return ((result as CaseSummary | undefined)?.nextActions ?? []).some((a) => a.startsWith(FORM_FOLLOW_UP));
}

function contactCount(reg: TrustRegister): number {
  return reg.run((ctx) => ctx.services.tables.readColumn(CONTACTS, 'contactId').length);
}

export function letterStatuses(reg: TrustRegister): string[] {
  return reg.run((ctx) => ctx.services.tables.readAll(PARENT_LETTERS)).map((r) => String(r.values.status));
}

/** The Classroom course seeded by prepare (its id survives saving and restoring the workspace). */
let seededCourseId = '';

function workLogged(reg: TrustRegister): boolean {
  return reg.run((ctx) => ctx.services.tables.readAll(WORK_SET)).some((r) => String(r.values.classroomIds).includes('/'));
}

function classroomAct(reg: TrustRegister): { set?: { ok: boolean }; refresh?: { message: string } } {
  const id = seededCourseId;
  const set = reg.run((ctx) => setClassroomWork(ctx, { ref: REF1, courseId: id, pupilEmail: PUPIL_EMAIL, subject: 'Maths', title: 'Fractions practice', description: 'Questions 1 to 10', dueDate: '2026-10-09' }));
  if (!set.ok) return { set };
  const work = reg.ws.classroom.courseWork(id);
  // The pupil hands the work in; the refresh reads it back.
  reg.ws.classroom.setSubmissionState(id, String(work[work.length - 1].id), PUPIL_EMAIL, 'TURNED_IN');
  const refresh = reg.run((ctx) => refreshClassroomStates(ctx, REF1));
  return { set, refresh };
}
