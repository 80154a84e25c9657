/**
 * What a cell holds and how Sheets turns what a script writes into it. These rules are the ones
 * that surprise code written against plain arrays: "0123" loses its leading zero, "TRUE" becomes a
 * boolean, "2026-09-07" becomes a date, "=…" becomes a formula and "'…" stays text — unless the
 * cell is formatted as plain text ('@').
 */
import { zonedParts, zonedTimeToUtc } from '../timezone';

/** A stored cell value. `undefined` (a hole in the row array) is an empty cell, read as ''. */
export type CellValue = string | number | boolean | Date;

/**
 * Date test that works across realms: the bundle runs in a node:vm context whose Date is not
 * this module's Date, so `instanceof Date` would be false for the script's dates.
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** What a write produced: the value to store, and a formula when the input was one. */
export interface CoercedInput {
  value: CellValue | undefined;
  formula?: string;
  /** A number format Sheets infers when it recognises a date or percentage typed as text. */
  inferredFormat?: string;
}

export const PLAIN_TEXT_FORMAT = '@';
/** What getNumberFormat returns for a cell nobody has formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** How Sheets (en_GB) shows a date-time written by a script into an unformatted cell. */
export const DEFAULT_DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_RE = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Converts one value written by setValue/setValues/appendRow to what the cell stores.
 * `numberFormat` is the target cell's format; `timeZone` the spreadsheet's (dates typed as text
 * mean midnight there).
 */
export function coerceInput(input: unknown, numberFormat: string | undefined, timeZone: string): CoercedInput {
  if (input === null || input === undefined || input === '') return { value: undefined };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!' };
  if (typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  if (typeof input !== 'string') return { value: String(input) };
  // Fast path: text starting with a letter other than t/f (TRUE/FALSE) can only be text.
  const first = input.charCodeAt(0);
  if (((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) && !'tTfF'.includes(input[0])) return { value: input };

  if (input.startsWith('=') && input.length > 1) return { value: evaluateFormula(input), formula: input };
  // A leading apostrophe forces text and is not part of the value.
  if (input.startsWith("'")) return { value: input.length > 1 ? input.slice(1) : undefined };
  if (numberFormat === PLAIN_TEXT_FORMAT) return { value: input };

  const trimmed = input.trim();
  if (NUMBER_RE.test(trimmed)) return { value: Number(trimmed) };
  if (PERCENT_RE.test(trimmed)) return { value: Number(trimmed.slice(0, -1)) / 100, inferredFormat: '0%' };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE') return { value: true };
  if (upper === 'FALSE') return { value: false };

  const iso = ISO_DATE_RE.exec(trimmed);
  if (iso) {
    const date = localDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), timeZone);
    if (date) return { value: date, inferredFormat: 'yyyy-mm-dd' };
  }
  const uk = UK_DATE_RE.exec(trimmed);
  if (uk) {
    const date = localDate(Number(uk[3]), Number(uk[2]), Number(uk[1]), timeZone);
    if (date) return { value: date, inferredFormat: 'dd/mm/yyyy' };
  }
  return { value: input };
}

function localDate(year: number, month: number, day: number, timeZone: string): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined; // 31/02/2026 stays text, as in Sheets
  return zonedTimeToUtc(year, month, day, 0, 0, 0, timeZone);
}

/**
 * The emulator evaluates only arithmetic on number literals (=1+2*3, =(4-1)/2). Anything else —
 * functions, cell references — reads as "#NAME?", so code that relies on formula results in tests
 * notices rather than silently getting a plausible number.
 */
export function evaluateFormula(formula: string): CellValue {
  const src = formula.slice(1).replace(/\s+/g, '');
  let i = 0;
  const fail = (): never => { throw new FormulaError(); };
  const parseExpr = (): number => {
    let v = parseTerm();
    while (src[i] === '+' || src[i] === '-') {
      const op = src[i++];
      const r = parseTerm();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const parseTerm = (): number => {
    let v = parseFactor();
    while (src[i] === '*' || src[i] === '/') {
      const op = src[i++];
      const r = parseFactor();
      if (op === '/' && r === 0) throw new FormulaError('#DIV/0!');
      v = op === '*' ? v * r : v / r;
    }
    return v;
  };
  const parseFactor = (): number => {
    if (src[i] === '-') { i++; return -parseFactor(); }
    if (src[i] === '+') { i++; return parseFactor(); }
    if (src[i] === '(') {
      i++;
      const v = parseExpr();
      if (src[i] !== ')') fail();
      i++;
      return v;
    }
    const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return Number(m[0]);
  };
  try {
    const v = parseExpr();
    if (i !== src.length) fail();
    return v;
  } catch (e) {
    return e instanceof FormulaError ? e.code : '#NAME?';
  }
}

class FormulaError extends Error {
  constructor(readonly code = '#NAME?') { super(code); }
}

// ---------------------------------------------------------------- display (getDisplayValues)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Sheets' serial day 0 is 30 Dec 1899; used when a date format is applied to a plain number. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** The text Sheets shows for a cell, given its number format, in the spreadsheet's time zone. */
export function displayValue(value: CellValue | undefined, numberFormat: string | undefined, timeZone: string): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = numberFormat && numberFormat !== DEFAULT_NUMBER_FORMAT ? numberFormat : undefined;
  if (isDate(value)) return formatSheetsDate(value, format && isDateFormat(format) ? format : DEFAULT_DATE_TIME_FORMAT, timeZone);
  if (format && isDateFormat(format)) {
    // A number under a date format is a serial date in local wall-clock terms.
    const wall = new Date(SERIAL_EPOCH_UTC + value * 86400000);
    return formatSheetsDate(wall, format, 'UTC');
  }
  return formatNumber(value, format);
}

export function isDateFormat(format: string): boolean {
  const stripped = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(stripped) && !/^[#0.,%]+$/.test(stripped);
}

function formatNumber(n: number, format: string | undefined): string {
  if (!format || format === PLAIN_TEXT_FORMAT) return generalNumber(n);
  const percent = format.includes('%');
  const v = percent ? n * 100 : n;
  const core = format.replace(/[^#0.,]/g, '');
  const decimals = core.includes('.') ? core.split('.')[1].replace(/[^0#]/g, '').length : 0;
  const grouping = core.includes(',');
  const text = grouping
    ? v.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : v.toFixed(decimals);
  return percent ? `${text}%` : text;
}

/** Sheets' automatic number display: up to 15 significant digits, no trailing zeros. */
function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(15)));
  return s.replace('e+', 'E+').replace('e-', 'E-');
}

/**
 * Formats a date with a Sheets number-format pattern (not Java's): m/mm are months unless they
 * follow an hour or precede seconds, when they are minutes; ddd/dddd are day names.
 */
export function formatSheetsDate(date: Date, format: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const tokens = tokenizeSheetsFormat(format);
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'literal') { out.push(t.text); continue; }
    if (t.kind === 'ampm') {
      const marker = p.hour < 12 ? 'AM' : 'PM';
      out.push(t.text[0] === t.text[0].toLowerCase() ? marker.toLowerCase() : marker);
      continue;
    }
    const text = t.text.toLowerCase();
    const ch = text[0];
    const len = text.length;
    if (ch === 'y') out.push(len <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year));
    else if (ch === 'd') {
      if (len === 1) out.push(String(p.day));
      else if (len === 2) out.push(String(p.day).padStart(2, '0'));
      else if (len === 3) out.push(DAYS[p.weekday].slice(0, 3));
      else out.push(DAYS[p.weekday]);
    } else if (ch === 'h') {
      const h = hasAmPm ? ((p.hour + 11) % 12) + 1 : p.hour;
      out.push(len >= 2 ? String(h).padStart(2, '0') : String(h));
    } else if (ch === 's') out.push(len >= 2 ? String(p.second).padStart(2, '0') : String(p.second));
    else if (ch === 'm') {
      const prev = previousUnit(tokens, k);
      const next = nextUnit(tokens, k);
      const isMinute = len <= 2 && (prev === 'h' || next === 's');
      if (isMinute) out.push(len === 2 ? String(p.minute).padStart(2, '0') : String(p.minute));
      else if (len === 1) out.push(String(p.month));
      else if (len === 2) out.push(String(p.month).padStart(2, '0'));
      else if (len === 3) out.push(MONTHS[p.month - 1].slice(0, 3));
      else if (len === 5) out.push(MONTHS[p.month - 1][0]);
      else out.push(MONTHS[p.month - 1]);
    } else out.push(t.text);
  }
  return out.join('');
}

interface FormatToken { kind: 'unit' | 'literal' | 'ampm'; text: string }

function tokenizeSheetsFormat(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ kind: 'literal', text: format.slice(i + 1, stop) });
      i = stop + 1;
    } else if (c === '\\') {
      tokens.push({ kind: 'literal', text: format[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(format.slice(i))) {
      tokens.push({ kind: 'ampm', text: format.slice(i, i + 5) });
      i += 5;
    } else if (/[dmyhs]/i.test(c)) {
      let j = i;
      while (j < format.length && format[j].toLowerCase() === c.toLowerCase()) j++;
      tokens.push({ kind: 'unit', text: format.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'literal', text: c });
      i++;
    }
  }
  return tokens;
}

function previousUnit(tokens: FormatToken[], k: number): string | undefined {
  for (let j = k - 1; j >= 0; j--) if (tokens[j].kind === 'unit') return tokens[j].text[0].toLowerCase();
  return undefined;
}

function nextUnit(tokens: FormatToken[], k: number): string | undefined {
  for (let j = k + 1; j < tokens.length; j++) if (tokens[j].kind === 'unit') return tokens[j].text[0].toLowerCase();
  return undefined;
}

// ---------------------------------------------------------------- A1 notation

export function columnToLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference; open ends (A:A, 2:5, A2:C) are undefined and filled from the sheet size. */
export interface A1Ref {
  sheetName?: string;
  row?: number;
  column?: number;
  endRow?: number;
  endColumn?: number;
}

/** Parses "A1", "B2:D9", "A:C", "3:5", "A2:C", "Sheet1!A1", "'My sheet'!A1:B2". Returns null if invalid. */
export function parseA1(notation: string): A1Ref | null {
  let rest = notation.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = rest.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const parts = rest.split(':');
  if (parts.length > 2 || !parts[0]) return null;
  const cellRe = /^\$?([A-Za-z]*)\$?(\d*)$/;
  const a = cellRe.exec(parts[0]);
  const b = parts.length === 2 ? cellRe.exec(parts[1]) : a;
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return null;
  const ref: A1Ref = {
    sheetName,
    column: a[1] ? lettersToColumn(a[1]) : undefined,
    row: a[2] ? Number(a[2]) : undefined,
    endColumn: b[1] ? lettersToColumn(b[1]) : undefined,
    endRow: b[2] ? Number(b[2]) : undefined,
  };
  if (parts.length === 1 && (ref.row === undefined || ref.column === undefined)) return null;
  if (ref.row === 0 || ref.endRow === 0) return null;
  return ref;
}

export function toA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = `${columnToLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** Quotes a sheet name for use in A1 notation when Sheets would. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
