/**
 * The anonymous facts the governors' report and the dashboard are built from, read from the
 * register in a fixed number of sheet reads. Names, UPNs, dates of birth and case dates stop
 * here: what leaves this file is terms, counts and school-day numbers.
 */
import { CONTACT_COMPLIANCE, LA_PROVISION, REINTEGRATION_PLANS, WORK_SET } from '../../domain/schema';
import { academicYearOf, addDays, isValidIso, type AcademicYear, type IsoDate } from '../../domain/dates';
import { countAbsence } from '../../domain/schoolDays';
import { termOf, type PolicyLine, type ReportCase, type ReportInput } from '../../domain/la/governorsReport';
import { LA_SETTING } from '../../domain/la/settings';
import type { StoredRow } from '../../ports';
import type { AppContext } from '../context';
import { loadRegister, pupilPeriods } from '../cases/register';
import { text } from '../la/common';
import { policyStates } from './policyReview';

function byCase(rows: readonly StoredRow[]): Map<string, StoredRow[]> {
  const out = new Map<string, StoredRow[]>();
  for (const r of rows) {
    const ref = text(r.values.caseRef);
    out.set(ref, [...(out.get(ref) ?? []), r]);
  }
  return out;
}

export function reportInput(ctx: AppContext, today: IsoDate = ctx.today()): { input: ReportInput; year: AcademicYear } {
  const year = academicYearOf(today);
  const register = loadRegister(ctx);
  const { tables } = ctx.services;
  const provision = byCase(tables.readAll(LA_PROVISION));
  const work = byCase(tables.readAll(WORK_SET));
  const plans = byCase(tables.readAll(REINTEGRATION_PLANS));
  const compliance = new Map(tables.readAll(CONTACT_COMPLIANCE).map((r) => [text(r.values.caseRef), r.values]));
  const threshold = ctx.settings.number('LA notification threshold (school days)');
  const cases: ReportCase[] = [];
  const pupils = new Set<string>();
  for (const record of register.cases) {
    if (!record.ref || !isValidIso(record.firstDay)) continue;
    const closedOn = text(record.values.closedOn);
    // A case belongs to the year if any of it falls inside the year.
    if (record.firstDay > year.end || (isValidIso(closedOn) && closedOn < year.start)) continue;
    pupils.add(record.upn);
    const own = countAbsence(record.periods, register.calendar, today, { threshold });
    const all = countAbsence(pupilPeriods(register, record.upn), register.calendar, today, { threshold });
    const fifteen = all.fifteenDayReachedOn;
    const current = (provision.get(record.ref) ?? []).map((r) => r.values).filter((v) => isValidIso(text(v.startDate)));
    const start = current.map((v) => text(v.startDate)).sort()[0];
    const planRows = (plans.get(record.ref) ?? []).map((r) => r.values);
    const c = compliance.get(record.ref);
    const workRows = (work.get(record.ref) ?? []).map((r) => r.values).filter((w) => text(w.dateSet) >= year.start);
    cases.push({
      term: termOf(record.firstDay < year.start ? year.start : record.firstDay),
      daysMissed: own.schoolDaysMissed.filter((d) => d >= year.start && d <= year.end).length,
      reachedFifteen: fifteen !== null,
      laTold: isValidIso(text(record.values.laNotifiedOn)),
      laProvision: start !== undefined,
      daysToProvision: fifteen && start ? register.calendar.countSchoolDays(addDays(fifteen, 1), start) : null,
      contact: c ? { schoolDays: Number(c.schoolDays) || 0, made: Number(c.made) || 0, attempted: Number(c.attempted) || 0 } : null,
      workSet: workRows.length,
      workReturned: workRows.filter((w) => isValidIso(text(w.returned))).length,
      outcome: planRows.length ? text(planRows[planRows.length - 1].outcome) || 'In progress' : '',
    });
  }
  const policies: PolicyLine[] = policyStates(ctx).map((s) => ({
    policy: s.policy, lastReviewed: text(s.row.values.lastReviewed), lastApproved: text(s.row.values.approvedOn), nextDue: s.due,
  }));
  return {
    year,
    input: {
      schoolName: ctx.settings.text('School name'),
      yearLabel: year.label,
      generatedOn: today,
      smallNumber: ctx.settings.number(LA_SETTING.smallNumber),
      pupils: pupils.size,
      cases,
      policies,
    },
  };
}
