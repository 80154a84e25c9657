/**
 * The daily check: "Daily contact will be sought for each day of the absence." Each morning (and
 * whenever a coordinator asks) it copies any Form responses still waiting, works out for every
 * open case which school days had contact made, only attempted, or none, brings every case's
 * columns up to date, keeps the Form's pupil list in step, and emails the coordinator one short
 * list of pupils to call today: names, years and case links, never health details.
 *
 * Cost, whatever the size of the register: each sheet is read once (Settings, Cases, Absence
 * periods, Calendar, the responses waiting, Contact log) and written once (the Cases columns in
 * one update, Contact compliance in one replace, the logs in one append each when anything new
 * arrived), plus at most four FormApp calls when the open cases changed and one email.
 */
import { CASES, CONTACT_COMPLIANCE } from '../../domain/schema';
import { formatLongDate, type IsoDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import type { RowChange, RowValues } from '../../ports';
import type { AppContext } from '../context';
import { loadRegister, type ContactState, type Register } from '../cases/register';
import { refreshCaseColumns } from '../cases/refresh';
import { KEY } from './keys';
import { caseInfo, casesLastRowHint, complianceUpTo, type CaseLookup } from './contactRecords';
import { SWEEP_BATCH, sweepFormResponses, type SweepResult } from './formResponses';
import { assessCase, contactsByCase, forgetContacts } from './caseContacts';
import { linkChanges, openCaseChoices, syncPupilChoices } from './formSetup';
import { composeDigest, type DigestLine } from './digest';
import { laReminders, LA_DAILY_TASK } from '../la/laChecks';
import { TRUST_DAILY_TASK } from '../trust/dailyTrustCheck';
import { STAFF_ACCESS_DAILY_TASK } from '../access/staffAccessTask';
import { contactRecordAnchor, contactRecordCells } from './summaryContacts';

/** Other areas' once-a-day work joins here: an editor add-on may have only one timed trigger per user and document. */
export interface DailyTask {
  readonly name: string;
  /** Runs holding the document lock, after the contact check; returns lines for the report. */
  run(ctx: AppContext, register: Register): string[];
}

export const DAILY_TASKS: DailyTask[] = [
  TRUST_DAILY_TASK,
  LA_DAILY_TASK,
  STAFF_ACCESS_DAILY_TASK,
  // Other areas' daily tasks register here.
];

const LOCK_MS = 120_000;
const MAX_MISSING_LISTED = 20;

export interface DailyCheckReport {
  readonly ran: boolean;
  readonly summary: string;
  readonly openCases: number;
  readonly needingCall: number;
  readonly digestSentTo: string;
}

/**
 * `how` says who asked: a trigger (nobody watching: problems are logged and emailed) or a person
 * (problems are shown to them).
 */
export function runDailyCheck(ctx: AppContext, how: 'trigger' | 'person'): DailyCheckReport {
  const { triggers, state } = ctx.services;
  if (how === 'trigger' && triggers.needsReauthorisation()) return askForReauthorisation(ctx);

  let casesLastRow = 0;
  const result = ctx.services.lock.withLock(LOCK_MS, () => checkHoldingLock(ctx, (n) => { casesLastRow = n; }));
  if (!result.ok) {
    const message = 'The daily check could not start because the register was busy for two minutes. It will try again tomorrow; choose Run daily check now to run it sooner.';
    if (how === 'person') throw new UserFacingError(message);
    console.warn(message);
    return { ran: false, summary: message, openCases: 0, needingCall: 0, digestSentTo: '' };
  }
  // With the anchor saying which Contact log rows the compliance sheet's contact records include.
  // And the Cases sheet's last row, so a form submission finds its case without asking (contactRecords).
  state.set({ [KEY.lastDailyCheck]: ctx.now().toISOString(), ...contactRecordAnchor(ctx), ...(casesLastRow >= 2 ? casesLastRowHint(casesLastRow) : {}) });
  return result.value;
}

function checkHoldingLock(ctx: AppContext, sawCasesUpTo: (lastRow: number) => void): DailyCheckReport {
  const { tables } = ctx.services;
  const lines: string[] = [];
  const register = loadRegister(ctx);
  sawCasesUpTo(register.cases.reduce((max, c) => Math.max(max, c.rowNumber), 0));
  const lookup: CaseLookup = (refs) => {
    const out = new Map<string, ReturnType<typeof caseInfo>>();
    for (const ref of refs) {
      const record = register.byRef.get(ref);
      if (record) out.set(ref, caseInfo(record.rowNumber, record.values));
    }
    return out;
  };
  const swept: SweepResult = sweepFormResponses(ctx, { maxRows: SWEEP_BATCH, lookup, updateCases: false });
  if (swept.logged.length || swept.unmatched.length) {
    forgetContacts(ctx);
    lines.push(`Copied ${plural(swept.logged.length, 'Form response')} to the Contact log${swept.unmatched.length ? `; ${plural(swept.unmatched.length, 'response')} named no open case and wait on the Unmatched contacts sheet` : ''}.`);
  }
  if (swept.more) lines.push('More Form responses are waiting than one check copies; the rest follow with the next submission or check.');

  const today = ctx.today();
  const upTo = complianceUpTo(ctx);
  const flagAfter = ctx.settings.number('Flag after school days without contact');
  const contacts = contactsByCase(ctx);
  const states = new Map<string, ContactState>();
  const complianceRows: RowValues[] = [];
  const needingCall: Array<DigestLine & { days: number }> = [];
  const checkedAt = ctx.now();
  for (const record of register.cases) {
    if (!record.ref) continue;
    if (record.status !== 'Open') {
      const dates = (contacts.get(record.ref) ?? []).map((r) => String(r.values.date)).sort();
      states.set(record.ref, { lastContact: dates[dates.length - 1] ?? '', daysWithoutContact: 0 });
      continue;
    }
    const { days, summary, state } = assessCase(ctx, record, register, upTo);
    states.set(record.ref, state);
    const latestMissing = [...summary.missingDays].reverse();
    complianceRows.push({
      caseRef: record.ref,
      pupilName: record.pupilName,
      yearGroup: record.yearGroup,
      schoolDays: days.length,
      made: summary.made,
      attempted: summary.attempted,
      missing: summary.missing,
      lastContact: state.lastContact,
      daysWithoutContact: state.daysWithoutContact,
      missingDays: latestMissing.slice(0, MAX_MISSING_LISTED).map(formatLongDate).join(', ') +
        (latestMissing.length > MAX_MISSING_LISTED ? `, and ${latestMissing.length - MAX_MISSING_LISTED} earlier` : ''),
      checkedAt,
      ...contactRecordCells(contacts.get(record.ref)),
    });
    if (state.daysWithoutContact >= flagAfter) {
      needingCall.push({ ref: record.ref, pupilName: record.pupilName, yearGroup: record.yearGroup, rowNumber: record.rowNumber, days: state.daysWithoutContact, lastContact: state.lastContact });
    }
  }

  const refreshed = refreshCaseColumns(ctx, register, states);
  const choices = openCaseChoices(refreshed.register.cases.map((c) => ({ rowNumber: c.rowNumber, values: c.values })));
  if (syncPupilChoices(ctx, choices)) lines.push('The contact Form\u2019s pupil list now matches the open cases.');
  const changes = mergeChanges(refreshed.changes, linkChanges(ctx, refreshed.register.cases.map((c) => ({ rowNumber: c.rowNumber, values: c.values })), choices));
  if (changes.length) tables.update(CASES, changes);
  tables.replaceAll(CONTACT_COMPLIANCE, complianceRows);

  const open = complianceRows.length;
  lines.unshift(`Checked contact for ${plural(open, 'open case')}: ${needingCall.length ? `${plural(needingCall.length, 'pupil')} to contact today` : 'every pupil has been contacted'}${upTo < today ? ' (today is counted from the afternoon)' : ''}.`);
  if (refreshed.adopted.length) lines.push(`Cases typed in by hand were given refs: ${refreshed.adopted.join(', ')}.`);

  for (const task of DAILY_TASKS) {
    try {
      lines.push(...task.run(ctx, refreshed.register));
    } catch (error) {
      // One area's failure must not stop the contact check or the digest.
      console.error(`Daily task "${task.name}" failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      lines.push(`${task.name}: could not be done today (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  let reminders: ReturnType<typeof laReminders> = [];
  try {
    reminders = laReminders(ctx, refreshed.register, today);
  } catch (error) {
    console.error(`LA reminders failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
  const digestSentTo = sendDigest(ctx, register, today, needingCall, lines, reminders);
  return { ran: true, summary: lines.join('\n'), openCases: open, needingCall: needingCall.length, digestSentTo };
}

/** refreshCaseColumns gives one change per case; the links join them so the Cases sheet is written once. */
function mergeChanges(base: readonly RowChange[], extra: readonly RowChange[]): RowChange[] {
  const byRow = new Map<number, Record<string, unknown>>();
  for (const change of [...base, ...extra]) byRow.set(change.rowNumber, { ...(byRow.get(change.rowNumber) ?? {}), ...change.values });
  return [...byRow.entries()].map(([rowNumber, values]) => ({ rowNumber, values: values as RowChange['values'] }));
}

/**
 * One email a day at most, only on a school day, only when someone needs a call. The subject
 * names no pupil; the body names pupils and links to their row, nothing about their health.
 */
function sendDigest(ctx: AppContext, register: Register, today: IsoDate, needingCall: ReadonlyArray<DigestLine & { days: number }>, lines: string[], reminders: ReturnType<typeof laReminders> = []): string {
  const { state, mailer, tables, spreadsheet } = ctx.services;
  if (needingCall.length === 0 && reminders.length === 0) return '';
  if (!register.calendar.isSchoolDay(today)) {
    lines.push('No digest today: the school is closed.');
    return '';
  }
  if (state.get(KEY.digestSentOn) === today) {
    lines.push('The digest was already sent today, so it was not sent again.');
    return '';
  }
  const to = ctx.settings.text('Coordinator email') || ctx.coordinators()[0] || '';
  if (!to) {
    lines.push('No digest was sent: the "Coordinator email" setting is blank.');
    return '';
  }
  if (mailer.remainingDailyQuota() < 1) {
    lines.push('No digest was sent: the add-on has used its email allowance for today.');
    return '';
  }
  const sorted = [...needingCall].sort((a, b) => b.days - a.days || a.pupilName.localeCompare(b.pupilName));
  const mail = composeDigest({
    to,
    schoolName: ctx.settings.text('School name'),
    today,
    casesUrl: tables.sheetUrl(CASES),
    registerUrl: spreadsheet.url,
    // From the sheet id kept in document properties: no extra call, whatever the digest holds.
    complianceUrl: complianceSheetUrl(spreadsheet.url, state.get(`sheet.${CONTACT_COMPLIANCE.key}`)),
    lines: sorted,
    reminders,
  });
  mailer.send(mail);
  state.set({ [KEY.digestSentOn]: today });
  lines.push(`The digest went to ${to}.`);
  return to;
}

/**
 * Google's advice for add-on triggers: when the user must authorise the add-on again, tell them,
 * at most once a day, and do nothing else (code needing the missing permission would fail).
 */
function askForReauthorisation(ctx: AppContext): DailyCheckReport {
  const { state, triggers, identity, mailer } = ctx.services;
  const today = ctx.today();
  const to = identity.effectiveUserEmail();
  const summary = 'The daily check did not run: the add-on needs to be authorised again.';
  if (to && state.get(KEY.reauthMailedOn) !== today) {
    const url = triggers.authorisationUrl();
    mailer.send({
      to,
      subject: 'Health Needs Register: please authorise the add-on again',
      body: [
        'The Health Needs Register add-on needs your permission again before its daily check can run.',
        '',
        `Open this link and follow the steps: ${url}`,
        'Or open the register and choose Extensions \u203a Health Needs Register \u203a Open sidebar.',
        '',
        'Until then, contacts logged on the Form wait on the responses sheet; nothing is lost.',
      ].join('\n'),
    });
    state.set({ [KEY.reauthMailedOn]: today });
  }
  console.warn(summary);
  return { ran: false, summary, openCases: 0, needingCall: 0, digestSentTo: '' };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function complianceSheetUrl(registerUrl: string, sheetId: string | null): string {
  return sheetId ? `${registerUrl}#gid=${sheetId}` : registerUrl;
}
