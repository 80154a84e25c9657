/**
 * The operations the benchmark measures, each through the BUILT bundle's top-level functions as
 * Apps Script calls them: google.script.run (ws.runFunction), a menu item (ws.callFunction), the
 * spreadsheet's form-submit trigger (a Form response), and the daily clock trigger. What is
 * measured is what ships.
 *
 * Each operation has an unmetered `prepare` (what happens before the person clicks, e.g. the
 * response arriving in the responses sheet) and a metered `run`. `run` returns a short note of
 * what it did and throws when the product did not do it, so a broken operation is never reported
 * as fast.
 */
import type { Workspace } from '../emulator';
import type { FakeSheet } from '../emulator';
import { QUESTION } from '../src/domain/contactForm';
import { benchUpn, BENCH_TODAY, COORDINATOR, TEACHER, type SeedResult } from './seed';

export interface OperationContext {
  readonly ws: Workspace;
  /** Top-level functions of the loaded bundle. */
  readonly functions: readonly string[];
  readonly seed: SeedResult;
}

export interface RunOutcome {
  /** What happened, in a few words (for the table's notes). */
  readonly note: string;
  /** Separate executions the operation took (a letter run may take several). */
  readonly executions?: number;
  /** Extra figures for this operation (letters per 6-minute execution, say). */
  readonly extra?: Readonly<Record<string, number>>;
}

export interface Operation {
  readonly name: string;
  /** Top-level functions it needs; missing ones mean the operation has not landed yet. */
  readonly needs: readonly string[];
  /** Unmetered set-up before the measured part; returns state for run. */
  prepare?(ctx: OperationContext): unknown;
  run(ctx: OperationContext, prepared: unknown): RunOutcome;
}

/** The letters asked for in one go. */
export const LETTER_COUNT = 20;

/** Alerts shown since `from`, for menu functions that report by alert. */
function alertsSince(ws: Workspace, from: number): string[] {
  return ws.ui.alerts.slice(from).map((a) => `${a.title ?? ''}: ${a.prompt ?? ''}`);
}

function sheetRows(ws: Workspace, title: string): number {
  const sheet = ws.spreadsheet.sheets.find((s) => s.name === title) as FakeSheet | undefined;
  return sheet ? sheet.lastRow() : 0;
}

function asRecord(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object') throw new Error(`Expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'Open case summary (sidebar)',
    needs: ['getCaseSummary'],
    run({ ws, seed }) {
      const ref = seed.refs[Math.floor(seed.refs.length / 2)];
      const summary = asRecord(ws.runFunction('getCaseSummary', ref));
      if (summary.ref !== ref) throw new Error(`getCaseSummary(${ref}) returned ${String(summary.ref)}`);
      return { note: `summary of ${ref}` };
    },
  },
  {
    // The sidebar asks for these right after drawing the summary's core (no target of its own).
    name: 'Open case sections (sidebar)',
    needs: ['getCaseSections'],
    run({ ws, seed }) {
      const ref = seed.refs[Math.floor(seed.refs.length / 2)];
      const result = asRecord(ws.runFunction('getCaseSections', ref));
      const sections = asRecord(result.sections);
      if (!sections.workSet || !sections.letters || !sections.la) throw new Error(`getCaseSections(${ref}) returned ${JSON.stringify(result).slice(0, 200)}`);
      return { note: `work, letters and LA of ${ref}` };
    },
  },
  {
    name: 'Open a case',
    needs: ['openCase'],
    run({ ws, seed }) {
      const upn = benchUpn(seed.cases + 1);
      const summary = asRecord(ws.runFunction('openCase', {
        upn, pupilName: 'Rosa Bench', dateOfBirth: '2012-03-04', yearGroup: 'Year 9', formGroup: '9C',
        parentName: 'Maria Bench', parentEmail: 'maria.bench@home.example', parentPhone: '07700 900123',
        healthNeed: 'Physical illness', firstDay: '2026-11-16', arrangement: 'Not yet arranged', lead: TEACHER,
      }));
      if (!String(summary.ref ?? '').startsWith('HN-')) throw new Error(`openCase returned no case ref: ${JSON.stringify(summary).slice(0, 200)}`);
      return { note: `opened ${String(summary.ref)}` };
    },
  },
  {
    name: 'Record one contact (form submit)',
    needs: ['onContactFormSubmit'],
    prepare({ ws, seed }) {
      const props = (ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
      const formId = props.getProperty('contacts.formId');
      if (!formId) throw new Error('Set-up made no contact Form (no contacts.formId).');
      if (!ws.triggers.records.some((t) => t.handler === 'onContactFormSubmit')) throw new Error('Set-up made no onContactFormSubmit trigger.');
      const ref = seed.refs[Math.floor(seed.refs.length / 3)];
      const answers: Record<string, string> = {
        [QUESTION.pupil]: seed.choices.get(ref) ?? '',
        [QUESTION.date]: BENCH_TODAY,
        [QUESTION.contacted]: 'Parent/carer',
        [QUESTION.method]: 'Phone',
        [QUESTION.outcome]: 'Spoke to',
        [QUESTION.engagement]: 'Working through the science pack.',
        [QUESTION.nextSteps]: 'Call again on Friday.',
      };
      // The teacher fills the Form in; the response lands in the responses sheet. The trigger
      // run that follows is what the add-on does, and what is measured.
      const submitted = ws.forms.submitAsUser(formId, answers, { respondentEmail: TEACHER, fireTriggers: false });
      if (!submitted.event) throw new Error('The Form response reached no sheet.');
      return { event: submitted.event, before: sheetRows(ws, 'Contact log'), ref };
    },
    run({ ws }, prepared) {
      const { event, before, ref } = prepared as { event: Parameters<Workspace['forms']['fireDuplicate']>[0]; before: number; ref: string };
      ws.forms.fireDuplicate(event);
      const after = sheetRows(ws, 'Contact log');
      if (after !== before + 1) throw new Error(`The contact was not logged (Contact log rows ${before} → ${after}). Logs: ${ws.logs.slice(-3).join(' | ')}`);
      return { note: `contact for ${ref} logged` };
    },
  },
  {
    name: 'Daily check (trigger)',
    needs: ['runDailyCheck'],
    prepare({ ws }) {
      if (!ws.triggers.records.some((t) => t.handler === 'runDailyCheck' && t.eventType === 'CLOCK')) throw new Error('Set-up made no daily runDailyCheck trigger.');
      return ws.logs.length;
    },
    run({ ws }, prepared) {
      const from = prepared as number;
      ws.triggers.fireTimeDriven('runDailyCheck');
      const failed = ws.logs.slice(from).find((l) => /failed/i.test(l) && /runDailyCheck/.test(l));
      if (failed) throw new Error(failed.slice(0, 300));
      return { note: 'all cases checked' };
    },
  },
  {
    name: `Generate and log ${LETTER_COUNT} letters`,
    needs: ['generateLetters', 'runLetterBatch'],
    run({ ws, seed }) {
      const refs = seed.refs.slice(1, 1 + LETTER_COUNT);
      const asked = asRecord(ws.runFunction('generateLetters', {
        kind: 'General letter', refs, how: 'Email',
        message: 'We are sending home a new pack of work this week. Please get in touch if anything is unclear.',
      }));
      if (asked.queued !== refs.length) throw new Error(`generateLetters queued ${String(asked.queued)} of ${refs.length}: ${JSON.stringify(asked).slice(0, 400)}`);
      // The person presses "Make letters"; each run is one execution that stops before its time is up.
      let executions = 1;
      const batchStart = ws.meter.modelledMs;
      let progress = asRecord(asked.progress);
      for (let guard = 0; guard < 50; guard++) {
        progress = asRecord(ws.runFunction('runLetterBatch'));
        executions += 1;
        if (!progress.more) break;
      }
      const batchMs = ws.meter.modelledMs - batchStart;
      const outbox = ws.outbox.length;
      if (outbox < refs.length) throw new Error(`Only ${outbox} of ${refs.length} letters were emailed: ${JSON.stringify(progress).slice(0, 300)}`);
      const perLetter = batchMs / refs.length;
      return {
        note: `${refs.length} letters made and emailed in ${executions - 1} batch run(s)`,
        executions,
        extra: { modelledMsPerLetter: Math.round(perLetter), lettersPer6Minutes: Math.floor(360_000 / perLetter) },
      };
    },
  },
  {
    name: 'Refresh Classroom states (one case)',
    needs: ['refreshClassroomStates'],
    run({ ws, seed }) {
      const result = asRecord(ws.runFunction('refreshClassroomStates', seed.classroom.ref));
      if (result.changed !== 1) throw new Error(`Expected one change from Classroom: ${JSON.stringify(result).slice(0, 300)}`);
      return { note: String(result.message ?? '').slice(0, 60) };
    },
  },
  {
    name: 'Verify audit log',
    needs: ['verifyAuditLog'],
    run({ ws }) {
      const from = ws.ui.alerts.length;
      ws.callFunction('verifyAuditLog');
      const said = alertsSince(ws, from).join(' ');
      if (!/intact/.test(said)) throw new Error(`verifyAuditLog did not find the log intact: ${said.slice(0, 300)}`);
      return { note: said.replace(/^.*?: /, '').slice(0, 60) };
    },
  },
];

export { COORDINATOR };
