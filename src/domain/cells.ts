/**
 * Converting between what a Sheet cell holds and what the app works with, per column type.
 * Sheets turn text that looks like a number, boolean or date into one (so "07700900123" loses its
 * leading zero) and text starting with "=" into a formula: every string written to a text column
 * is therefore stored as literal text, and any formula-like string is neutralised.
 */
import type { ColumnType } from './schema/types';
import { londonMidnight, toIsoDate } from './dates';
import { neutraliseFormula } from './sanitise';

export type RawCell = string | number | boolean | Date | null | undefined;
export type AppCell = string | number | boolean | Date;

/** Text Sheets would reinterpret as something other than text. */
const COERCIBLE = /^\s*([+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?|true|false|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})\s*$/i;

/** A string ready to be stored as literal text: formula-like strings neutralised, coercible ones quoted. */
export function textForCell(value: string): string {
  const neutralised = neutraliseFormula(value);
  if (neutralised !== value) return neutralised;
  return COERCIBLE.test(value) ? `'${value}` : value;
}

/** App value → cell value for a column of the given type. */
export function toCell(type: ColumnType, value: AppCell | null | undefined): RawCell {
  if (value === null || value === undefined || value === '') return '';
  switch (type) {
    case 'date':
      if (value instanceof Date) return value;
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return londonMidnight(value);
      return textForCell(String(value));
    case 'dateTime':
      return value instanceof Date ? value : textForCell(String(value));
    case 'number':
      return typeof value === 'number' ? value : textForCell(String(value));
    case 'boolean':
      return typeof value === 'boolean' ? value : textForCell(String(value));
    default:
      return textForCell(value instanceof Date ? toIsoDate(value) : String(value));
  }
}

/**
 * Globals held in module constants: fromCell runs for every cell of every table read, and a global
 * looked up in a hot loop is slow where the global object is not a plain one (node:vm, where the
 * benchmark and workbench run the bundle).
 */
const DateType = Date;
const toText = String;
const toNumber = Number;

/** Cell value → app value for a column of the given type. Unparseable cells come back as text for validation to report. */
export function fromCell(type: ColumnType, raw: RawCell): AppCell {
  if (raw === null || raw === undefined || raw === '') return '';
  switch (type) {
    case 'date':
      return raw instanceof DateType ? toIsoDate(raw) : toText(raw).trim();
    case 'dateTime':
      return raw instanceof DateType ? raw : toText(raw).trim();
    case 'number':
      if (typeof raw === 'number') return raw;
      return /^\s*-?\d+(\.\d+)?\s*$/.test(toText(raw)) ? toNumber(raw) : toText(raw);
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      return /^(true|yes|y|1)$/i.test(toText(raw).trim());
    default:
      return raw instanceof DateType ? toIsoDate(raw) : toText(raw);
  }
}
