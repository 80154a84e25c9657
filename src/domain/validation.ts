/**
 * Plain-English validators for what staff and parents type. Each returns the cleaned value or one message
 * that says what to fix. Values are returned as text (a phone number keeps its leading zero); writing them
 * to a Sheet safely is the writer's job (see sanitise.ts / cells.ts).
 */
import { isFormulaLike } from './sanitise';

export type Validated<T> = { ok: true; value: T } | { ok: false; message: string };

export interface FieldProblem {
  field: string;
  message: string;
}

function asText(input: unknown): string {
  if (input === null || input === undefined) return '';
  return String(input).trim();
}

function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}…` : value;
}

function formulaMessage(label: string, value: string): string {
  // eslint-disable-next-line no-control-regex -- skip invisible leading characters to name the visible trigger
  const first = value.replace(/^[\s\u0000-\u001F\u200B-\u200F\uFEFF]+/, '').charAt(0) || value.charAt(0);
  return `The ${label} "${shown(value)}" starts with "${first === '\t' ? 'a tab' : first}", which a spreadsheet could run as a formula. Please remove it.`;
}

// ---------------------------------------------------------------------------------------------- email

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * An email address in the everyday form name@domain.tld. Deliberately stricter than RFC 5322 (no quoted
 * local parts, no IP-literal domains): those are not used by parents or schools and are easy to mistype.
 * The domain is lower-cased; the part before @ is kept as typed.
 */
export function validateEmail(input: unknown, label = 'email address'): Validated<string> {
  const value = asText(input);
  if (value === '') return { ok: false, message: `Please enter the ${label}.` };
  if (value.startsWith('@')) return { ok: false, message: `The ${label} "${shown(value)}" has nothing before the @ sign.` };
  if (isFormulaLike(value)) return { ok: false, message: formulaMessage(label, value) };
  if (/\s/.test(value)) return { ok: false, message: `The ${label} "${shown(value)}" has a space in it. Please remove it.` };
  const at = value.split('@');
  if (at.length === 1) return { ok: false, message: `The ${label} "${shown(value)}" has no @ sign. It should look like name@example.org.uk.` };
  if (at.length > 2) return { ok: false, message: `The ${label} "${shown(value)}" has more than one @ sign. Please enter just one address.` };
  const [local, domain] = at;
  if (local === '') return { ok: false, message: `The ${label} "${shown(value)}" has nothing before the @ sign.` };
  if (domain === '') return { ok: false, message: `The ${label} "${shown(value)}" has nothing after the @ sign.` };
  if (value.length > 254 || local.length > 64) return { ok: false, message: `The ${label} "${shown(value)}" is too long to be an email address.` };
  if (!LOCAL_PART.test(local)) {
    return { ok: false, message: `The part before the @ in "${shown(value)}" has a character an email address cannot have, or a misplaced full stop.` };
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)) || !/^[A-Za-z]{2,}$/.test(labels[labels.length - 1])) {
    return { ok: false, message: `The part after the @ in "${shown(value)}" is not a complete email domain (for example school.org.uk or gmail.com).` };
  }
  return { ok: true, value: `${local}@${domain.toLowerCase()}` };
}

// ---------------------------------------------------------------------------------------------- phone

/**
 * Groups a UK national number (0 then 9 or 10 digits) the way it is usually written, e.g. 07700 900123,
 * 020 7946 0000, 0113 496 0000, 01632 960001. The space also keeps Sheets from reading it as a number.
 */
function groupUkNumber(national: string): string {
  if (national.length === 11) {
    if (/^02/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
    if (/^01\d1|^011|^0[389]/.test(national)) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
    return `${national.slice(0, 5)} ${national.slice(5)}`;
  }
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}

/**
 * A UK phone number: spaces, hyphens, dots and brackets are allowed; +44, 0044 and (0) after +44 are
 * understood. Returned as grouped text in national form ("07700 900123") so the leading zero is kept.
 */
export function validateUkPhone(input: unknown, label = 'phone number'): Validated<string> {
  const value = asText(input);
  if (value === '') return { ok: false, message: `Please enter the ${label}.` };
  if (/[A-Za-z]/.test(value)) {
    return { ok: false, message: `The ${label} "${shown(value)}" has letters in it. Please give just the number; put an extension or a note elsewhere.` };
  }
  if (/[^\d\s+().-]/.test(value)) {
    return { ok: false, message: `The ${label} "${shown(value)}" has a character a phone number cannot have. Use only digits, spaces and a leading +44.` };
  }
  if (value.indexOf('+') > 0 || (value.match(/\+/g) ?? []).length > 1) {
    return { ok: false, message: `The ${label} "${shown(value)}" has a + in the wrong place. Only the start may have one, as in +44 7700 900123.` };
  }
  let digits = value.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('+') || digits.startsWith('00')) {
    return { ok: false, message: `The ${label} "${shown(value)}" is not a UK number. Please give a UK number, or note the overseas one elsewhere.` };
  }
  if (!digits.startsWith('0')) {
    return { ok: false, message: `The ${label} "${shown(value)}" should start with 0 (or +44), as in 07700 900123.` };
  }
  if (digits.length !== 10 && digits.length !== 11) {
    return {
      ok: false,
      message: `A UK phone number has 11 digits starting with 0, as in 07700 900123; "${shown(value)}" has ${digits.length}.`,
    };
  }
  if (/^0[046]/.test(digits)) {
    return { ok: false, message: `The ${label} "${shown(value)}" does not start like a UK number (01, 02, 03, 05, 07, 08 or 09).` };
  }
  return { ok: true, value: groupUkNumber(digits) };
}

// ----------------------------------------------------------------------------------------------- name

const NAME_MAX = 100;
const NAME_PATTERN = /^[\p{L}\p{M}]+(?:[ '\u2019-]+[\p{L}\p{M}]+)*$/u;

/**
 * A person's name: letters (any alphabet, accents included), spaces, hyphens and apostrophes; at most
 * 100 characters. Runs of spaces are collapsed. A value that could run as a formula is refused with a
 * message rather than quietly changed, so the person sees what happened.
 */
export function validatePersonName(input: unknown, label = 'name'): Validated<string> {
  const raw = input === null || input === undefined ? '' : String(input);
  if (isFormulaLike(raw)) return { ok: false, message: formulaMessage(label, raw) };
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '') return { ok: false, message: `Please enter the ${label}.` };
  if (value.length > NAME_MAX) {
    return { ok: false, message: `The ${label} is ${value.length} characters long; the most it can be is ${NAME_MAX}.` };
  }
  if (!NAME_PATTERN.test(value)) {
    const bad = Array.from(value).find((ch) => !/[\p{L}\p{M} '\u2019-]/u.test(ch));
    if (bad !== undefined) {
      const what = /\d/.test(bad) ? `a digit ("${bad}")` : `"${bad}"`;
      return { ok: false, message: `The ${label} "${shown(value)}" has ${what} in it. A name may have only letters, spaces, hyphens and apostrophes.` };
    }
    return { ok: false, message: `The ${label} "${shown(value)}" should start and end with a letter.` };
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------- year group

export const YEAR_GROUPS = [
  'Reception', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6', 'Year 7', 'Year 8', 'Year 9', 'Year 10',
  'Year 11', 'Year 12', 'Year 13',
] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];

/**
 * An English national-curriculum year group, returned as 'Reception' or 'Year 1'…'Year 13'. Accepts the
 * forms MIS exports and people use: 'Year 7', 'Yr 7', 'Y7', '7', '07', 'NC Year 7', 'R', 'YR', 'Rec'.
 */
export function validateYearGroup(input: unknown): Validated<YearGroup> {
  const value = asText(input);
  if (value === '') return { ok: false, message: 'Please enter the year group, for example Year 7 or Reception.' };
  const compact = value.toLowerCase().replace(/[\s.\-_]/g, '').replace(/^nc/, '');
  if (/^(r|yr|rec|reception|yearr|yearreception|year0|y0|0)$/.test(compact)) return { ok: true, value: 'Reception' };
  const m = /^(?:year|yr|y)?0?(\d{1,2})$/.exec(compact);
  if (m) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 13) return { ok: true, value: YEAR_GROUPS[n] };
  }
  return {
    ok: false,
    message: `"${shown(value)}" is not a year group we recognise. Please use Reception or Year 1 to Year 13 (Y7, Yr 7 and 7 also work).`,
  };
}

// -------------------------------------------------------------------------------------------- text

/** Required free text of at most maxLength characters, trimmed. */
export function validateRequiredText(label: string, value: unknown, maxLength: number): Validated<string> {
  const text = asText(value);
  if (text === '') return { ok: false, message: `Please enter the ${label}.` };
  if (text.length > maxLength) {
    return { ok: false, message: `The ${label} is ${text.length} characters long; the most it can be is ${maxLength}. Please shorten it.` };
  }
  return { ok: true, value: text };
}

/** Wraps a validator so that a blank value is accepted as ''. */
export function optional<T>(validate: (input: unknown) => Validated<T>): (input: unknown) => Validated<T | ''> {
  return (input) => (asText(input) === '' ? { ok: true, value: '' } : validate(input));
}

// ------------------------------------------------------------------------------------------- forms

type ValueOf<R> = R extends { ok: true; value: infer V } ? V : never;

/** The problems among named results, in the order given: `collectProblems({ email: validateEmail(x) })`. */
export function collectProblems(results: Record<string, Validated<unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(results)) {
    const result = results[field];
    if (!result.ok) problems.push({ field, message: result.message });
  }
  return problems;
}

/**
 * All the values when every result is ok, otherwise every problem (so a form can show them all at once).
 */
export function validateAll<R extends Record<string, Validated<unknown>>>(
  results: R,
): { ok: true; values: { [K in keyof R]: ValueOf<R[K]> } } | { ok: false; problems: FieldProblem[] } {
  const problems = collectProblems(results);
  if (problems.length > 0) return { ok: false, problems };
  const values: Record<string, unknown> = {};
  for (const field of Object.keys(results)) {
    const result = results[field];
    if (result.ok) values[field] = result.value;
  }
  return { ok: true, values: values as { [K in keyof R]: ValueOf<R[K]> } };
}
