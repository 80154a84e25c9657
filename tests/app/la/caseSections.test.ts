/**
 * The case's sections (fetched by the sidebar right after the summary's core) and the chronology
 * carry the other areas' records: work set and letters, and
 * the LA and reintegration state (provision with planned against delivered hours and the
 * escalation flag, keep in touch, part-time timetables, plans and reviews, adjustments,
 * information shared). Health detail only for roles that may see it; the referral pack's
 * chronology never has wellbeing notes; a summary costs the same Sheet calls at 50 cases as at
 * 5,000.
 */
import { getCaseSections, getCaseSummary } from '../../../src/app/cases/viewCases';
import { chronologyOf, getChronology } from '../../../src/app/contacts/chronology';
import { logContact } from '../../../src/app/contacts/logContact';
import { logWork } from '../../../src/app/work/logWork';
import { recordHoursDelivered, recordProvision } from '../../../src/app/la/provision';
import { logKeepInTouch } from '../../../src/app/la/keepInTouch';
import { logInformationShared } from '../../../src/app/la/informationSharing';
import { recordPartTimeTimetable } from '../../../src/app/reintegration/partTimeTimetables';
import { createReintegrationPlan, recordPlanReview } from '../../../src/app/reintegration/plans';
import { recordAdjustment } from '../../../src/app/reintegration/adjustments';
import { CONTACTS, HOURS_DELIVERED, INFORMATION_SHARING, KEEP_IN_TOUCH, LA_PROVISION, WORK_SET } from '../../../src/domain/schema';
import type { LaCaseSection, WorkSection } from '../../../src/shared/api';
import { addCases, addStaff, COORDINATOR, laRegister, upn, type LaRegister } from './harness';

const REF = 'HN-2026-0001';
const TEACHER = 'teacher@school.example';

function seeded(): LaRegister {
  const reg = laRegister('2026-11-09');
  addStaff(reg, TEACHER, 'Tess Teacher', 'Teacher');
  addCases(reg, [{ ref: REF, pupilName: 'Amira Khan', upn: upn(1), firstDay: '2026-09-14', laNotifiedOn: '2026-09-17', arrangement: 'LA-arranged provision' }]);
  reg.run((ctx) => logContact(ctx, { ref: REF, date: '2026-09-15', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', wellbeing: 'Very tired after the operation' }));
  reg.run((ctx) => logWork(ctx, { ref: REF, subject: 'Maths', description: 'Fractions', medium: 'Work pack posted', dateSet: '2026-09-16', dueDate: '2026-09-23' }));
  reg.run((ctx) => logInformationShared(ctx, {
    ref: REF, sharedOn: '2026-09-17', sharedWith: 'Local authority', recipient: 'MIAPS', what: 'Referral pack', why: 'Sickness return', lawfulBasis: 'Legal obligation: sickness return to the LA', documentLink: 'https://docs.example/referral',
  }));
  reg.run((ctx) => recordProvision(ctx, { ref: REF, provider: 'Home tuition', plannedHours: 10, startDate: '2026-09-21' }));
  for (const [weekOf, hours] of [['2026-10-12', 6], ['2026-10-19', 6], ['2026-11-02', 6]] as const) {
    reg.run((ctx) => recordHoursDelivered(ctx, { ref: REF, weekOf, hours }));
  }
  reg.run((ctx) => logKeepInTouch(ctx, { ref: REF, date: '2026-10-05', kind: 'Newsletter', description: 'October newsletter' }));
  reg.run((ctx) => recordAdjustment(ctx, { ref: REF, adjustment: 'Lift pass', status: 'In place', reviewBy: '2026-11-02' }));
  reg.run((ctx) => recordPartTimeTimetable(ctx, { ref: REF, start: '2026-11-02', end: '2026-11-20', timetable: 'Mornings only', nextReview: '2026-11-13' }));
  const plan = reg.run((ctx) => createReintegrationPlan(ctx, { ref: REF, phasedTimetable: 'Mornings for two weeks', reviewDates: ['2026-11-06', '2026-11-20'] }));
  reg.run((ctx) => recordPlanReview(ctx, { planId: plan.planId, reviewedOn: '2026-11-06', decisions: 'Going well; add Thursday afternoons', nextReview: '2026-11-20' }));
  return reg;
}

function la(summary: { sections?: Readonly<Record<string, unknown>> }): LaCaseSection {
  return summary.sections?.la as LaCaseSection;
}

describe('the case summary sections', () => {
  it('carries work set, letters and the LA and reintegration state', () => {
    const reg = seeded();
    // The summary's core leaves the sections out: the sidebar fetches them right after.
    expect(reg.run((ctx) => getCaseSummary(ctx, REF)).sections).toBeUndefined();
    const summary = reg.run((ctx) => getCaseSections(ctx, REF));
    expect(summary.ref).toBe(REF);
    const work = summary.sections?.workSet as WorkSection;
    expect(work.items.map((i) => i.subject)).toEqual(['Maths']);
    expect(work.overdue).toBe(1);
    expect(summary.sections?.letters).toEqual({ letters: [], failed: 0, held: 0 });

    const s = la(summary);
    expect(s.provision).toMatchObject({ provider: 'Home tuition', plannedHours: 10, startDate: '2026-09-21', escalate: true });
    // Three of the last four complete school weeks entered (6 of 10 each, 40% short); one not entered.
    expect(s.provision?.shortfallPercent).toBe(40);
    expect(s.provision?.unrecordedWeeks).toEqual(['2026-10-05']);
    expect(s.provision?.escalationReasons.join(' ')).toMatch(/18 of 30 planned hours delivered .*40% short/);
    expect(s.keepInTouch).toMatchObject({ lastDate: '2026-10-05', lastKind: 'Newsletter', count: 1 });
    expect(s.keepInTouch.reminder).toMatch(/since Mon 5 Oct 2026/);
    expect(s.partTimeTimetables[0]).toMatchObject({ start: '2026-11-02', end: '2026-11-20', nextReview: '2026-11-13' });
    expect(s.partTimeTimetables[0].codeAdvice).toMatch(/^C2: /);
    expect(s.partTimeTimetables[0].needsAction).toContain('Part-time timetable: the parent/carer\u2019s agreement is not recorded');
    expect(s.plans).toHaveLength(1);
    expect(s.plans[0]).toMatchObject({ lastReviewed: '2026-11-06', nextReview: '2026-11-20', reviewStatus: 'Next review Fri 20 Nov 2026' });
    expect(s.plans[0].documentLink).toMatch(/^https:\/\//);
    expect(s.plans[0].reviews[0]).toMatchObject({ reviewedOn: '2026-11-06', decisions: 'Going well; add Thursday afternoons' });
    expect(s.adjustments[0]).toMatchObject({ adjustment: 'Lift pass', status: 'In place', reminder: 'Review overdue since Mon 2 Nov 2026' });
    expect(s.informationShared[0]).toMatchObject({ sharedOn: '2026-09-17', recipient: 'MIAPS', documentLink: 'https://docs.example/referral' });
  });

  it('gives a teacher no health detail and no document links', () => {
    const reg = seeded();
    reg.ws.setActiveUser(TEACHER);
    const summary = reg.run((ctx) => getCaseSummary(ctx, REF));
    expect(summary.healthNeed).toBeUndefined();
    const sections = reg.run((ctx) => getCaseSections(ctx, REF));
    const s = la(sections);
    expect(s.plans[0].documentLink).toBeUndefined();
    expect(s.informationShared[0].documentLink).toBeUndefined();
    expect(JSON.stringify(summary)).not.toMatch(/Very tired|Glandular/);
    expect(JSON.stringify(sections)).not.toMatch(/Very tired|Glandular/);
    const chronology = reg.run((ctx) => getChronology(ctx, REF));
    expect(JSON.stringify(chronology)).not.toMatch(/Very tired|Wellbeing/);
    reg.ws.setActiveUser(COORDINATOR);
  });
});

describe('the chronology', () => {
  it('has contacts, work, information shared, keep in touch, provision and plans, in date order', () => {
    const reg = seeded();
    const entries = reg.run((ctx) => getChronology(ctx, REF));
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    const kinds = new Set(entries.map((e) => e.kind));
    for (const kind of ['Contact', 'Case', 'Work set', 'Information shared', 'Keep in touch', 'Provision', 'Plan']) expect(kinds).toContain(kind);
    const summaries = entries.map((e) => `${e.date} ${e.kind}: ${e.summary}`);
    expect(summaries).toContain('2026-09-16 Work set: Maths: Fractions (Work pack posted, due Wed 23 Sep 2026)');
    expect(summaries).toContain('2026-09-21 Provision: LA-arranged education started with Home tuition (10 hours a week planned)');
    expect(summaries).toContain('2026-10-12 Provision: Week beginning Mon 12 Oct 2026: 6 of 10 planned hours delivered');
    expect(summaries).toContain('2026-10-05 Keep in touch: Newsletter: October newsletter');
    expect(summaries.some((s) => /^2026-11-06 Plan: Reintegration plan RP-00001 reviewed: Going well; add Thursday afternoons\. Next review Fri 20 Nov 2026$/.test(s))).toBe(true);
    expect(summaries.some((s) => s.startsWith('2026-09-17 Information shared: Referral pack, shared with local authority (MIAPS)'))).toBe(true);
    // A coordinator sees wellbeing; the referral pack's chronology leaves it out for everyone.
    expect(summaries.some((s) => s.includes('Wellbeing: Very tired'))).toBe(true);
    const forLa = reg.run((ctx) => chronologyOf(ctx, REF, { wellbeing: false }));
    expect(JSON.stringify(forLa)).not.toMatch(/Very tired|Wellbeing/);
    expect(forLa).toHaveLength(entries.length);
  });
});

describe('cost', () => {
  /** Sheet calls for one summary, its sections and one chronology, with `others` other cases each having a row on every sheet. */
  function calls(others: number): { summary: number; sections: number; chronology: number } {
    const reg = seeded();
    reg.run((ctx) => {
      const refs = Array.from({ length: others }, (_, i) => `HN-2026-${String(2000 + i)}`);
      const t = ctx.services.tables;
      t.append(CONTACTS, refs.map((caseRef, i) => ({ contactId: `C-${i}`, caseRef, date: '2026-10-01', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', loggedBy: COORDINATOR, loggedAt: new Date('2026-10-01T09:00:00Z') })));
      t.append(WORK_SET, refs.map((caseRef, i) => ({ workId: `WK-9${i}`, caseRef, subject: 'English', description: 'Reading', medium: 'Work pack posted', dateSet: '2026-10-01', loggedBy: COORDINATOR })));
      t.append(LA_PROVISION, refs.map((caseRef) => ({ caseRef, provider: 'Home tuition', plannedHours: 5, recordedBy: COORDINATOR })));
      t.append(HOURS_DELIVERED, refs.map((caseRef) => ({ caseRef, weekOf: '2026-10-05', hours: 5, recordedBy: COORDINATOR, recordedAt: new Date() })));
      t.append(KEEP_IN_TOUCH, refs.map((caseRef) => ({ caseRef, date: '2026-10-05', kind: 'Newsletter', description: 'News', by: COORDINATOR, loggedAt: new Date() })));
      t.append(INFORMATION_SHARING, refs.map((caseRef, i) => ({ shareId: `IS-9${i}`, caseRef, sharedOn: '2026-10-01', sharedWith: 'Local authority', recipient: 'LA', what: 'x', why: 'y', lawfulBasis: 'Public task: arranging education (s19)', by: COORDINATOR, loggedAt: new Date() })));
    });
    reg.ws.endExecution();
    reg.ws.meter.reset();
    reg.run((ctx) => getCaseSummary(ctx, REF));
    reg.ws.endExecution();
    const summary = reg.ws.meter.total('SpreadsheetApp');
    reg.ws.meter.reset();
    reg.run((ctx) => getCaseSections(ctx, REF));
    reg.ws.endExecution();
    const sections = reg.ws.meter.total('SpreadsheetApp');
    reg.ws.meter.reset();
    reg.run((ctx) => getChronology(ctx, REF));
    reg.ws.endExecution();
    return { summary, sections, chronology: reg.ws.meter.total('SpreadsheetApp') };
  }

  it('makes the same number of Sheet calls for a summary, its sections and a chronology at 50 cases as at 5,000', () => {
    const small = calls(50);
    const large = calls(5000);
    process.stdout.write(`Sheet calls (50 / 5,000 other cases): summary ${small.summary} / ${large.summary}; sections ${small.sections} / ${large.sections}; chronology ${small.chronology} / ${large.chronology}\n`);
    expect(large).toEqual(small);
  }, 120000);
});
