/**
 * Every table the register has. setUpRegister creates or repairs each of these; later features
 * add their tables here (one file per area) so setup stays a single loop over this list.
 */
import type { TableSpec } from './types';
import { CASES, ABSENCE_PERIODS, CASE_HISTORY } from './cases';
import { PUPILS, CALENDAR, STAFF, SETTINGS, LISTS, AUDIT_LOG } from './reference';
import { CONTACTS, UNMATCHED_CONTACTS, CONTACT_COMPLIANCE } from './contacts';

export * from './types';
export * from './cases';
export * from './reference';
export * from './contacts';

/** In tab order. */
export const ALL_TABLES: readonly TableSpec[] = [
  CASES,
  ABSENCE_PERIODS,
  CONTACTS,
  CONTACT_COMPLIANCE,
  UNMATCHED_CONTACTS,
  // Other areas' tables register here.
  PUPILS,
  CALENDAR,
  STAFF,
  SETTINGS,
  LISTS,
  CASE_HISTORY,
  AUDIT_LOG,
];

export type TableKey = string;

export function tableSpec(key: TableKey): TableSpec {
  const spec = ALL_TABLES.find((t) => t.key === key);
  if (!spec) throw new Error(`Unknown table: ${key}`);
  return spec;
}
