/**
 * Which register code the school's MIS should show for a pupil under each arrangement, under the School
 * Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208, reg 10) and Working together to
 * improve school attendance (Aug 2024). Only the MIS records marks; this is advice for the attendance
 * officer to check the register against, never a substitute for it.
 */
import type { Arrangement } from './arrangements';
import { addDays, isValidIso, type IsoDate } from './dates';

export type AttendanceCode = 'I' | 'M' | 'C2' | 'K' | 'D' | 'B' | '/ \\';

export interface CodeMeaning {
  meaning: string;
  category: 'Present' | 'Attending an approved educational activity' | 'Authorised absence' | 'Not counted (dual registration)';
}

export const CODE_MEANINGS: Readonly<Record<AttendanceCode, CodeMeaning>> = {
  '/ \\': { meaning: 'Present in school (morning / and afternoon \\)', category: 'Present' },
  I: { meaning: 'Unable to attend because of sickness (illness, not appointments)', category: 'Authorised absence' },
  M: { meaning: 'Medical or dental appointment', category: 'Authorised absence' },
  C2: {
    meaning: 'Leave of absence for a compulsory-school-age pupil subject to a part-time timetable',
    category: 'Authorised absence',
  },
  K: {
    meaning: 'Attending education provision arranged by the local authority under section 19(1) of the Education Act 1996',
    category: 'Attending an approved educational activity',
  },
  D: { meaning: 'Attending another school at which the pupil is also registered (dual registration)', category: 'Not counted (dual registration)' },
  B: {
    meaning: 'Attending any other approved educational activity (school-arranged, supervised by a suitably qualified person)',
    category: 'Attending an approved educational activity',
  },
};

export interface CodeAdvice {
  code: AttendanceCode;
  meaning: string;
  advice: string;
}

const REMOTE_IS_ABSENCE =
  'Work or lessons done at home are absence, not attendance: do not use B for remote or virtual lessons.';

const ADVICE: Readonly<Record<Arrangement, { code: AttendanceCode; advice: string }>> = {
  'Not yet arranged': {
    code: 'I',
    advice: 'Record I for each session missed through illness. Pupils with I for 15 school days in a row or in total must be reported to the LA.',
  },
  'School work: online': { code: 'I', advice: `Record I for each session missed through illness. ${REMOTE_IS_ABSENCE}` },
  'School work: work packs': { code: 'I', advice: `Record I for each session missed through illness. ${REMOTE_IS_ABSENCE}` },
  'Virtual lessons (exceptional)': {
    code: 'I',
    advice: `Record I for each session missed through illness, even when the pupil joins lessons live. ${REMOTE_IS_ABSENCE}`,
  },
  'Off-site lessons (exceptional)': {
    code: 'B',
    advice:
      'Record B only for sessions the pupil attends at the off-site lessons the school arranged, supervised by a suitably qualified person. Record I for sessions missed through illness.',
  },
  'LA-arranged provision': {
    code: 'K',
    advice:
      'Record K for sessions the pupil attends at provision the LA arranged under section 19; I for sessions missed through illness. Check with your LA whether home tuition is coded K.',
  },
  'Hospital school (dual registered)': {
    code: 'D',
    advice: 'Record D for sessions when the pupil is expected at the hospital school where they are also registered; that school records their attendance.',
  },
  'Part-time timetable': {
    code: 'C2',
    advice:
      'Record C2 for the sessions the pupil is not expected to attend under the agreed part-time timetable, and present marks (/ \\) for sessions attended. If the pupil is ill during an expected session, record I.',
  },
  Reintegration: {
    code: '/ \\',
    advice:
      'Record present marks (/ \\) for sessions attended. If the pupil is on a part-time timetable, record C2 for the sessions they are not expected to attend; record I if they are ill.',
  },
  Closed: {
    code: '/ \\',
    advice: 'The case is closed: record attendance as for any pupil. If the pupil is ill again, record I and consider reopening the case.',
  },
};

/** For appointments during a session, whatever the arrangement. */
export const MEDICAL_APPOINTMENT: CodeAdvice = {
  code: 'M',
  meaning: CODE_MEANINGS.M.meaning,
  advice: 'Record M for a session missed for a medical or dental appointment (hospital, consultant, CAMHS, dentist), not I.',
};

/** The usual register code for a pupil under this arrangement, with what it means and how to apply it. */
export function codeFor(arrangement: Arrangement): CodeAdvice {
  const entry = ADVICE[arrangement];
  if (!entry) throw new RangeError(`Unknown arrangement: ${arrangement}`);
  return { code: entry.code, meaning: CODE_MEANINGS[entry.code].meaning, advice: entry.advice };
}

export interface ReconciliationCase {
  ref: string;
  pupilName: string;
  yearGroup: string;
  arrangement: Arrangement;
  /** Whether the pupil was away from school (not in lessons on site) on this date. */
  absentOn: (iso: IsoDate) => boolean;
}

/** What the register is expected to show on a day the pupil was away, per arrangement. */
export type ExpectedCode = AttendanceCode | 'C2 or I';

export interface ReconciliationRow {
  ref: string;
  pupilName: string;
  yearGroup: string;
  date: IsoDate;
  expectedCode: ExpectedCode;
  note: string;
}

/** The code expected for a whole day away under each arrangement, and a note for the attendance officer. */
function expectedForAbsentDay(arrangement: Arrangement): { expectedCode: ExpectedCode; note: string } {
  switch (arrangement) {
    case 'Not yet arranged':
      return { expectedCode: 'I', note: 'Ill, no education arranged yet. Use M instead for a session spent at a medical appointment.' };
    case 'School work: online':
    case 'School work: work packs':
    case 'Virtual lessons (exceptional)':
      return { expectedCode: 'I', note: `${arrangement}. ${REMOTE_IS_ABSENCE}` };
    case 'Off-site lessons (exceptional)':
      return { expectedCode: 'B', note: 'B only for sessions at the supervised off-site lessons; I for sessions missed through illness.' };
    case 'LA-arranged provision':
      return { expectedCode: 'K', note: 'K for sessions at the LA-arranged provision; I for sessions missed through illness. Check with your LA whether home tuition is coded K.' };
    case 'Hospital school (dual registered)':
      return { expectedCode: 'D', note: 'Dual registered: the hospital school records attendance.' };
    case 'Part-time timetable':
      return { expectedCode: 'C2', note: 'C2 for sessions outside the agreed timetable; I if the pupil was ill during an expected session.' };
    case 'Reintegration':
      return { expectedCode: 'C2 or I', note: 'C2 for sessions outside an agreed part-time timetable; I if the pupil was ill.' };
    case 'Closed':
      return { expectedCode: 'I', note: 'The case is closed; if the pupil is ill again, consider reopening it.' };
  }
}

/**
 * For each school day in the seven days from weekStart on which a pupil with an open case was away, the
 * code the register should show, for the attendance officer to check against the MIS. Closed cases are
 * left out. Rows are in date order, then by case reference.
 */
export function weeklyReconciliation(
  cases: readonly ReconciliationCase[],
  weekStart: IsoDate,
  isSchoolDay: (iso: IsoDate) => boolean,
): ReconciliationRow[] {
  if (!isValidIso(weekStart)) throw new RangeError(`weekStart must be a date 'YYYY-MM-DD'; got "${weekStart}"`);
  const open = cases.filter((c) => c.arrangement !== 'Closed').slice().sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  const rows: ReconciliationRow[] = [];
  for (let d = 0; d < 7; d++) {
    const date = addDays(weekStart, d);
    if (!isSchoolDay(date)) continue;
    for (const c of open) {
      if (!c.absentOn(date)) continue;
      const { expectedCode, note } = expectedForAbsentDay(c.arrangement);
      rows.push({ ref: c.ref, pupilName: c.pupilName, yearGroup: c.yearGroup, date, expectedCode, note });
    }
  }
  return rows;
}
