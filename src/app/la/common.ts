/**
 * Small helpers every LA, reintegration and governance use case shares: the lock, reading an
 * input date or text in plain English, finding a case, and sequential ids.
 */
import { CASES, type TableSpec } from '../../domain/schema';
import { isValidIso, parseUserDate, type IsoDate } from '../../domain/dates';
import { UserFacingError } from '../../domain/errors';
import type { StoredRow } from '../../ports';
import type { AppContext } from '../context';

export { withRegisterLock as withLock } from '../registerLock';

/** A date typed or picked by staff, or '' when blank and allowed. */
export function inputDate(label: string, value: unknown, options: { required?: boolean; fallback?: IsoDate } = {}): IsoDate | '' {
  const text = String(value ?? '').trim();
  if (text === '') {
    if (options.fallback) return options.fallback;
    if (options.required) throw new UserFacingError(`Please give the ${label}.`);
    return '';
  }
  if (isValidIso(text)) return text;
  const parsed = parseUserDate(text);
  if (!parsed.ok) throw new UserFacingError(`The ${label}: ${parsed.message}`);
  return parsed.date;
}

export function inputText(label: string, value: unknown, options: { required?: boolean; max?: number } = {}): string {
  const text = String(value ?? '').trim();
  if (options.required && text === '') throw new UserFacingError(`Please give ${label}.`);
  const max = options.max ?? 2000;
  if (text.length > max) throw new UserFacingError(`${capitalise(label)} is ${text.length} characters long; please keep it under ${max}.`);
  return text;
}

export function inputOneOf<T extends string>(label: string, value: unknown, allowed: readonly T[]): T {
  const text = String(value ?? '').trim();
  const found = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
  if (!found) throw new UserFacingError(`"${text}" is not a ${label} the register knows. Choose one of: ${allowed.join(', ')}.`);
  return found;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The case row for a reference (one read of the Cases sheet), or a plain refusal. */
export function caseRow(ctx: AppContext, ref: unknown): StoredRow {
  const wanted = String(ref ?? '').trim().toUpperCase();
  const row = ctx.services.tables.readAll(CASES).find((r) => String(r.values.ref).trim().toUpperCase() === wanted);
  if (!wanted || !row) throw new UserFacingError(`There is no case ${wanted || '(no reference given)'} in the register.`);
  return row;
}

/** Rows of a table belonging to one case. */
export function rowsOfCase(ctx: AppContext, spec: TableSpec, ref: string): StoredRow[] {
  return ctx.services.tables.readAll(spec).filter((r) => String(r.values.caseRef).trim() === ref);
}

/** "PT-00003": the next after the highest on the sheet. Call holding the lock. */
export function nextId(ctx: AppContext, spec: TableSpec, column: string, prefix: string): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  let highest = 0;
  for (const cell of ctx.services.tables.readColumn(spec, column)) {
    const match = pattern.exec(String(cell.value).trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${String(highest + 1).padStart(5, '0')}`;
}

export function text(value: unknown): string {
  return String(value ?? '').trim();
}
