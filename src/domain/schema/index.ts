/**
 * Every table the register has. setUpRegister creates or repairs each of these; later features
 * add their tables here (one file per area) so setup stays a single loop over this list.
 */
import type { TableSpec } from './types';
import { CASES, ABSENCE_PERIODS, CASE_HISTORY } from './cases';
import { PUPILS, CALENDAR, STAFF, SETTINGS, LISTS, AUDIT_LOG } from './reference';
import { CONTACTS, UNMATCHED_CONTACTS, CONTACT_COMPLIANCE } from './contacts';
import { ATTENDANCE_CHECK } from './attendance';
import { WORK_SET } from './work';
import { PARENT_LETTERS } from './letters';
import { INFORMATION_SHARING, LA_PROVISION, HOURS_DELIVERED, KEEP_IN_TOUCH, PART_TIME_TIMETABLES, REINTEGRATION_PLANS, PLAN_REVIEWS, REASONABLE_ADJUSTMENTS, POLICY_REVIEW, DASHBOARD } from './la';

export * from './types';
export * from './cases';
export * from './reference';
export * from './contacts';
export * from './attendance';
export * from './work';
export * from './letters';
export * from './la';

/** In tab order. */
export const ALL_TABLES: readonly TableSpec[] = [
  CASES,
  ABSENCE_PERIODS,
  CONTACTS,
  CONTACT_COMPLIANCE,
  UNMATCHED_CONTACTS,
  LA_PROVISION,
  HOURS_DELIVERED,
  INFORMATION_SHARING,
  KEEP_IN_TOUCH,
  PART_TIME_TIMETABLES,
  REINTEGRATION_PLANS,
  PLAN_REVIEWS,
  REASONABLE_ADJUSTMENTS,
  POLICY_REVIEW,
  DASHBOARD,
  WORK_SET,
  PARENT_LETTERS,
  ATTENDANCE_CHECK,
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
