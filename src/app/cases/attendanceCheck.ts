/**
 * "Attendance check for this week": the add-on cannot write the MIS register, so it lists, for each
 * school day so far this week on which a pupil with an open case was away, the 2024 code the MIS
 * should show, for the attendance officer to check. The sheet is rebuilt in one write; ticks and
 * notes the officer already made for the same pupil and day are carried over.
 */
import { ATTENDANCE_CHECK } from '../../domain/schema';
import { weeklyReconciliation, type ReconciliationCase } from '../../domain/attendanceCodes';
import { isArrangement } from '../../domain/arrangements';
import { addDays, formatLongDate, minIso, weekday, type IsoDate } from '../../domain/dates';
import type { RowValues } from '../../ports';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { loadRegister } from './register';
import { withRegisterLock } from './caseStore';

export interface AttendanceCheckResult {
  readonly weekStart: IsoDate;
  readonly rows: number;
  readonly summary: string;
  readonly url: string;
}

/** The Monday of the week containing the date. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function buildAttendanceCheck(ctx: AppContext): AttendanceCheckResult {
  ctx.authorise('checks.run');
  const today = ctx.today();
  const weekStart = mondayOf(today);
  return withRegisterLock(ctx, () => {
    const register = loadRegister(ctx);
    const skipped: string[] = [];
    const cases: ReconciliationCase[] = [];
    for (const c of register.cases) {
      if (c.status !== 'Open') continue;
      if (!isArrangement(c.arrangement)) {
        skipped.push(`${c.ref || `Row ${c.rowNumber}`} (${c.pupilName}): the arrangement "${c.arrangement}" is not one the add-on knows.`);
        continue;
      }
      // Days after today have no register marks yet, so they are not listed.
      const periods = c.periods;
      cases.push({
        ref: c.ref, pupilName: c.pupilName, yearGroup: c.yearGroup, arrangement: c.arrangement,
        absentOn: (iso) => iso <= today && periods.some((p) => p.start <= iso && (p.end === null || iso <= p.end)),
      });
    }
    const rows = weeklyReconciliation(cases, weekStart, (iso) => register.calendar.isSchoolDay(iso));
    const { tables } = ctx.services;
    const kept = new Map(tables.readAll(ATTENDANCE_CHECK).map((r) => [`${r.values.caseRef}|${r.values.date}`, r.values]));
    const builtAt = ctx.now();
    const arrangementOf = new Map(cases.map((c) => [c.ref, c.arrangement]));
    const out: RowValues[] = rows.map((r) => {
      const before = kept.get(`${r.ref}|${r.date}`);
      return {
        date: r.date, caseRef: r.ref, pupilName: r.pupilName, yearGroup: r.yearGroup, arrangement: arrangementOf.get(r.ref) ?? '',
        expectedCode: r.expectedCode, guidance: r.note, misChecked: before?.misChecked === true,
        officerNote: String(before?.officerNote ?? ''), builtAt,
      };
    });
    tables.replaceAll(ATTENDANCE_CHECK, out);
    recordAudit(ctx, [{ action: 'Attendance check built', after: `Week of ${formatLongDate(weekStart)}: ${out.length} day(s) to check.` }]);
    const through = minIso(addDays(weekStart, 6), today);
    const lines = [
      out.length
        ? `The "Attendance check" sheet lists ${out.length} pupil-day${out.length === 1 ? '' : 's'} from ${formatLongDate(weekStart)} to ${formatLongDate(through)}. Check each against the MIS register and tick "MIS checked".`
        : `No pupil with an open case was away on a school day from ${formatLongDate(weekStart)} to ${formatLongDate(through)}: nothing to check.`,
      'Remote or virtual lessons at home are absence (I), never B.',
      ...skipped.map((s) => `Not listed: ${s}`),
    ];
    return { weekStart, rows: out.length, summary: lines.join('\n'), url: tables.sheetUrl(ATTENDANCE_CHECK) };
  });
}
