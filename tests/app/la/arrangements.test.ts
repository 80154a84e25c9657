import { KEEP_IN_TOUCH, LA_PROVISION, PART_TIME_TIMETABLES, REINTEGRATION_PLANS, DASHBOARD, POLICY_REVIEW, WORK_SET } from '../../../src/domain/schema';
import { recordHoursDelivered, recordProvision } from '../../../src/app/la/provision';
import { logKeepInTouch } from '../../../src/app/la/keepInTouch';
import { laReminders, refreshLaColumns } from '../../../src/app/la/laChecks';
import { loadRegister } from '../../../src/app/cases/register';
import { recordPartTimeTimetable } from '../../../src/app/reintegration/partTimeTimetables';
import { createReintegrationPlan, recordPlanReview } from '../../../src/app/reintegration/plans';
import { recordAdjustment, reviewAdjustment } from '../../../src/app/reintegration/adjustments';
import { recordPolicyReview } from '../../../src/app/governance/policyReview';
import { generateGovernorsReport } from '../../../src/app/governance/governorsReport';
import { refreshDashboard } from '../../../src/app/governance/dashboard';
import { chartsOnSheet } from '../../../emulator';
import { runDailyCheck } from '../../../src/app/contacts/dailyCheck';
import { addCases, addStaff, laRegister, setSetting, upn, type LaRegister } from './harness';

const reminders = (reg: LaRegister) => reg.run((ctx) => laReminders(ctx, loadRegister(ctx), ctx.today()));
const textsFor = (reg: LaRegister, ref: string) => reminders(reg).filter((r) => r.ref === ref).map((r) => r.text);

describe('LA provision and escalation', () => {
  it('flags the case once more than the limit of school days pass after referral without education', () => {
    const reg = laRegister('2026-10-22');
    addCases(reg, [{ ref: 'HN-2026-0001', pupilName: 'Amira Khan', upn: upn(1), firstDay: '2026-09-14', laNotifiedOn: '2026-10-01', arrangement: 'LA-arranged provision' }]);
    reg.run((ctx) => recordProvision(ctx, { ref: 'HN-2026-0001', provider: 'Medical Inclusion Service', plannedHours: 10 }));
    // Thu 22 Oct: 15 school days since Thu 1 Oct, the limit: not yet.
    expect(textsFor(reg, 'HN-2026-0001').filter((t) => /escalate/.test(t))).toEqual([]);
    reg.setDay('2026-10-23');
    expect(textsFor(reg, 'HN-2026-0001')).toContain('LA provision: escalate to the LA\u2019s named officer: 16 school days without education since the referral on Thu 1 Oct 2026 (the limit is 15)');
    reg.run((ctx) => refreshLaColumns(ctx, loadRegister(ctx)));
    const row = reg.run((ctx) => ctx.services.tables.readAll(LA_PROVISION)[0].values);
    expect(row.daysWithoutEducation).toBe(16);
    expect(String(row.escalation)).toMatch(/^Escalate to the LA\u2019s named officer: 16 school days/);
  });

  it('flags a shortfall of hours over the recent weeks and asks for weeks not entered', () => {
    const reg = laRegister('2026-11-09');
    addCases(reg, [{ ref: 'HN-2026-0002', pupilName: 'Ben Ortiz', upn: upn(2), firstDay: '2026-09-07', laNotifiedOn: '2026-09-10', arrangement: 'LA-arranged provision' }]);
    reg.run((ctx) => recordProvision(ctx, { ref: 'HN-2026-0002', provider: 'Home tuition', plannedHours: 10, startDate: '2026-09-14' }));
    for (const [weekOf, hours] of [['2026-10-05', 8], ['2026-10-12', 8], ['2026-10-19', 8]] as const) {
      reg.run((ctx) => recordHoursDelivered(ctx, { ref: 'HN-2026-0002', weekOf, hours }));
    }
    expect(textsFor(reg, 'HN-2026-0002')).toContain('LA provision: enter the hours delivered for the week beginning Mon 2 Nov 2026');
    reg.run((ctx) => recordHoursDelivered(ctx, { ref: 'HN-2026-0002', weekOf: '2026-11-04', hours: 8 }));
    expect(textsFor(reg, 'HN-2026-0002').some((t) => /escalate/.test(t))).toBe(false); // 20% short: at the limit
    reg.run((ctx) => recordHoursDelivered(ctx, { ref: 'HN-2026-0002', weekOf: '2026-11-02', hours: 7 })); // corrects the week
    expect(textsFor(reg, 'HN-2026-0002')).toContain('LA provision: escalate to the LA\u2019s named officer: 31 of 40 planned hours delivered over the last 4 recorded school weeks: 23% short (the limit is 20%)');
  });
});

describe('keep in touch', () => {
  it('reminds when nothing has been sent for the limit, and stops once something is logged', () => {
    const reg = laRegister('2026-11-09');
    addCases(reg, [{ ref: 'HN-2026-0003', pupilName: 'Cara Doyle', upn: upn(3), firstDay: '2026-10-19', arrangement: 'LA-arranged provision' }]);
    expect(textsFor(reg, 'HN-2026-0003')).toEqual(['Keep in touch: nothing sent yet to keep the pupil in touch with school life (10 school days since Mon 19 Oct 2026)']);
    reg.run((ctx) => logKeepInTouch(ctx, { ref: 'HN-2026-0003', kind: 'Newsletter', description: 'November newsletter', link: 'https://school.example/news' }));
    expect(textsFor(reg, 'HN-2026-0003')).toEqual([]);
    expect(reg.run((ctx) => ctx.services.tables.readAll(KEEP_IN_TOUCH))).toHaveLength(1);
    expect(() => reg.run((ctx) => logKeepInTouch(ctx, { ref: 'HN-2026-0003', kind: 'Carrier pigeon', description: 'x' }))).toThrow(/Choose one of: Newsletter/);
  });
});

describe('part-time timetables', () => {
  it('gives the C2 advice and flags one past its end date with a review overdue', () => {
    const reg = laRegister('2026-11-16');
    addCases(reg, [{ ref: 'HN-2026-0004', pupilName: 'Dev Patel', upn: upn(4), firstDay: '2026-10-05', arrangement: 'Part-time timetable' }]);
    const made = reg.run((ctx) => recordPartTimeTimetable(ctx, { ref: 'HN-2026-0004', start: '2026-11-02', end: '2026-11-27', nextReview: '2026-11-20', parentAgreedOn: '2026-10-30', laNotifiedOn: '2026-11-03', timetable: 'Mornings only' }));
    expect(made.timetableId).toBe('PT-00001');
    expect(made.needsAction).toBe('');
    expect(made.codeAdvice).toMatch(/^C2: /);
    expect(() => reg.run((ctx) => recordPartTimeTimetable(ctx, { ref: 'HN-2026-0004', start: '2026-11-02', end: '' }))).toThrow(/end date/);
    reg.setDay('2026-11-30');
    expect(textsFor(reg, 'HN-2026-0004')).toEqual([
      'Part-time timetable: its end date, Fri 27 Nov 2026, has passed: record the return to full time, or review and set a new end date',
      'Part-time timetable: the review due Fri 20 Nov 2026 is overdue',
    ]);
    reg.run((ctx) => refreshLaColumns(ctx, loadRegister(ctx)));
    expect(String(reg.run((ctx) => ctx.services.tables.readAll(PART_TIME_TIMETABLES)[0].values.flags))).toMatch(/has passed/);
  });
});

describe('reintegration plans and reasonable adjustments', () => {
  it('makes a tailored plan with the case\u2019s adjustments, reminds when a review is due, and clears on review', () => {
    const reg = laRegister('2026-11-23');
    addCases(reg, [{ ref: 'HN-2026-0005', pupilName: 'Ella Brown', upn: upn(5), firstDay: '2026-09-14', arrangement: 'Reintegration' }]);
    const { adjustmentId } = reg.run((ctx) => recordAdjustment(ctx, { ref: 'HN-2026-0005', adjustment: 'Lift pass', status: 'In place', reviewBy: '2026-12-04' }));
    const { planId, document } = reg.run((ctx) => createReintegrationPlan(ctx, {
      ref: 'HN-2026-0005', returnDate: '2026-11-30', phasedTimetable: 'Week 1: mornings\nWeek 2: full days', whoSupports: 'Mr Jones, form tutor', reviewDates: ['2026-12-04', '2026-12-18'],
    }));
    expect(document.name).toBe('Reintegration plan \u2013 HN-2026-0005 \u2013 2026-11-23');
    const text = reg.text(reg.files('Reintegration plan \u2013 HN-2026-0005')[0].id);
    expect(text).toContain('Week 1: mornings');
    expect(text).toContain('\u2022 Lift pass (In place, review by Fri 4 Dec 2026)');
    expect(text).toContain('Fri 4 Dec 2026; Fri 18 Dec 2026');
    expect(text).toContain('Catching up\nTo be agreed with the pupil and family.');
    reg.setDay('2026-12-07');
    expect(textsFor(reg, 'HN-2026-0005')).toEqual([
      'Reintegration plan: review overdue since Fri 4 Dec 2026',
      'Reasonable adjustment "Lift pass": review overdue since Fri 4 Dec 2026',
    ]);
    reg.run((ctx) => recordPlanReview(ctx, { planId, decisions: 'Going well: full days from next week', nextReview: '2026-12-18' }));
    reg.run((ctx) => reviewAdjustment(ctx, { adjustmentId, note: 'Still needed', reviewBy: '2027-01-15' }));
    expect(textsFor(reg, 'HN-2026-0005')).toEqual([]);
    reg.run((ctx) => refreshLaColumns(ctx, loadRegister(ctx)));
    const plan = reg.run((ctx) => ctx.services.tables.readAll(REINTEGRATION_PLANS)[0].values);
    expect(plan).toEqual(expect.objectContaining({ lastReviewed: '2026-12-07', nextReview: '2026-12-18', reviewStatus: 'Next review Fri 18 Dec 2026' }));
  });
});

describe('reminders are grouped', () => {
  it('gives one list for every case and the policy review, in register order, for the single digest', () => {
    const reg = laRegister('2026-11-09');
    setSetting(reg, 'Policy review month (1-12)', '12'); // due Tue 1 Dec 2026: within the month's warning
    addCases(reg, [
      { ref: 'HN-2026-0010', pupilName: 'Fay Green', upn: upn(10), firstDay: '2026-10-19', arrangement: 'LA-arranged provision' },
      { ref: 'HN-2026-0011', pupilName: 'Gus Hall', upn: upn(11), firstDay: '2026-10-19', arrangement: 'LA-arranged provision' },
      { ref: 'HN-2026-0012', pupilName: 'Hana Ito', upn: upn(12), firstDay: '2026-10-19', arrangement: 'School work: online' },
    ]);
    const list = reminders(reg);
    expect(list.map((r) => [r.ref, r.pupilName])).toEqual([
      ['HN-2026-0010', 'Fay Green'],
      ['HN-2026-0011', 'Gus Hall'],
      ['', ''], ['', ''], ['', ''], ['', ''],
    ]);
    expect(list[2].text).toBe('Policy review: Education for pupils with health needs: no review is recorded; the Headteacher reviews it every year (due by Tue 1 Dec 2026) and the full governing board approves it');
    reg.run((ctx) => recordPolicyReview(ctx, { policy: 'Education for pupils with health needs', reviewedOn: '2026-09-10', approvedOn: '2026-10-05', minuteRef: 'FGB 5/10/26 item 7' }));
    expect(reminders(reg).filter((r) => /health needs:/.test(r.text))).toEqual([]);
    const row = reg.run((ctx) => ctx.services.tables.readAll(POLICY_REVIEW)[0].values);
    expect(row).toEqual(expect.objectContaining({ lastReviewed: '2026-09-10', approvedOn: '2026-10-05', nextDue: '2027-12-01', status: '' }));
  });
});

describe('governors\u2019 report and dashboard', () => {
  const NAMES = ['Amira Khan', 'Ben Ortiz', 'Cara Doyle', 'Dev Patel', 'Ella Brown', 'Fay Green', 'Gus Hall'];

  function registerWithCases() {
    const reg = laRegister('2026-12-14');
    addCases(reg, NAMES.map((pupilName, i) => ({
      ref: `HN-2026-${String(i + 1).padStart(4, '0')}`, pupilName, upn: upn(i + 1), firstDay: i < 6 ? '2026-09-14' : '2026-11-02', lastDay: i < 6 ? '2026-10-23' : '2026-11-06',
      laNotifiedOn: i < 6 ? '2026-10-05' : '',
    })));
    reg.run((ctx) => ctx.services.tables.append(LA_PROVISION, [{ caseRef: 'HN-2026-0001', provider: 'Tuition', plannedHours: 10, referredOn: '2026-10-05', startDate: '2026-10-12' }]));
    reg.run((ctx) => ctx.services.tables.append(WORK_SET, [{ workId: 'WK-00001', caseRef: 'HN-2026-0007', subject: 'Maths', description: 'Fractions', medium: 'Google Classroom', dateSet: '2026-11-03', returned: '2026-11-05', loggedBy: 'x@school.example', loggedAt: new Date() }]));
    return reg;
  }

  it('is anonymised: no pupil name or UPN anywhere, small numbers suppressed', () => {
    const reg = registerWithCases();
    const made = reg.run((ctx) => generateGovernorsReport(ctx));
    expect(made.name).toBe('Governors\u2019 report \u2013 health needs \u2013 2026/27 \u2013 2026-12-14');
    const [file] = reg.files('Governors\u2019 report');
    const folder = reg.ws.ctx.files.get(file.parents[0]);
    expect(folder?.name).toBe('Health Needs Register \u2013 LA, reintegration and governance');
    const text = reg.text(file.id);
    const everyName = NAMES.flatMap((n) => [n, ...n.split(' ')]);
    for (const name of everyName) expect(text).not.toContain(name);
    for (let i = 1; i <= NAMES.length; i++) expect(text).not.toContain(upn(i));
    expect(text).not.toMatch(/HN-2026/);
    expect(text).not.toMatch(/14 Sep|23 Oct|2 Nov|6 Nov/); // no dates of anyone's absence
    expect(text).toContain('Cases (periods of health-related absence recorded): 7.');
    expect(text).toContain('Autumn term  ' + '\u2588'.repeat(24) + ' 7');
    expect(text).toContain('Cases with education arranged by the LA: fewer than 5.');
    expect(text).toContain('Typical (median) time from the 15-day point to LA provision: not shown (fewer than 5 cases).');
    expect(text).toContain('Pieces of work set     \u2013 not shown (fewer than 5 cases)');
  });

  it('draws the dashboard as a figures table with a real bar chart per figure', () => {
    const reg = registerWithCases();
    const result = reg.run((ctx) => refreshDashboard(ctx));
    expect(result.charts).toBe(7);
    const rows = reg.run((ctx) => ctx.services.tables.readAll(DASHBOARD).map((r) => [r.values.chart, r.values.label, r.values.value]));
    expect(rows.slice(0, 3)).toEqual([['Cases by term', 'Autumn term', 7], ['Cases by term', 'Spring term', 0], ['Cases by term', 'Summer term', 0]]);
    const sheet = reg.ws.spreadsheet.getSheetByName('Dashboard');
    const charts = chartsOnSheet(sheet as never);
    expect(charts.map((c) => c.options.get('title'))).toEqual(['Cases by term', 'School days missed by term', 'Cases by school days missed', 'School days from the 15-day point to LA provision', 'Contact on school days of absence', 'Work set and returned', 'Reintegration outcomes']);
    expect(charts[0].chartType).toBe('BAR');
    expect(charts[0].ranges.map((r) => r.getA1Notation())).toEqual(['B2:B4', 'C2:C4']);
    reg.run((ctx) => refreshDashboard(ctx));
    expect(chartsOnSheet(sheet as never)).toHaveLength(7); // redrawn, not piled up
  });

  it('is refused to roles without governance.report', () => {
    const reg = laRegister();
    addStaff(reg, 'pastoral@school.example', 'Pat Oral', 'Pastoral');
    reg.ws.setActiveUser('pastoral@school.example');
    expect(() => reg.run((ctx) => generateGovernorsReport(ctx))).toThrow(/make the governors\u2019 report/);
  });
});

describe('the daily check\u2019s one digest', () => {
  it('carries the LA reminders with the calls, in one email, and writes the LA columns', () => {
    const reg = laRegister('2026-11-09');
    setSetting(reg, 'Coordinator email', 'lcm@school.example');
    addCases(reg, [
      { ref: 'HN-2026-0020', pupilName: 'Ivy Jones', upn: upn(20), firstDay: '2026-10-01', laNotifiedOn: '2026-10-05', arrangement: 'LA-arranged provision' },
      { ref: 'HN-2026-0021', pupilName: 'Jay King', upn: upn(21), firstDay: '2026-10-01', laNotifiedOn: '2026-10-05', arrangement: 'LA-arranged provision' },
    ]);
    reg.run((ctx) => recordProvision(ctx, { ref: 'HN-2026-0020', provider: 'Tuition', plannedHours: 10 }));
    reg.run((ctx) => recordProvision(ctx, { ref: 'HN-2026-0021', provider: 'Tuition', plannedHours: 10 }));
    const before = reg.ws.outbox.length;
    reg.run((ctx) => runDailyCheck(ctx, 'person'));
    const sent = reg.ws.outbox.slice(before) as Array<{ subject: string; body: string }>;
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).not.toMatch(/Ivy|Jay/);
    expect(sent[0].subject).toMatch(/reminders/);
    expect(sent[0].body).toContain('Also due:');
    expect(sent[0].body).toContain('Ivy Jones, case HN-2026-0020: LA provision: escalate to the LA\u2019s named officer');
    expect(sent[0].body).toContain('Jay King, case HN-2026-0021: Keep in touch');
    expect(sent[0].body).not.toContain('Glandular');
    const escalation = reg.run((ctx) => ctx.services.tables.readAll(LA_PROVISION).map((r) => String(r.values.escalation)));
    expect(escalation.every((e) => e.startsWith('Escalate to the LA\u2019s named officer'))).toBe(true);
  });
});
