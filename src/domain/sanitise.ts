/**
 * Neutralising spreadsheet formula injection (OWASP ASVS 1.2.10; OWASP "CSV Injection") for every value
 * that came from a person, a Form or a CSV file and is written to a Sheet or exported as CSV.
 *
 * A cell that begins with = + - or @ (or their full-width forms, which some spreadsheet programs fold to
 * ASCII), possibly after invisible leading characters, may be read as a formula. The defence is a leading
 * apostrophe: Sheets (and the project's emulator) take "'=1+1" as the text "=1+1", so the person's text is
 * kept exactly while nothing is evaluated. Strings that start with a tab, CR or LF are also prefixed, as
 * OWASP lists those as formula triggers in some importers.
 */

/** Characters that make a spreadsheet treat the cell as a formula. */
const TRIGGERS = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Characters a spreadsheet or importer may skip, or a reader cannot see, before the first real character:
 * whitespace (including no-break space and BOM), C0/C1 control characters, zero-width and bidi marks.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be skipped
const INVISIBLE_LEAD = /^[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]+/;

/** A plain number such as -5, +3.2 or -1e3: data, not a formula, when the column is known to be numeric. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface NeutraliseOptions {
  /** The column holds numbers, so a plain signed number ("-5") is left alone. Default false. */
  numeric?: boolean;
}

/** True when a spreadsheet might evaluate this text as a formula if it were written to a cell as is. */
export function isFormulaLike(value: string): boolean {
  if (typeof value !== 'string' || value === '') return false;
  if (/^[\t\r\n]/.test(value)) return true;
  const rest = value.replace(INVISIBLE_LEAD, '');
  return rest !== '' && TRIGGERS.has(rest.charAt(0));
}

/**
 * The text to write to a Sheet so that it is stored as exactly this text and never evaluated. A string
 * that already starts with an apostrophe gets a second one, because Sheets would otherwise drop the first
 * ("'Tis" would be stored as "Tis").
 */
export function neutraliseFormula(value: string, options: NeutraliseOptions = {}): string {
  if (typeof value !== 'string' || value === '') return value;
  if (options.numeric && PLAIN_NUMBER.test(value.trim())) return value;
  if (isFormulaLike(value) || value.charAt(0) === "'") return `'${value}`;
  return value;
}

export const DEFAULT_MAX_CELL_LENGTH = 5000;

export interface CleanOptions extends NeutraliseOptions {
  /** Keep line breaks (as "\n"); otherwise each becomes a space. Default false. */
  multiline?: boolean;
  /** Longest text kept, in characters; default 5,000. Longer text is cut at this length. */
  maxLength?: number;
}

export interface CleanedText {
  /** Ready to write to a cell. */
  text: string;
  /** The text was longer than maxLength and was cut. */
  truncated: boolean;
  /** A plain message to show when truncated, otherwise null. */
  message: string | null;
}

/** The message shown when free text is longer than a cell may hold. */
export function tooLongMessage(maxLength: number, length: number): string {
  return `This text is ${groupThousands(length)} characters long; only the first ${groupThousands(maxLength)} can be kept. Please shorten it, or attach a document instead.`;
}

/** 5000 → "5,000" without Intl (not available everywhere the domain runs). */
function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Tidies free text from a person, a Form or a CSV for a cell, and reports whether it was cut short:
 * line endings normalised, tabs and (unless multiline) line breaks become spaces, other control characters
 * and bidi overrides are removed, surrounding space trimmed, length capped, then formula-like text
 * neutralised. null and undefined become ''.
 */
export function cleanCellTextReport(value: unknown, options: CleanOptions = {}): CleanedText {
  const maxLength = options.maxLength ?? DEFAULT_MAX_CELL_LENGTH;
  let text = value === null || value === undefined ? '' : String(value);
  text = text.replace(/\r\n?/g, '\n');
  text = text.replace(/\t/g, ' ');
  text = options.multiline ? text.replace(/[ \u00A0]+\n/g, '\n') : text.replace(/\n/g, ' ');
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '');
  text = text.trim();
  let truncated = false;
  let message: string | null = null;
  if (text.length > maxLength) {
    message = tooLongMessage(maxLength, text.length);
    text = text.slice(0, maxLength).trimEnd();
    truncated = true;
  }
  return { text: neutraliseFormula(text, options), truncated, message };
}

/** cleanCellTextReport's text alone, for callers that validate length separately. */
export function cleanCellText(value: unknown, options: CleanOptions = {}): string {
  return cleanCellTextReport(value, options).text;
}

/**
 * A separator inside a field followed (after spaces, invisible characters or quotes) by a formula trigger.
 * A program that splits the file on a different delimiter than it was written with (a semicolon-locale
 * spreadsheet opening a comma file), or that does not understand line breaks inside quotes, would start a
 * new cell there.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be skipped
const INNER_TRIGGER = /([,;\t\r\n][\s"\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * One field for a CSV export: neutralised like a cell (the apostrophe shows in the exported text, which
 * is the OWASP recommendation); an apostrophe is also put before a trigger that follows a separator inside
 * the field (";=1" is exported as ";'=1"), so no reading of the file, with any delimiter, starts a cell
 * with a formula. The field is quoted when it holds a delimiter (comma, semicolon or tab), a quote, a line
 * break, surrounding space, or was neutralised; quotes inside are doubled (RFC 4180).
 */
export function neutraliseCsvField(value: string, options: NeutraliseOptions = {}): string {
  const text = value === null || value === undefined ? '' : String(value);
  const neutralised = neutraliseFormula(text, options).replace(INNER_TRIGGER, "$1'");
  const needsQuotes = neutralised !== text || /[",;\t\r\n]/.test(neutralised) || /^\s|\s$/.test(neutralised);
  return needsQuotes ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}
