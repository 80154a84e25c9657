import { CalendarEntry, SchoolCalendar } from '../../src/domain/calendar';
import { LoggedContact, assessContactCompliance, isContactMade } from '../../src/domain/contactCompliance';
import type { AbsencePeriod } from '../../src/domain/schoolDays';

const e = (kind: CalendarEntry['kind'], start: string, end: string, description: string): CalendarEntry => ({ kind, start, end, description });

/** Autumn term 2026 with October half term (26–30 Oct), a snow day (Tue 1 Dec) and an INSET day (Thu 3 Sep). */
const CALENDAR = new SchoolCalendar([
  e('Term', '2026-09-03', '2026-12-18', 'Autumn term'),
  e('INSET day', '2026-09-03', '2026-09-03', 'Staff training'),
  e('Holiday', '2026-10-26', '2026-10-30', 'Half term'),
  e('Closure', '2026-12-01', '2026-12-01', 'Snow day'),
]);

const open = (start: string): AbsencePeriod => ({ start, end: null });
const contact = (date: string, outcome: string): LoggedContact => ({ date, outcome });

describe('assessContactCompliance', () => {
  it('marks each school day of absence made, attempted or missing, and never a closed day', () => {
    // Off from Mon 30 Nov; checking up to Fri 4 Dec. School days: 30 Nov, 2, 3, 4 Dec (1 Dec snow day).
    const contacts = [
      contact('2026-11-30', 'Spoke to'),
      contact('2026-12-01', 'No answer'), // on the snow day: a contact, but not a day of absence
      contact('2026-12-02', 'Message left'),
      contact('2026-12-02', 'Spoke to'), // made beats attempted on the same day
      contact('2026-12-03', 'No answer'),
    ];
    const { days, summary } = assessContactCompliance([open('2026-11-30')], CALENDAR, '2026-12-04', contacts);
    expect(days).toEqual([
      { date: '2026-11-30', status: 'made' },
      { date: '2026-12-02', status: 'made' },
      { date: '2026-12-03', status: 'attempted' },
      { date: '2026-12-04', status: 'missing' },
    ]);
    expect(summary).toEqual({
      lastContact: '2026-12-03',
      lastMade: '2026-12-02',
      daysWithoutContact: 1,
      missingDays: ['2026-12-04'],
      made: 2,
      attempted: 1,
      missing: 1,
    });
  });

  it('does not expect contact during half term', () => {
    // Off from Wed 21 Oct, no contacts, up to Tue 3 Nov: 21, 22, 23 Oct and 2, 3 Nov.
    const { days, summary } = assessContactCompliance([open('2026-10-21')], CALENDAR, '2026-11-03', []);
    expect(days.map((d) => d.date)).toEqual(['2026-10-21', '2026-10-22', '2026-10-23', '2026-11-02', '2026-11-03']);
    expect(days.every((d) => d.status === 'missing')).toBe(true);
    expect(summary.daysWithoutContact).toBe(5);
    expect(summary.missing).toBe(5);
    expect(summary.lastContact).toBeNull();
    expect(summary.lastMade).toBeNull();
  });

  it('counts days without contact back from upTo to the last contact of any kind', () => {
    // Contact made Thu 22 Oct; nothing since. Days after it: Fri 23 Oct, Mon 2 and Tue 3 Nov.
    const r = assessContactCompliance([open('2026-10-21')], CALENDAR, '2026-11-03', [contact('2026-10-22', 'Spoke to')]);
    expect(r.summary.daysWithoutContact).toBe(3);
    expect(r.summary.missingDays).toEqual(['2026-10-21', '2026-10-23', '2026-11-02', '2026-11-03']);
    // A call answered during half term breaks the run, though half-term days are not themselves counted.
    const halfTermCall = assessContactCompliance([open('2026-10-21')], CALENDAR, '2026-11-03',
      [contact('2026-10-22', 'Spoke to'), contact('2026-10-28', 'Spoke to')]);
    expect(halfTermCall.summary.daysWithoutContact).toBe(2);
    expect(halfTermCall.summary.lastContact).toBe('2026-10-28');
    expect(halfTermCall.summary.missing).toBe(4);
  });

  it('counts an attempt as contact for the run without contact, but not as contact made', () => {
    const r = assessContactCompliance([open('2026-10-19')], CALENDAR, '2026-10-21', [contact('2026-10-21', 'Message left')]);
    expect(r.summary.daysWithoutContact).toBe(0);
    expect(r.summary.lastMade).toBeNull();
    expect(r.summary.lastContact).toBe('2026-10-21');
    expect(r.summary).toMatchObject({ made: 0, attempted: 1, missing: 2 });
  });

  it('ignores contacts after upTo and contacts without a readable date', () => {
    const r = assessContactCompliance([open('2026-10-19')], CALENDAR, '2026-10-20',
      [contact('2026-10-21', 'Spoke to'), contact('21/10/2026', 'Spoke to'), contact('2026-10-19', 'Spoke to')]);
    expect(r.days).toEqual([{ date: '2026-10-19', status: 'made' }, { date: '2026-10-20', status: 'missing' }]);
    expect(r.summary.lastContact).toBe('2026-10-19');
    expect(r.summary.daysWithoutContact).toBe(1);
  });

  it('covers every period of a case, and only the days of absence', () => {
    // Mon 7–Tue 8 Sep, back at school, then off from Thu 17 Sep; up to Fri 18 Sep.
    const periods = [{ start: '2026-09-07', end: '2026-09-08' }, open('2026-09-17')];
    const r = assessContactCompliance(periods, CALENDAR, '2026-09-18', [contact('2026-09-10', 'Spoke to')]);
    expect(r.days.map((d) => d.date)).toEqual(['2026-09-07', '2026-09-08', '2026-09-17', '2026-09-18']);
    expect(r.summary.missing).toBe(4);
    // The 10 Sep call was on a day the pupil was in school: it is the last contact, so only 17–18 Sep follow it.
    expect(r.summary.daysWithoutContact).toBe(2);
  });

  it('leaves out today when the caller passes yesterday as upTo', () => {
    const r = assessContactCompliance([open('2026-10-19')], CALENDAR, '2026-10-20', []);
    expect(r.days.map((d) => d.date)).toEqual(['2026-10-19', '2026-10-20']);
  });

  it('lets the school say which outcomes count as contact made', () => {
    const contacts = [contact('2026-10-19', 'Home visit'), contact('2026-10-20', 'Spoke to')];
    const r = assessContactCompliance([open('2026-10-19')], CALENDAR, '2026-10-20', contacts,
      { isMade: (o) => o === 'Home visit' || o === 'Spoke to' });
    expect(r.days.map((d) => d.status)).toEqual(['made', 'made']);
    const byDefault = assessContactCompliance([open('2026-10-19')], CALENDAR, '2026-10-20', contacts);
    expect(byDefault.days.map((d) => d.status)).toEqual(['attempted', 'made']);
  });

  it('gives the same answer for each of 5,000 cases of about 60 days (speed is measured by npm run bench)', () => {
    // From Mon 7 Sep to Fri 4 Dec: 13 weeks = 65 weekdays, less half term (5) and the snow day = 59 days.
    const contacts: LoggedContact[] = [];
    for (let d = 7; d <= 30; d++) contacts.push(contact(`2026-09-${String(d).padStart(2, '0')}`, d % 2 ? 'Spoke to' : 'No answer'));
    let missing = 0;
    for (let i = 0; i < 5000; i++) {
      missing += assessContactCompliance([open('2026-09-07')], CALENDAR, '2026-12-04', contacts).summary.missing;
    }
    // September's 18 school days from the 7th all have a contact; October to 4 December (41 days) have none.
    expect(missing).toBe(5000 * 41);
  });
});

describe('isContactMade', () => {
  it('counts speaking to someone as contact made', () => {
    expect(isContactMade('Spoke to')).toBe(true);
    expect(isContactMade('spoke to parent')).toBe(true);
    expect(isContactMade('Message left')).toBe(false);
    expect(isContactMade('No answer')).toBe(false);
    expect(isContactMade('Spokesperson called')).toBe(false);
  });
});
