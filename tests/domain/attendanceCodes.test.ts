import { ARRANGEMENT_LABELS, type Arrangement } from '../../src/domain/arrangements';
import {
  CODE_MEANINGS,
  MEDICAL_APPOINTMENT,
  codeFor,
  weeklyReconciliation,
  type ReconciliationCase,
} from '../../src/domain/attendanceCodes';
import { isWeekend } from '../../src/domain/dates';

describe('codeFor', () => {
  it.each([
    ['Not yet arranged', 'I'],
    ['School work: online', 'I'],
    ['School work: work packs', 'I'],
    ['Virtual lessons (exceptional)', 'I'],
    ['Off-site lessons (exceptional)', 'B'],
    ['LA-arranged provision', 'K'],
    ['Hospital school (dual registered)', 'D'],
    ['Part-time timetable', 'C2'],
    ['Reintegration', '/ \\'],
  ] as [Arrangement, string][])('%s → %s', (arrangement, code) => {
    const advice = codeFor(arrangement);
    expect(advice.code).toBe(code);
    expect(advice.meaning).toBe(CODE_MEANINGS[advice.code].meaning);
    expect(advice.advice.length).toBeGreaterThan(30);
  });

  it('has advice for every arrangement', () => {
    for (const label of ARRANGEMENT_LABELS) expect(() => codeFor(label)).not.toThrow();
  });

  it('says remote and virtual lessons at home are absence, not B', () => {
    for (const a of ['School work: online', 'School work: work packs', 'Virtual lessons (exceptional)'] as const) {
      expect(codeFor(a).advice).toContain('do not use B for remote or virtual lessons');
    }
  });

  it('limits B to school-arranged, supervised off-site lessons', () => {
    expect(codeFor('Off-site lessons (exceptional)').advice).toContain('supervised by a suitably qualified person');
  });

  it('tells the school to check home tuition coding with the LA', () => {
    expect(codeFor('LA-arranged provision').advice).toContain('Check with your LA whether home tuition is coded K.');
  });

  it('explains part-time timetables and reintegration marks', () => {
    expect(codeFor('Part-time timetable').advice).toContain('C2 for the sessions the pupil is not expected to attend');
    expect(codeFor('Part-time timetable').advice).toContain('present marks (/ \\) for sessions attended');
    const reintegration = codeFor('Reintegration').advice;
    expect(reintegration).toContain('present marks (/ \\)');
    expect(reintegration).toContain('C2');
    expect(reintegration).toContain('I if they are ill');
  });

  it('codes medical appointments M', () => {
    expect(MEDICAL_APPOINTMENT.code).toBe('M');
    expect(MEDICAL_APPOINTMENT.meaning).toBe('Medical or dental appointment');
  });

  it('gives each code its 2024 meaning and category', () => {
    expect(CODE_MEANINGS.K.meaning).toContain('section 19(1)');
    expect(CODE_MEANINGS.I.category).toBe('Authorised absence');
    expect(CODE_MEANINGS.C2.category).toBe('Authorised absence');
    expect(CODE_MEANINGS.B.category).toBe('Attending an approved educational activity');
    expect(CODE_MEANINGS.D.category).toBe('Not counted (dual registration)');
  });
});

describe('weeklyReconciliation', () => {
  // Week of Mon 7 Sep 2026; Wed 9 Sep is an INSET day.
  const isSchoolDay = (iso: string): boolean => !isWeekend(iso) && iso !== '2026-09-09';
  const on = (...days: string[]) => (iso: string) => days.includes(iso);
  const cases: ReconciliationCase[] = [
    { ref: 'HN-003', pupilName: 'Jo Smith', yearGroup: 'Year 8', arrangement: 'Part-time timetable', absentOn: () => true },
    { ref: 'HN-001', pupilName: 'Amelia Hughes', yearGroup: 'Year 9', arrangement: 'School work: online', absentOn: on('2026-09-07', '2026-09-08', '2026-09-09') },
    { ref: 'HN-002', pupilName: 'Rohan Patel', yearGroup: 'Year 8', arrangement: 'Closed', absentOn: () => true },
    { ref: 'HN-004', pupilName: 'Olivia Taylor', yearGroup: 'Year 11', arrangement: 'Reintegration', absentOn: on('2026-09-11') },
    { ref: 'HN-005', pupilName: 'Harry Wilson', yearGroup: 'Year 10', arrangement: 'LA-arranged provision', absentOn: on('2026-09-12', '2026-09-13') },
  ];
  const rows = weeklyReconciliation(cases, '2026-09-07', isSchoolDay);

  it('lists only school days on which the pupil was away, for open cases, by date then reference', () => {
    expect(rows.map((r) => [r.date, r.ref, r.expectedCode])).toEqual([
      ['2026-09-07', 'HN-001', 'I'],
      ['2026-09-07', 'HN-003', 'C2'],
      ['2026-09-08', 'HN-001', 'I'],
      ['2026-09-08', 'HN-003', 'C2'],
      ['2026-09-10', 'HN-003', 'C2'],
      ['2026-09-11', 'HN-003', 'C2'],
      ['2026-09-11', 'HN-004', 'C2 or I'],
    ]);
  });

  it('carries the pupil details and a note for the attendance officer', () => {
    expect(rows[0]).toEqual({
      ref: 'HN-001',
      pupilName: 'Amelia Hughes',
      yearGroup: 'Year 9',
      date: '2026-09-07',
      expectedCode: 'I',
      note: 'School work: online. Work or lessons done at home are absence, not attendance: do not use B for remote or virtual lessons.',
    });
    expect(rows[1].note).toContain('C2 for sessions outside the agreed timetable');
  });

  it('asks isSchoolDay about exactly the seven days from weekStart', () => {
    const asked: string[] = [];
    weeklyReconciliation([], '2026-12-28', (iso) => {
      asked.push(iso);
      return true;
    });
    expect(asked).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });

  it('gives K, B and D on absent days under those arrangements', () => {
    const all = (arrangement: Arrangement): ReconciliationCase => ({ ref: arrangement, pupilName: 'P', yearGroup: 'Year 7', arrangement, absentOn: () => true });
    const codes = weeklyReconciliation(
      [all('LA-arranged provision'), all('Off-site lessons (exceptional)'), all('Hospital school (dual registered)'), all('Not yet arranged')],
      '2026-09-07',
      (iso) => iso === '2026-09-07',
    ).map((r) => [r.ref, r.expectedCode]);
    expect(codes).toEqual([
      ['Hospital school (dual registered)', 'D'],
      ['LA-arranged provision', 'K'],
      ['Not yet arranged', 'I'],
      ['Off-site lessons (exceptional)', 'B'],
    ]);
  });

  it('refuses a week start that is not a date', () => {
    expect(() => weeklyReconciliation([], '07/09/2026', () => true)).toThrow(RangeError);
  });
});
