/**
 * What goes into one letter, worked out from the case, the work set and the settings. The result
 * is stored with the queued letter, so the letter a run makes is exactly the one that was previewed
 * even if the case changes in between.
 */
import { formatLongDate } from '../dates';
import type { LetterKind } from '../work/vocabulary';

export interface LetterCase {
  readonly ref: string;
  readonly pupilName: string;
  readonly yearGroup: string;
  readonly parentName: string;
  readonly parentEmail: string;
}

export interface LetterWorkItem {
  readonly subject: string;
  readonly description: string;
  readonly medium: string;
  readonly dueDate: string;
  readonly classroomLink: string;
}

export interface LetterSettings {
  readonly schoolName: string;
  readonly signOff: string;
  readonly expectations: string;
}

export interface LetterRequest {
  readonly kind: LetterKind;
  /** The letter's date, 'YYYY-MM-DD'. */
  readonly date: string;
  /** Work-set letters: Monday of the week the work is for. */
  readonly weekOf?: string;
  /** General letters: the message. */
  readonly message?: string;
}

/** Stored (as JSON) with each queued letter. */
export interface LetterContent {
  readonly values: Readonly<Record<string, string>>;
  /** The parent/carer's email; '' when the letter is not emailed. */
  readonly emailTo: string;
}

export function letterValues(request: LetterRequest, kase: LetterCase, work: readonly LetterWorkItem[], settings: LetterSettings): Record<string, string> {
  const values: Record<string, string> = {
    Date: formatLongDate(request.date),
    'School name': settings.schoolName,
    'Parent name': kase.parentName.trim() || 'Parent/carer',
    'Pupil name': kase.pupilName.trim(),
    'Pupil first name': firstName(kase.pupilName),
    'Year group': kase.yearGroup,
    'Case ref': kase.ref,
    'Sign-off name': settings.signOff,
  };
  if (request.kind === 'Work set letter') {
    values.Week = request.weekOf ? `the week beginning ${formatLongDate(request.weekOf)}` : '';
    values['Work list'] = workListText(work);
    values.Expectations = settings.expectations;
  } else {
    values.Message = (request.message ?? '').trim();
  }
  return values;
}

/** Where each value comes from, so "no data" problems say what to fill in. */
export function valueSources(kase: LetterCase): Record<string, string> {
  return {
    'School name': 'fill in "School name" on the Settings sheet',
    'Pupil name': `case ${kase.ref} has no pupil name`,
    'Pupil first name': `case ${kase.ref} has no pupil name`,
    'Year group': `case ${kase.ref} has no year group`,
    'Sign-off name': 'fill in "Letter sign-off name" on the Settings sheet',
    Week: 'choose the week the work is for',
    'Work list': `no work is logged for case ${kase.ref} in that week: log the work first`,
    Expectations: 'fill in "Work expectations text" on the Settings sheet',
    Message: 'write the message for the letter',
  };
}

/** One paragraph per piece of work: "Maths: Fractions worksheet (Google Classroom, due Fri 27 Nov 2026)". */
export function workListText(work: readonly LetterWorkItem[]): string {
  return work
    .map((w) => {
      const details = [w.medium, w.dueDate ? `due ${formatLongDate(w.dueDate)}` : ''].filter(Boolean).join(', ');
      const link = w.classroomLink ? ` ${w.classroomLink}` : '';
      return `\u2022 ${w.subject}: ${w.description.trim()}${details ? ` (${details})` : ''}${link}`;
    })
    .join('\n');
}

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}

/** "Jane Smith (jane@example.com)", or the name alone when there is no email. */
export function addresseeText(kase: LetterCase): string {
  const name = kase.parentName.trim() || 'Parent/carer';
  return kase.parentEmail.trim() ? `${name} (${kase.parentEmail.trim()})` : name;
}

export function encodeContent(content: LetterContent): string {
  return JSON.stringify(content);
}

export function decodeContent(text: string): LetterContent | null {
  try {
    const parsed = JSON.parse(text) as Partial<LetterContent>;
    if (!parsed || typeof parsed.values !== 'object' || parsed.values === null) return null;
    return { values: parsed.values as Record<string, string>, emailTo: typeof parsed.emailTo === 'string' ? parsed.emailTo : '' };
  } catch {
    return null;
  }
}
