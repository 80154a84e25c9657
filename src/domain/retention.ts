/**
 * How long the register keeps each kind of record, and which records are past it. Pure: the
 * disposal review (src/app/trust/retention.ts) reads the tables, asks this file what is due, and
 * removes only what a coordinator has confirmed.
 *
 * The defaults come from guidance, not law, except the attendance figure. Each setting's
 * explanation names its source and how sure we are, so the school's data protection officer can
 * check it against the current IRMS Information Management Toolkit for Schools and change it.
 */
import type { SettingDefinition } from './settings';
import { academicYearOf, compareIso, isValidIso, isoFromParts, daysInMonth, type IsoDate } from './dates';

export const RETENTION_SETTING = {
  caseAge: 'Keep closed case records until the pupil is aged',
  attendanceYears: 'Keep attendance check rows for (years)',
  unmatchedYears: 'Keep unmatched contact form responses for (academic years after)',
} as const;

export const RETENTION_SETTINGS: readonly SettingDefinition[] = [
  {
    label: RETENTION_SETTING.caseAge,
    kind: 'number',
    defaultValue: '25',
    min: 1,
    max: 100,
    explanation:
      'A closed case (its row, absence periods, history, contacts, work set, letters and their documents) becomes due for disposal ' +
      'on the pupil\u2019s birthday at this age. Default 25: the IRMS Information Management Toolkit for Schools gives "date of birth + 25 years" ' +
      'for a secondary pupil\u2019s file. This figure was not checked against the current toolkit: your data protection officer should confirm it ' +
      '(health records kept with a pupil\u2019s SEND file may need date of birth + 31 years). A case without a date of birth is never disposed of automatically.',
  },
  {
    label: RETENTION_SETTING.attendanceYears,
    kind: 'number',
    defaultValue: '6',
    min: 1,
    max: 50,
    explanation:
      'Rows of the weekly Attendance check sheet are due for disposal this many years after their date. Default 6: the School Attendance ' +
      '(Pupil Registration) (England) Regulations 2024 require attendance register entries to be kept for at least 6 years (previously 3).',
  },
  {
    label: RETENTION_SETTING.unmatchedYears,
    kind: 'number',
    defaultValue: '2',
    min: 0,
    max: 50,
    explanation:
      'Contact form responses that were never matched to a case are due for disposal at the end of the academic year this many years after ' +
      'the one they arrived in. Default 2: the IRMS toolkit gives "current academic year + 2 years" for correspondence about authorised absence ' +
      '(not checked against the current toolkit; your data protection officer should confirm it).',
  },
];

/** The date `years` after `iso` (29 February becomes 28 February in a year that has none). */
export function addYears(iso: IsoDate, years: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y + years;
  return isoFromParts(year, m, Math.min(d, daysInMonth(year, m)));
}

export interface ClosedCaseFacts {
  readonly ref: string;
  readonly status: string;
  readonly closedOn: string;
  readonly dateOfBirth: string;
}

export type CaseRetention =
  | { readonly kind: 'due'; readonly ref: string; readonly keepUntil: IsoDate; readonly closedOn: IsoDate }
  | { readonly kind: 'kept'; readonly ref: string; readonly keepUntil: IsoDate }
  | { readonly kind: 'undecidable'; readonly ref: string; readonly reason: string }
  | { readonly kind: 'open'; readonly ref: string };

/**
 * Whether a case is past its retention period on `today`. Only a closed case (a "Closed" status
 * and a closing date) can be due; one without a readable date of birth is never due, because
 * guessing would either destroy records early or keep them for ever without anyone knowing.
 */
export function caseRetention(facts: ClosedCaseFacts, keepUntilAge: number, today: IsoDate): CaseRetention {
  const closed = String(facts.status).trim().toLowerCase() === 'closed' && isValidIso(facts.closedOn);
  if (!closed) return { kind: 'open', ref: facts.ref };
  if (!isValidIso(facts.dateOfBirth)) {
    return { kind: 'undecidable', ref: facts.ref, reason: 'it has no date of birth, so its retention period cannot be worked out' };
  }
  const byAge = addYears(facts.dateOfBirth, keepUntilAge);
  // Never before the case closed, even if the age is set very low.
  const keepUntil = compareIso(byAge, facts.closedOn) < 0 ? facts.closedOn : byAge;
  return compareIso(keepUntil, today) <= 0
    ? { kind: 'due', ref: facts.ref, keepUntil, closedOn: facts.closedOn }
    : { kind: 'kept', ref: facts.ref, keepUntil };
}

/** A dated row (attendance check) is due `years` after its date. */
export function datedRowDue(date: string, years: number, today: IsoDate): boolean {
  return isValidIso(date) && compareIso(addYears(date, years), today) <= 0;
}

/** An unmatched response is due once the academic year `years` after the one it arrived in has ended. */
export function academicYearRowDue(date: string, years: number, today: IsoDate): boolean {
  if (!isValidIso(date)) return false;
  const year = academicYearOf(date);
  const endOfKeeping = addYears(year.end, years);
  return compareIso(endOfKeeping, today) < 0;
}
