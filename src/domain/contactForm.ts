/**
 * The contact Form as the register sees it: its questions, how a pupil is named in its dropdown,
 * how the register reads a response back, and the Contact ID that makes logging a response
 * idempotent. Pure: the Form itself is made in src/gas/contactForm.ts.
 *
 * The dropdown names each pupil "Name (Year 7) – HN-2026-0001": enough for staff to pick the
 * right child, nothing about their health. A response is matched to its case by the case
 * reference at the end of the choice, never by the name (two pupils may share a name).
 */
import type { TableSpec } from './schema/types';
import { CONTACTED, CONTACT_METHODS, CONTACT_OUTCOMES } from './lists';
import { isValidIso, type IsoDate } from './dates';

export const FORM_TITLE = 'Daily contact log';

export const QUESTION = {
  pupil: 'Pupil',
  date: 'Date of contact',
  contacted: 'Who was contacted',
  method: 'Method',
  outcome: 'Outcome',
  wellbeing: 'Wellbeing',
  engagement: 'Engagement with work',
  nextSteps: 'Next steps',
} as const;

export type QuestionKind = 'list' | 'choice' | 'date' | 'paragraph';

export interface FormQuestion {
  readonly title: string;
  readonly kind: QuestionKind;
  readonly required: boolean;
  readonly helpText: string;
  /** For list and choice questions. The pupil list is replaced from the open cases. */
  readonly choices?: readonly string[];
}

export interface ContactFormSpec {
  readonly title: string;
  readonly description: string;
  readonly confirmationMessage: string;
  readonly questions: readonly FormQuestion[];
  /** The question whose choices are the open cases. */
  readonly pupilQuestion: string;
}

/** Shown in the dropdown when no case is open (a Forms list needs at least one choice). */
export const NO_OPEN_CASES = 'No pupils have an open case at the moment';

export function contactFormSpec(lists: { contacted?: readonly string[]; methods?: readonly string[]; outcomes?: readonly string[] } = {}): ContactFormSpec {
  return {
    title: FORM_TITLE,
    description:
      'Log each contact with a pupil who is absent for health reasons, or their family, on the day it happens. ' +
      'The policy asks for contact on every school day of absence. Record what staff need to know; keep medical detail out.',
    confirmationMessage: 'Thank you: the contact is logged on the pupil\u2019s case.',
    pupilQuestion: QUESTION.pupil,
    questions: [
      { title: QUESTION.pupil, kind: 'list', required: true, helpText: 'Pupils with an open case. The list changes as cases open and close.', choices: [NO_OPEN_CASES] },
      { title: QUESTION.date, kind: 'date', required: true, helpText: 'The day the contact was made or attempted.' },
      { title: QUESTION.contacted, kind: 'choice', required: true, helpText: '', choices: nonEmpty(lists.contacted, CONTACTED) },
      { title: QUESTION.method, kind: 'choice', required: true, helpText: '', choices: nonEmpty(lists.methods, CONTACT_METHODS) },
      { title: QUESTION.outcome, kind: 'choice', required: true, helpText: '', choices: nonEmpty(lists.outcomes, CONTACT_OUTCOMES) },
      { title: QUESTION.wellbeing, kind: 'paragraph', required: false, helpText: 'How the pupil is, in a sentence or two. Seen only by staff allowed to see health details.' },
      { title: QUESTION.engagement, kind: 'paragraph', required: false, helpText: 'How the pupil is getting on with the work set.' },
      { title: QUESTION.nextSteps, kind: 'paragraph', required: false, helpText: 'What happens next, and who does it.' },
    ],
  };
}

function nonEmpty(values: readonly string[] | undefined, fallback: readonly string[]): readonly string[] {
  const cleaned = [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
  return cleaned.length ? cleaned : fallback;
}

/**
 * The sheet Forms writes responses to, read through the table store like any other: found by the
 * sheet id kept in document properties, columns by header (the question titles).
 */
export const CONTACT_FORM_RESPONSES: TableSpec = {
  key: 'contactFormResponses',
  title: 'Contact form responses',
  purpose: 'Written by the contact Form. The add-on copies each response to the Contact log.',
  columns: [
    { key: 'timestamp', header: 'Timestamp', type: 'dateTime', required: true },
    { key: 'email', header: 'Email address', type: 'email' },
    { key: 'pupil', header: QUESTION.pupil, type: 'text', required: true },
    { key: 'date', header: QUESTION.date, type: 'date' },
    { key: 'contacted', header: QUESTION.contacted, type: 'text' },
    { key: 'method', header: QUESTION.method, type: 'text' },
    { key: 'outcome', header: QUESTION.outcome, type: 'text' },
    { key: 'wellbeing', header: QUESTION.wellbeing, type: 'longText', health: true },
    { key: 'engagement', header: QUESTION.engagement, type: 'longText' },
    { key: 'nextSteps', header: QUESTION.nextSteps, type: 'longText' },
  ],
};

// ------------------------------------------------------------------------------------ the pupil choice

/** 'Amy Khan (Year 7) – HN-2026-0001'. The en dash separates the reference, which is matched. */
export function pupilChoice(name: string, yearGroup: string, ref: string): string {
  const safeName = oneLine(name) || 'Pupil';
  const year = oneLine(yearGroup);
  return `${safeName}${year ? ` (${year})` : ''} \u2013 ${ref}`;
}

/** The case reference named by a dropdown choice, or '' when it names none. */
export function caseRefFromChoice(answer: string): string {
  const text = String(answer ?? '').trim();
  const at = text.lastIndexOf('\u2013');
  if (at < 0) return '';
  const ref = text.slice(at + 1).trim();
  return /^[A-Za-z0-9][A-Za-z0-9/_-]{2,39}$/.test(ref) ? ref : '';
}

function oneLine(text: string): string {
  return String(text ?? '').replace(/[\u2013\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();
}

// -------------------------------------------------------------------------------------- pre-filled links

/** Stands for the pupil's answer in a pre-filled link template; never encoded by anyone. */
export const PUPIL_PLACEHOLDER = '__PUPIL__';

/** The Form link with this pupil already chosen, from the template the Form gave at set-up. */
export function prefilledLink(template: string, choice: string): string {
  if (!template.includes(PUPIL_PLACEHOLDER)) return '';
  return template.replace(PUPIL_PLACEHOLDER, encodeURIComponent(choice).replace(/%20/g, '+'));
}

// ------------------------------------------------------------------------------------------ Contact IDs

/** 'F-12-20260907T130509Z': the response's row and second, unique per response row, stable across deliveries. */
export function formContactId(row: number, timestamp: Date): string {
  const stamp = timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `F-${row}-${stamp}`;
}

/** The response row a Form Contact ID names, or null for a sidebar entry. */
export function rowOfFormContactId(contactId: string): number | null {
  const m = /^F-(\d+)-/.exec(contactId);
  return m ? Number(m[1]) : null;
}

// ------------------------------------------------------------------------------------ reading a response

export interface ContactAnswers {
  readonly date: IsoDate;
  readonly contacted: string;
  readonly method: string;
  readonly outcome: string;
  readonly wellbeing: string;
  readonly engagement: string;
  readonly nextSteps: string;
}

export type ReadAnswers = { ok: true; answers: ContactAnswers } | { ok: false; reason: string };

/**
 * Free text from a Form or the sidebar, tidied for a cell: line endings normalised, control
 * characters and bidi overrides removed, surrounding space trimmed, length capped. Formula-like
 * text is neutralised by the table store when it is written (doing it here as well would store a
 * visible apostrophe).
 */
export function tidyText(value: unknown, options: { multiline?: boolean; maxLength?: number } = {}): string {
  let text = value === null || value === undefined ? '' : String(value);
  text = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (!options.multiline) text = text.replace(/\n/g, ' ');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  text = text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '').trim();
  const max = options.maxLength ?? 5000;
  return text.length > max ? text.slice(0, max).trimEnd() : text;
}

/** A response's answers, tidied for a cell. Not matched to a case here: the caller does that. */
export function readContactAnswers(values: Readonly<Record<string, unknown>>, today: IsoDate): ReadAnswers {
  const date = String(values.date ?? '').trim();
  if (!isValidIso(date)) return { ok: false, reason: 'The date of contact is missing or is not a date.' };
  if (date > today) return { ok: false, reason: `The date of contact, ${date}, is in the future.` };
  const missing = (['contacted', 'method', 'outcome'] as const).filter((k) => String(values[k] ?? '').trim() === '');
  if (missing.length) {
    const names = missing.map((k) => `"${QUESTION[k]}"`).join(', ');
    return { ok: false, reason: `The answer to ${names} is missing.` };
  }
  const line = (v: unknown) => tidyText(v, { maxLength: 200 });
  const long = (v: unknown) => tidyText(v, { multiline: true });
  return {
    ok: true,
    answers: {
      date,
      contacted: line(values.contacted),
      method: line(values.method),
      outcome: line(values.outcome),
      wellbeing: long(values.wellbeing),
      engagement: long(values.engagement),
      nextSteps: long(values.nextSteps),
    },
  };
}

/**
 * The answers as text for the Unmatched contacts sheet, so the coordinator can see what was
 * logged. Wellbeing is named but not copied: that sheet is not limited to health roles.
 */
export function answersSummary(values: Readonly<Record<string, unknown>>): string {
  const text = (v: unknown) => tidyText(v, { multiline: true, maxLength: 1000 });
  const lines = [
    `${QUESTION.date}: ${text(values.date)}`,
    `${QUESTION.contacted}: ${text(values.contacted)}`,
    `${QUESTION.method}: ${text(values.method)}`,
    `${QUESTION.outcome}: ${text(values.outcome)}`,
    `${QUESTION.wellbeing}: ${String(values.wellbeing ?? '').trim() ? '(recorded; shown once matched to a case)' : ''}`,
    `${QUESTION.engagement}: ${text(values.engagement)}`,
    `${QUESTION.nextSteps}: ${text(values.nextSteps)}`,
  ];
  return lines.join('\n');
}
