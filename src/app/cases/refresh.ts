/**
 * Checking the whole register: every case's columns worked out again (school days missed, the
 * 15-day point, the code, what needs action) and every row checked, with what is wrong written to
 * "Problems found". A case typed straight into the sheet without a Case ref is accepted properly:
 * it is given a ref and an absence period, and the audit log says it was added by hand.
 *
 * Cost: the register's three reads, then one batched update of the Cases sheet, one append of
 * periods and history for any hand-typed cases, and one audit append, whatever the number of cases.
 */
import { ABSENCE_PERIODS, CASES } from '../../domain/schema';
import { isValidIso } from '../../domain/dates';
import type { AbsencePeriod } from '../../domain/schoolDays';
import type { RowChange, RowValues } from '../../ports';
import type { AppContext } from '../context';
import { recordAudit, type AuditEntry } from '../audit';
import {
  computeCaseColumns,
  loadRegister,
  openCasesByUpn,
  periodsByUpn,
  type CaseRecord,
  type ContactState,
  type Register,
} from './register';
import { allocateCaseRefs, recordFrom, recordHistory, storedContactState, withRegisterLock, type HistoryEvent } from './caseStore';

export interface RefreshResult {
  /** The Cases sheet changes, for the caller to write in one update. */
  readonly changes: RowChange[];
  /** Plain-English problems: the calendar's, then each case's, naming the case. */
  readonly problems: string[];
  /** Refs given to cases typed in by hand during this run. */
  readonly adopted: string[];
  /** The register with adopted cases and their periods in place. */
  readonly register: Register;
  /** Open cases whose "Needs action" is not empty. */
  readonly needingAction: number;
}

/**
 * Works out every case's columns. Call it holding the document lock (see withRegisterLock): a case
 * typed in by hand is given its ref here, and its absence period, history and audit entry are
 * written here. The Cases sheet itself is not written: the caller writes `changes` in one update
 * (the daily check merges them with its own). `contactStates`, when given, replaces each case's
 * last contact and school days without contact; otherwise the values on the sheet are kept.
 */
export function refreshCaseColumns(ctx: AppContext, register: Register, contactStates?: ReadonlyMap<string, ContactState>): RefreshResult {
  const adoption = adoptHandTypedCases(ctx, register);
  const current = adoption.register;
  const today = ctx.today();
  const byUpn = periodsByUpn(current);
  const openByUpn = openCasesByUpn(current);
  const changes: RowChange[] = [];
  const problems = [...current.problems];
  let needingAction = 0;
  for (const record of current.cases) {
    const duplicates = record.status === 'Open' ? (openByUpn.get(record.upn) ?? []).filter((r) => r !== record.ref) : [];
    const contact = contactStates?.get(record.ref) ?? storedContactState(record);
    const columns = computeCaseColumns(ctx, record, byUpn.get(record.upn) ?? record.periods, current.calendar, today, contact, duplicates);
    changes.push({ rowNumber: record.rowNumber, values: { ...(adoption.rowValues.get(record.rowNumber) ?? {}), ...columns.values } });
    if (columns.problems.length) problems.push(`${record.ref || `Row ${record.rowNumber}`} (${record.pupilName || 'no name'}): ${columns.problems.join(' ')}`);
    if (record.status === 'Open' && columns.actions.length) needingAction += 1;
  }
  return { changes, problems, adopted: adoption.adopted, register: current, needingAction };
}

/** "Check the register now": refresh every case and write the columns in one batched update. */
export function refreshRegister(ctx: AppContext): RefreshResult & { summary: string } {
  ctx.authorise('checks.run');
  const result = withRegisterLock(ctx, () => {
    const refreshed = refreshCaseColumns(ctx, loadRegister(ctx));
    ctx.services.tables.update(CASES, refreshed.changes);
    return refreshed;
  });
  const settingsProblems = ctx.settings.parsed.problems;
  const open = result.register.cases.filter((c) => c.status === 'Open').length;
  const lines = [
    `Checked ${result.register.cases.length} case${result.register.cases.length === 1 ? '' : 's'} (${open} open): ${result.needingAction} need${result.needingAction === 1 ? 's' : ''} action.`,
  ];
  if (result.adopted.length) lines.push(`Cases typed in by hand were given refs: ${result.adopted.join(', ')}.`);
  const allProblems = [...settingsProblems, ...result.problems];
  if (allProblems.length === 0) lines.push('No problems found.');
  else {
    lines.push(`Problems found (${allProblems.length}); they are also in the "Problems found" column of the Cases sheet:`);
    lines.push(...allProblems.slice(0, 15).map((p) => `\u2022 ${p}`));
    if (allProblems.length > 15) lines.push(`\u2026 and ${allProblems.length - 15} more.`);
  }
  return { ...result, summary: lines.join('\n') };
}

interface Adoption {
  readonly register: Register;
  readonly adopted: string[];
  /** Row number → cells to write for adopted cases (ref, defaults for blank required cells). */
  readonly rowValues: Map<number, Partial<RowValues>>;
}

/**
 * Rows with no Case ref but a pupil or UPN are cases typed in by hand: each gets a ref, 'Open'
 * and 'Not yet arranged' where those cells are blank, the date it was found as its opening date,
 * and an absence period from its first day. A case with a ref but no period (its first day was
 * not a date when it was adopted) gets its period once the first day can be read.
 */
function adoptHandTypedCases(ctx: AppContext, register: Register): Adoption {
  const rowValues = new Map<number, Partial<RowValues>>();
  const handTyped = register.cases.filter((c) => !c.ref && (c.pupilName || c.upn));
  const refs = allocateCaseRefs(ctx, register.cases.map((c) => c.ref), handTyped.length);
  const today = ctx.today();
  const recorded = new Set(register.periodRows.map((r) => String(r.values.caseRef).trim()));
  const periodRows: RowValues[] = [];
  const history: HistoryEvent[] = [];
  const audit: AuditEntry[] = [];
  const replaced = new Map<number, CaseRecord>();

  handTyped.forEach((record, i) => {
    const ref = refs[i];
    const cells: Partial<RowValues> = { ref, openedOn: today };
    if (!record.status) cells.status = 'Open';
    if (!record.arrangement) cells.arrangement = 'Not yet arranged';
    rowValues.set(record.rowNumber, cells);
    const values = { ...record.values, ...cells } as RowValues;
    replaced.set(record.rowNumber, recordFrom(record.rowNumber, values, record.periods));
    history.push({ caseRef: ref, date: today, event: 'Case added by hand', detail: 'Typed into the Cases sheet; given its ref by the register check.' });
    audit.push({
      action: 'Case added by hand', caseRef: ref, before: '',
      after: `pupil: ${record.pupilName}; upn: ${record.upn}; firstDay: ${record.firstDay}; status: ${values.status}; arrangement: ${values.arrangement}`,
    });
  });

  for (const record of register.cases) {
    const current = replaced.get(record.rowNumber) ?? record;
    if (!current.ref || recorded.has(current.ref) || !isValidIso(current.firstDay)) continue;
    const period: AbsencePeriod = current.periods[0];
    periodRows.push({ caseRef: current.ref, start: period.start, end: period.end ?? '', note: 'Added by the register check' });
    recorded.add(current.ref);
  }

  if (handTyped.length === 0 && periodRows.length === 0) return { register, adopted: [], rowValues };
  const { tables } = ctx.services;
  const periodNumbers = tables.append(ABSENCE_PERIODS, periodRows);
  recordHistory(ctx, history);
  recordAudit(ctx, audit);
  const cases = register.cases.map((c) => replaced.get(c.rowNumber) ?? c);
  return {
    register: {
      ...register,
      cases,
      byRef: new Map(cases.map((c) => [c.ref, c])),
      periodRows: [...register.periodRows, ...periodRows.map((values, i) => ({ rowNumber: periodNumbers[i], values }))],
    },
    adopted: refs,
    rowValues,
  };
}
