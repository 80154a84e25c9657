/**
 * What the sidebar shows for a case: a list line (no health detail, ever), the summary's core
 * (health fields only for roles allowed to see them) and, fetched separately, the other areas'
 * sections. The contacts area fills compliance and recent contacts through
 * CASE_SUMMARY_CONTRIBUTORS; the work, letters and LA areas add `sections` through
 * CASE_SECTION_CONTRIBUTORS, which only getCaseSections calls, so the sidebar's first view of a
 * case reads none of their sheets.
 */
import type { AttendanceAdvice, CaseListItem, CaseSections, CaseSummary } from '../../shared/api';
import { codeFor } from '../../domain/attendanceCodes';
import { isArrangement } from '../../domain/arrangements';
import { isValidIso } from '../../domain/dates';
import type { AppContext } from '../context';
import type { CaseColumns, CaseRecord, Register } from './register';
import { columnsFor } from './caseStore';
import { CONTACT_SUMMARY } from '../contacts/caseSummary';
import { WORK_AND_LETTERS_SUMMARY } from '../work/caseSummary';
import { LA_SUMMARY } from '../la/caseSummary';

/**
 * The hook point for other areas. Each contributor is called once per summary with the case and
 * the register already loaded; it returns the fields it owns. It must keep its own Sheet calls
 * fixed in number (no call per case or per contact).
 */
export interface CaseSummaryContributor {
  readonly name: string;
  contribute(ctx: AppContext, record: CaseRecord, register: Register, summary: CaseSummary): CaseSummaryContribution;
}

export type CaseSummaryContribution = Partial<Pick<CaseSummary,
  'compliance' | 'recentContacts' | 'lastContact' | 'daysWithoutContact' | 'contactFormLink' | 'nextActions'>> & {
  readonly sections?: Readonly<Record<string, unknown>>;
};

/** The core: what the sidebar shows at once. Each must keep to a fixed, small number of Sheet calls. */
export const CASE_SUMMARY_CONTRIBUTORS: CaseSummaryContributor[] = [
  CONTACT_SUMMARY,
];

/** The other areas' sections, loaded right after the core (getCaseSections). */
export const CASE_SECTION_CONTRIBUTORS: CaseSummaryContributor[] = [
  WORK_AND_LETTERS_SUMMARY,
  LA_SUMMARY,
  // Other areas' section contributors register here.
];

export function attendanceAdvice(arrangement: string): AttendanceAdvice {
  if (!isArrangement(arrangement)) {
    return { code: '', meaning: '', advice: `The arrangement "${arrangement}" is not one the add-on knows, so it cannot say which code applies. Choose one of the listed arrangements.` };
  }
  const advice = codeFor(arrangement);
  return { code: advice.code, meaning: advice.meaning, advice: advice.advice };
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function isoOrBlank(value: unknown): string {
  const v = text(value);
  return isValidIso(v) ? v : '';
}

export function caseListItem(record: CaseRecord, columns: CaseColumns): CaseListItem {
  const v = { ...record.values, ...columns.values };
  return {
    ref: record.ref,
    pupilName: record.pupilName,
    yearGroup: record.yearGroup,
    status: record.status,
    arrangement: record.arrangement,
    daysThisYear: typeof v.daysThisYear === 'number' ? v.daysThisYear : 0,
    laFlag: text(v.laFlag),
    lastContact: isoOrBlank(v.lastContact),
    daysWithoutContact: typeof v.daysWithoutContact === 'number' ? v.daysWithoutContact : 0,
    nextAction: text(v.nextAction),
  };
}

/** The full summary of one case, from the register already loaded (no further reads of its own). */
export function summariseCase(ctx: AppContext, register: Register, record: CaseRecord, columns = columnsFor(ctx, register, record)): CaseSummary {
  let summary = baseSummary(ctx, record, columns);
  for (const contributor of CASE_SUMMARY_CONTRIBUTORS) {
    const part = contributor.contribute(ctx, record, register, summary);
    const sections = part.sections ? { ...(summary.sections ?? {}), ...part.sections } : summary.sections;
    summary = { ...summary, ...part, ...(sections ? { sections } : {}) };
  }
  return summary;
}

function baseSummary(ctx: AppContext, record: CaseRecord, columns: CaseColumns): CaseSummary {
  const v = { ...record.values, ...columns.values };
  return {
    ...caseListItem(record, columns),
    upn: record.upn,
    dateOfBirth: isoOrBlank(v.dateOfBirth),
    formGroup: text(v.formGroup),
    parentName: text(v.parentName),
    parentEmail: text(v.parentEmail),
    parentPhone: text(v.parentPhone),
    ...(ctx.may('health.view') ? { healthNeed: text(v.healthNeed), healthDetail: text(v.healthDetail) } : {}),
    firstDay: record.firstDay,
    expectedReturn: isoOrBlank(v.expectedReturn),
    expectsFifteen: v.expectsFifteen === true,
    lead: text(v.lead),
    daysThisPeriod: typeof v.daysThisPeriod === 'number' ? v.daysThisPeriod : 0,
    fifteenDayOn: isoOrBlank(v.fifteenDayOn),
    projectedFifteenDay: record.status === 'Open' ? columns.count.projectedFifteenDay ?? '' : '',
    laNotifiedOn: isoOrBlank(v.laNotifiedOn),
    attendance: attendanceAdvice(record.arrangement),
    periods: record.periods.map((p) => ({ start: p.start, end: p.end ?? '' })),
    contactFormLink: text(v.contactFormLink),
    compliance: [],
    recentContacts: [],
    nextActions: columns.actions,
  };
}

/** The other areas' sections of one case (work set, letters, LA and reintegration), from the register already loaded. */
export function caseSections(ctx: AppContext, register: Register, record: CaseRecord): CaseSections {
  const summary = summariseCoreOnly(ctx, register, record);
  let sections: Record<string, unknown> = {};
  for (const contributor of CASE_SECTION_CONTRIBUTORS) {
    const part = contributor.contribute(ctx, record, register, summary);
    if (part.sections) sections = { ...sections, ...part.sections };
  }
  return { ref: record.ref, sections };
}

/** The summary's own fields, without any contributor (what section contributors are handed). */
function summariseCoreOnly(ctx: AppContext, register: Register, record: CaseRecord): CaseSummary {
  return baseSummary(ctx, record, columnsFor(ctx, register, record));
}
