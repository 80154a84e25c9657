/**
 * CSV reading and writing (RFC 4180), for MIS exports coming in and reports going out.
 *
 * Reading is lenient because files come from many programs: a UTF-8 byte-order mark is dropped; CRLF, LF
 * and lone CR all end a record; a trailing line break adds no empty record; the delimiter (comma,
 * semicolon or tab) is detected from the header line; a quote inside an unquoted field is kept as text;
 * an unclosed quoted field runs to the end of the file. Blank lines are kept as [''] so that record
 * numbers match the row numbers a person sees when opening the file in a spreadsheet.
 */
import { neutraliseCsvField } from './sanitise';

export type CsvDelimiter = ',' | ';' | '\t';

/** The delimiter used in a header line: whichever of comma, semicolon and tab occurs most outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

export interface ParseCsvOptions {
  /** Use this delimiter instead of detecting it from the first line. */
  delimiter?: CsvDelimiter;
}

/** Records of fields. Fields are returned exactly as in the file (no trimming). */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source === '') return [];
  const delimiter = options.delimiter ?? detectDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldWasQuoted = false;
  let i = 0;
  const n = source.length;

  const endField = (): void => {
    row.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < n) {
    const ch = source.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (source.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '' && !fieldWasQuoted) {
      inQuotes = true;
      fieldWasQuoted = true;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && source.charAt(i + 1) === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i++;
  }
  // The last record, unless the text ended with a line break (which closes the previous record only).
  const last = source.charAt(n - 1);
  if (inQuotes || row.length > 0 || field !== '' || fieldWasQuoted || (last !== '\n' && last !== '\r')) endRow();
  return rows;
}

export interface ToCsvOptions {
  delimiter?: CsvDelimiter;
  /** Default CRLF, as RFC 4180 specifies. */
  lineEnding?: '\r\n' | '\n';
}

/**
 * CSV text for these rows, every field neutralised against formula injection and quoted where needed.
 * Each record ends with a line break.
 */
export function toCsv(rows: readonly (readonly string[])[], options: ToCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lineEnding = options.lineEnding ?? '\r\n';
  return rows.map((row) => row.map((field) => neutraliseCsvField(field)).join(delimiter) + lineEnding).join('');
}
