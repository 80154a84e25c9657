/**
 * What the sidebar shows for a case: a list line (no health detail, ever) and the full summary
 * (health fields only for roles allowed to see them). Other areas add their parts through
 * CASE_SUMMARY_CONTRIBUTORS: the contacts area fills compliance and recent contacts, later areas
 * add `sections`.
 */
import type { AttendanceAdvice, CaseListItem, CaseSummary } from '../../shared/api';
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

export const CASE_SUMMARY_CONTRIBUTORS: CaseSummaryContributor[] = [
  CONTACT_SUMMARY,
  WORK_AND_LETTERS_SUMMARY,
  LA_SUMMARY,
  // Other areas' summary contributors register here.
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
  const v = { ...record.values, ...columns.values };
  let summary: CaseSummary = {
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
  for (const contributor of CASE_SUMMARY_CONTRIBUTORS) {
    const part = contributor.contribute(ctx, record, register, summary);
    const sections = part.sections ? { ...(summary.sections ?? {}), ...part.sections } : summary.sections;
    summary = { ...summary, ...part, ...(sections ? { sections } : {}) };
  }
  return summary;
}
