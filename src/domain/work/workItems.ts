/**
 * Checking a piece of work before it is logged, and the week arithmetic of "log a week's work in
 * one go". Every problem names the field and says what to do.
 */
import { addDays, compareIso, formatLongDate, isValidIso, weekday } from '../dates';
import { isWorkMedium, WORK_MEDIA, type WorkMedium } from './vocabulary';

export interface WorkItemDraft {
  readonly subject?: string;
  readonly teacher?: string;
  readonly description?: string;
  readonly medium?: string;
  readonly dateSet?: string;
  readonly dueDate?: string;
}

export interface CheckedWorkItem {
  readonly subject: string;
  readonly teacher: string;
  readonly description: string;
  readonly medium: WorkMedium;
  readonly dateSet: string;
  readonly dueDate: string;
}

export type WorkItemCheck = { ok: true; item: CheckedWorkItem } | { ok: false; problems: Array<{ field: string; message: string }> };

/** `label` prefixes messages when several items are checked at once ("Item 2: …"). */
export function checkWorkItem(draft: WorkItemDraft, defaults: { teacher: string; dateSet: string; dueDate?: string }, label = ''): WorkItemCheck {
  const problems: Array<{ field: string; message: string }> = [];
  const say = (field: string, message: string) => problems.push({ field, message: label ? `${label}: ${message}` : message });
  const subject = tidy(draft.subject, 100);
  const description = tidy(draft.description, 2000, true);
  const teacher = tidy(draft.teacher || defaults.teacher, 200);
  const medium = String(draft.medium ?? '').trim();
  const dateSet = String(draft.dateSet || defaults.dateSet).trim();
  const dueDate = String(draft.dueDate || defaults.dueDate || '').trim();
  if (!subject) say('subject', 'Give the subject, for example Maths.');
  if (!description) say('description', 'Say what the work is, for example "Fractions worksheet, pages 4 to 6".');
  if (!isWorkMedium(medium)) say('medium', `Choose how the work reaches the pupil: ${WORK_MEDIA.join(', ')}.`);
  if (!isValidIso(dateSet)) say('dateSet', `The date set "${dateSet}" is not a date.`);
  if (dueDate && !isValidIso(dueDate)) say('dueDate', `The due date "${dueDate}" is not a date.`);
  if (isValidIso(dateSet) && dueDate && isValidIso(dueDate) && compareIso(dueDate, dateSet) < 0) {
    say('dueDate', `The due date (${formatLongDate(dueDate)}) is before the date the work was set (${formatLongDate(dateSet)}).`);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, item: { subject, teacher, description, medium: medium as WorkMedium, dateSet, dueDate } };
}

/**
 * Free text tidied for a cell and a letter: control characters removed, spaces trimmed, length
 * capped. Formula-like text is left as typed: the table store neutralises it when writing, and a
 * letter should show what the teacher wrote.
 */
export function tidy(value: unknown, maxLength: number, multiline = false): string {
  let text = value === null || value === undefined ? '' : String(value);
  text = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (!multiline) text = text.replace(/\n/g, ' ');
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  text = text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '');
  return text.trim().slice(0, maxLength).trim();
}

/** The Monday of the week a date falls in. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

/** The Friday of the week a date falls in. */
export function fridayOf(iso: string): string {
  return addDays(mondayOf(iso), 4);
}

/** Whether a date falls in the Monday–Sunday week starting on `monday`. */
export function inWeek(iso: string, monday: string): boolean {
  return isValidIso(iso) && compareIso(iso, monday) >= 0 && compareIso(iso, addDays(monday, 6)) <= 0;
}

/** Classroom submission states as staff read them. */
export function describeSubmission(state: string, late: boolean): string {
  const words: Record<string, string> = {
    NEW: 'Assigned',
    CREATED: 'Assigned (started)',
    TURNED_IN: 'Turned in',
    RETURNED: 'Returned by teacher',
    RECLAIMED_BY_STUDENT: 'Taken back by pupil',
  };
  const text = words[state] ?? state;
  return late ? `${text}, late` : text;
}
