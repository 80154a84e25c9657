import { checkHours, checkProvision, mondayOf, schoolDaysWithoutEducation, type ProvisionFacts } from '../../../src/domain/la/escalation';
import { calendar } from './calendarFixture';

const limits = { gapSchoolDays: 15, shortfallPercent: 20, windowWeeks: 4 };
const referred: ProvisionFacts = { referredOn: '2026-10-01', startDate: '', endDate: '', plannedHoursPerWeek: 10 };

describe('school days without education since referral', () => {
  it('counts school days after the referral day, skipping half term', () => {
    // Fri 2 Oct .. Fri 23 Oct = 16 school days; half term adds none.
    expect(schoolDaysWithoutEducation(referred, calendar, '2026-10-23')).toBe(16);
    expect(schoolDaysWithoutEducation(referred, calendar, '2026-10-30')).toBe(16);
    expect(schoolDaysWithoutEducation(referred, calendar, '2026-11-02')).toBe(17);
  });

  it('stops the day before education starts, and is nought when not referred', () => {
    expect(schoolDaysWithoutEducation({ ...referred, startDate: '2026-10-08' }, calendar, '2026-12-01')).toBe(4);
    expect(schoolDaysWithoutEducation({ ...referred, referredOn: '' }, calendar, '2026-12-01')).toBe(0);
  });

  it('escalates only when the gap is more than the limit', () => {
    // 15 school days after Thu 1 Oct is Thu 22 Oct.
    const atLimit = checkProvision(referred, [], calendar, '2026-10-22', limits);
    expect(atLimit.daysWithoutEducation).toBe(15);
    expect(atLimit.escalate).toBe(false);
    const over = checkProvision(referred, [], calendar, '2026-10-23', limits);
    expect(over.escalate).toBe(true);
    expect(over.reasons[0]).toBe('16 school days without education since the referral on Thu 1 Oct 2026 (the limit is 15)');
  });

  it('does not escalate an ended provision', () => {
    expect(checkProvision({ ...referred, endDate: '2026-10-05' }, [], calendar, '2026-11-30', limits).escalate).toBe(false);
  });
});

describe('hours delivered against planned', () => {
  const running: ProvisionFacts = { referredOn: '2026-09-07', startDate: '2026-09-14', endDate: '', plannedHoursPerWeek: 10 };

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-10-04')).toBe('2026-09-28');
    expect(mondayOf('2026-09-28')).toBe('2026-09-28');
  });

  it('looks at the last complete school weeks, skipping a holiday week and the week not yet over', () => {
    // Wed 11 Nov: the week of 9 Nov is not over; 26 Oct is half term.
    const hours = checkHours(running, [], calendar, '2026-11-11', 4);
    expect(hours.weeks).toEqual(['2026-10-05', '2026-10-12', '2026-10-19', '2026-11-02']);
    expect(hours.unrecordedWeeks).toEqual(hours.weeks);
    expect(hours.shortfallPercent).toBeNull();
    expect(checkProvision(running, [], calendar, '2026-11-11', limits).escalate).toBe(false);
  });

  it('escalates at a shortfall above the limit but not at it', () => {
    const weeks = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-11-02'];
    const at = weeks.map((weekOf) => ({ weekOf, hours: 8 })); // 32 of 40 = 20% short
    const atCheck = checkProvision(running, at, calendar, '2026-11-09', limits);
    expect(atCheck.hours.shortfallPercent).toBe(20);
    expect(atCheck.escalate).toBe(false);
    const below = [...at.slice(0, 3), { weekOf: '2026-11-02', hours: 7.5 }]; // 31.5 of 40 = 21%
    const over = checkProvision(running, below, calendar, '2026-11-09', limits);
    expect(over.escalate).toBe(true);
    expect(over.reasons[0]).toBe('31.5 of 40 planned hours delivered over the last 4 recorded school weeks: 21% short (the limit is 20%)');
  });

  it('plans a part week pro rata and never counts an unrecorded week as nought', () => {
    const lateStart: ProvisionFacts = { ...running, startDate: '2026-10-07' }; // Wednesday: 3 of 5 days
    const hours = checkHours(lateStart, [{ weekOf: '2026-10-05', hours: 6 }], calendar, '2026-10-19', 4);
    expect(hours.weeks).toEqual(['2026-10-05', '2026-10-12']);
    expect(hours.planned).toBe(6);
    expect(hours.delivered).toBe(6);
    expect(hours.shortfallPercent).toBe(0);
    expect(hours.unrecordedWeeks).toEqual(['2026-10-12']);
  });
});
