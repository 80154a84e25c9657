/**
 * The register as the use cases see it: every case with its absence periods, and the school
 * calendar, read in three Sheet reads whatever the number of cases. The columns the add-on
 * works out for each case (school days missed, the 15-day point, the attendance code, what needs
 * action, problems with hand-typed cells) are computed here, in one place, for every use case
 * and the daily check.
 */
import { ABSENCE_PERIODS, CALENDAR, CASES } from '../../domain/schema';
import { SchoolCalendar, validateCalendarEntries } from '../../domain/calendar';
import { countAbsence, validatePeriods, type AbsenceCount, type AbsencePeriod } from '../../domain/schoolDays';
import { addDays, formatLongDate, isValidIso, maxIso, type IsoDate } from '../../domain/dates';
import { codeFor } from '../../domain/attendanceCodes';
import { isArrangement, isCaseStatus } from '../../domain/arrangements';
import { validateUpn } from '../../domain/upn';
import { validateEmail, validatePersonName } from '../../domain/validation';
import { isFormulaLike } from '../../domain/sanitise';
import type { RowValues, StoredRow } from '../../ports';
import type { AppContext } from '../context';

export interface CaseRecord {
  readonly rowNumber: number;
  readonly ref: string;
  readonly status: string;
  readonly pupilName: string;
  readonly upn: string;
  readonly yearGroup: string;
  readonly arrangement: string;
  readonly firstDay: string;
  readonly values: RowValues;
  /** This case's absence periods (from the Absence periods sheet, or its first day if none were recorded). */
  readonly periods: AbsencePeriod[];
}

export interface LoadedCalendar {
  readonly calendar: SchoolCalendar;
  /** Problems with the Calendar sheet, by row, in plain English. */
  readonly problems: string[];
}

export interface Register extends LoadedCalendar {
  readonly cases: CaseRecord[];
  readonly byRef: ReadonlyMap<string, CaseRecord>;
  readonly periodRows: StoredRow[];
}

const calendars = new WeakMap<AppContext, LoadedCalendar>();

/** The school calendar, read once per execution. */
export function loadCalendar(ctx: AppContext): LoadedCalendar {
  let loaded = calendars.get(ctx);
  if (!loaded) {
    const rows = ctx.readRecent(CALENDAR).map((r) => ({
      row: r.rowNumber, kind: r.values.kind, start: r.values.start, end: r.values.end, description: r.values.description,
    }));
    const checked = validateCalendarEntries(rows);
    loaded = {
      calendar: new SchoolCalendar(checked.entries),
      problems: checked.problems.filter((p) => p.severity === 'error').map((p) => `Calendar sheet: ${p.message}`),
    };
    calendars.set(ctx, loaded);
  }
  return loaded;
}

/** Every case and period: three reads (cases, periods, calendar). */
export function loadRegister(ctx: AppContext): Register {
  const { tables } = ctx.services;
  return registerOf(ctx, tables.readAll(CASES), tables.readAll(ABSENCE_PERIODS));
}

/**
 * One case and the pupil's other cases (cumulative counts and duplicates span them), with the
 * periods and the calendar: what one case's summary needs, without reading every case row. The
 * Case ref and UPN columns, then the pupil's rows: the same calls whatever the register's size.
 */
export function loadCaseRegister(ctx: AppContext, ref: string): Register {
  const { tables } = ctx.services;
  const wanted = String(ref ?? '').trim().toUpperCase();
  const index = tables.readColumns(CASES, ['ref', 'upn']);
  const own = index.find((r) => String(r.values.ref).trim() === wanted);
  const upn = own ? String(own.values.upn).trim().toUpperCase() : '';
  const rowNumbers = own ? index.filter((r) => r === own || (upn !== '' && String(r.values.upn).trim().toUpperCase() === upn)).map((r) => r.rowNumber) : [];
  return registerOf(ctx, tables.readRows(CASES, rowNumbers), tables.readAll(ABSENCE_PERIODS));
}

function registerOf(ctx: AppContext, caseRows: StoredRow[], periodRows: StoredRow[]): Register {
  const periodsByRef = new Map<string, AbsencePeriod[]>();
  for (const row of periodRows) {
    const ref = String(row.values.caseRef).trim();
    const start = String(row.values.start);
    const end = String(row.values.end);
    const list = periodsByRef.get(ref) ?? [];
    list.push({ start, end: end === '' ? null : end });
    periodsByRef.set(ref, list);
  }
  const cases = caseRows.map((row) => toCaseRecord(row, periodsByRef.get(String(row.values.ref).trim())));
  return {
    ...loadCalendar(ctx),
    cases,
    byRef: new Map(cases.map((c) => [c.ref, c])),
    periodRows,
  };
}

export function toCaseRecord(row: StoredRow, periods?: AbsencePeriod[]): CaseRecord {
  const v = row.values;
  const firstDay = String(v.firstDay);
  const closedOn = String(v.closedOn);
  return {
    rowNumber: row.rowNumber,
    ref: String(v.ref).trim(),
    status: String(v.status).trim(),
    pupilName: String(v.pupilName).trim(),
    upn: String(v.upn).trim().toUpperCase(),
    yearGroup: String(v.yearGroup).trim(),
    arrangement: String(v.arrangement).trim(),
    firstDay,
    values: v,
    // Without recorded periods, the case counts from its first day to the day before it closed.
    periods: periods && periods.length > 0 ? periods : [{ start: firstDay, end: isValidIso(closedOn) ? maxIso(firstDay, addDays(closedOn, -1)) : null }],
  };
}

/** Every absence period of a pupil across all their cases: cumulative counts span them. */
export function pupilPeriods(register: Register, upn: string): AbsencePeriod[] {
  return register.cases.filter((c) => c.upn === upn).flatMap((c) => c.periods);
}

/** Index of periods by UPN, for computing many cases at once without re-scanning. */
export function periodsByUpn(register: Register): Map<string, AbsencePeriod[]> {
  const out = new Map<string, AbsencePeriod[]>();
  for (const c of register.cases) {
    const list = out.get(c.upn) ?? [];
    list.push(...c.periods);
    out.set(c.upn, list);
  }
  return out;
}

export interface ContactState {
  readonly lastContact: IsoDate | '';
  readonly daysWithoutContact: number;
}

export interface CaseColumns {
  readonly values: Partial<RowValues>;
  readonly count: AbsenceCount;
  readonly problems: string[];
  readonly actions: string[];
}

/**
 * The add-on's columns for one case, from its periods (and the pupil's other periods this year),
 * the calendar, today and — when known — its contact state. Pure apart from settings.
 */
export function computeCaseColumns(
  ctx: AppContext,
  record: CaseRecord,
  allPupilPeriods: readonly AbsencePeriod[],
  calendar: SchoolCalendar,
  today: IsoDate,
  contact?: ContactState,
  duplicateOpenRefs: readonly string[] = [],
): CaseColumns {
  const threshold = ctx.settings.number('LA notification threshold (school days)');
  const flagAfter = ctx.settings.number('Flag after school days without contact');
  const v = record.values;
  const open = record.status === 'Open';
  const count = countAbsence(allPupilPeriods.length ? allPupilPeriods : record.periods, calendar, today, { threshold });
  const own = countAbsence(record.periods, calendar, today, { threshold });
  const problems = caseProblems(record, calendar, duplicateOpenRefs);

  const laNotifiedOn = String(v.laNotifiedOn);
  let laFlag = '';
  if (isValidIso(laNotifiedOn)) laFlag = `Told on ${formatLongDate(laNotifiedOn)}`;
  else if (count.fifteenDayReachedOn) laFlag = `Yes: reached ${formatLongDate(count.fifteenDayReachedOn)}`;
  else if (v.expectsFifteen === true) laFlag = 'Yes: expected to reach 15 days';
  else if (open && count.projectedFifteenDay) laFlag = `Not yet: day ${threshold} would be ${formatLongDate(count.projectedFifteenDay)}`;

  const actions: string[] = [];
  if (open) {
    if (laFlag.startsWith('Yes')) actions.push('Tell the LA (sickness return)');
    if (contact && contact.daysWithoutContact >= flagAfter) {
      actions.push(`Make contact: ${contact.daysWithoutContact} school day${contact.daysWithoutContact === 1 ? '' : 's'} without contact`);
    }
    if (record.arrangement === 'Not yet arranged' && own.consecutive >= 3) actions.push('Arrange education (work packs or online work)');
    const expectedReturn = String(v.expectedReturn);
    const stillAbsent = record.periods.some((p) => p.end === null);
    if (stillAbsent && isValidIso(expectedReturn) && expectedReturn < today) {
      actions.push(`Expected return (${formatLongDate(expectedReturn)}) has passed: record the return or a new date`);
    }
    if (!stillAbsent && record.arrangement === 'Reintegration') actions.push('Back in school: review the reintegration plan, and close the case when the pupil is back full time');
  }
  if (problems.length) actions.push('Fix the problems found');

  const values: Partial<RowValues> = {
    daysThisPeriod: own.consecutive,
    daysThisYear: count.cumulativeThisYear,
    fifteenDayOn: count.fifteenDayReachedOn ?? '',
    laFlag,
    attendanceCode: isArrangement(record.arrangement) ? codeFor(record.arrangement).code : '',
    nextAction: actions.join('; '),
    problems: problems.join(' '),
    checkedAt: ctx.now(),
  };
  if (contact) {
    values.lastContact = contact.lastContact;
    values.daysWithoutContact = open ? contact.daysWithoutContact : '';
  }
  return { values, count, problems, actions };
}

/** What Sheets shows in a cell whose formula failed: a formula typed into a cell is read back as its result. */
const SHEET_ERROR = /^#(NAME\?|REF!|N\/A|ERROR!|VALUE!|DIV\/0!|NUM!|NULL!|SPILL!|CALC!)$/;

/** What is wrong with a case row, typed by hand or not, in plain English. */
export function caseProblems(record: CaseRecord, calendar: SchoolCalendar, duplicateOpenRefs: readonly string[] = []): string[] {
  const v = record.values;
  const problems: string[] = [];
  if (!record.pupilName) problems.push('The pupil\u2019s name is missing.');
  else if (isFormulaLike(record.pupilName) || SHEET_ERROR.test(record.pupilName)) {
    problems.push(`The pupil\u2019s name looks like a formula${SHEET_ERROR.test(record.pupilName) ? ` (the cell shows ${record.pupilName})` : ''}: please type the name only.`);
  } else {
    const name = validatePersonName(record.pupilName, 'pupil\u2019s name');
    if (!name.ok) problems.push(name.message);
  }
  const upn = validateUpn(record.upn);
  if (!upn.ok) problems.push(upn.message);
  if (!isCaseStatus(record.status)) problems.push(`The status "${record.status}" is not one of Open or Closed.`);
  if (!isArrangement(record.arrangement)) problems.push(`The arrangement "${record.arrangement}" is not one of the arrangements on the Lists sheet.`);
  else if (record.status === 'Open' && record.arrangement === 'Closed') problems.push('The case is open but its arrangement is Closed: close the case from the sidebar, or choose its current arrangement.');
  else if (record.status === 'Closed' && record.arrangement !== 'Closed') problems.push(`The case is closed but its arrangement is "${record.arrangement}": use Closed, or record a new absence to reopen it.`);
  if (!isValidIso(record.firstDay)) problems.push('The first day of absence is missing or is not a date: enter it as DD/MM/YYYY.');
  const expectedReturn = String(v.expectedReturn);
  if (expectedReturn && !isValidIso(expectedReturn)) problems.push('The expected return is not a date: enter it as DD/MM/YYYY, or leave it blank.');
  else if (isValidIso(expectedReturn) && isValidIso(record.firstDay) && expectedReturn < record.firstDay) {
    problems.push(`The expected return, ${formatLongDate(expectedReturn)}, is before the first day of absence, ${formatLongDate(record.firstDay)}.`);
  }
  const parentEmail = String(v.parentEmail).trim();
  if (parentEmail) {
    const email = validateEmail(parentEmail, 'parent/carer email');
    if (!email.ok) problems.push(email.message);
  }
  const lead = String(v.lead).trim();
  if (lead) {
    const email = validateEmail(lead, 'lead member of staff\u2019s email');
    if (!email.ok) problems.push(email.message);
  }
  if (isValidIso(record.firstDay)) {
    for (const p of validatePeriods(record.periods, calendar)) if (p.severity === 'error' || /no term dates/.test(p.message)) problems.push(p.message);
  }
  if (duplicateOpenRefs.length) problems.push(`Another case is open for this pupil (${duplicateOpenRefs.join(', ')}): close one of them.`);
  return [...new Set(problems)];
}

/** Open cases per UPN, to report a pupil with two open cases. */
export function openCasesByUpn(register: Register): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of register.cases) {
    if (c.status !== 'Open' || !c.upn) continue;
    out.set(c.upn, [...(out.get(c.upn) ?? []), c.ref]);
  }
  return out;
}
