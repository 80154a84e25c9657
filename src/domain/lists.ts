/**
 * The dropdown lists the register starts with. They live on the Lists sheet, where a coordinator
 * can add values (a school's own kinds of health need, say) without any code changing.
 */
import { ARRANGEMENTS, CASE_STATUSES, HEALTH_NEED_KINDS } from './arrangements';
import { ROLES } from './roles';
import { LETTER_DELIVERY, WORK_MEDIA } from './work/vocabulary';
import { ADJUSTMENT_STATUSES, KEEP_IN_TOUCH_KINDS, RECIPIENT_KINDS, REINTEGRATION_OUTCOMES } from './la/vocabulary';
import { LAWFUL_BASIS_LABELS } from './la/lawfulBases';

export const YEAR_GROUPS = ['Reception', ...Array.from({ length: 13 }, (_, i) => `Year ${i + 1}`)];
export const CALENDAR_KINDS = ['Term', 'Holiday', 'INSET day', 'Bank holiday', 'Closure'];
export const CONTACTED = ['Pupil', 'Parent/carer', 'Health professional', 'LA/provider'];
export const CONTACT_METHODS = ['Phone', 'Email', 'Home visit', 'Video call', 'In person'];
export const CONTACT_OUTCOMES = ['Spoke to', 'Message left', 'No answer'];

export const DEFAULT_LISTS: Readonly<Record<string, readonly string[]>> = {
  Status: CASE_STATUSES,
  Arrangement: ARRANGEMENTS.map((a) => a.label),
  'Kind of health need': HEALTH_NEED_KINDS,
  'Year group': YEAR_GROUPS,
  Role: ROLES,
  'Calendar entry': CALENDAR_KINDS,
  Contacted: CONTACTED,
  Method: CONTACT_METHODS,
  Outcome: CONTACT_OUTCOMES,
  Medium: WORK_MEDIA,
  'Letter delivery': LETTER_DELIVERY,
  'Shared with': RECIPIENT_KINDS,
  'Lawful basis': LAWFUL_BASIS_LABELS,
  'Keep in touch': KEEP_IN_TOUCH_KINDS,
  'Adjustment status': ADJUSTMENT_STATUSES,
  'Reintegration outcome': REINTEGRATION_OUTCOMES,
};

/** The lists as sheet rows: row i holds the i-th value of every list. */
export function listSeedRows(lists: Readonly<Record<string, readonly string[]>> = DEFAULT_LISTS): Array<Record<string, string>> {
  const depth = Math.max(...Object.values(lists).map((l) => l.length));
  return Array.from({ length: depth }, (_, i) =>
    Object.fromEntries(Object.entries(lists).map(([name, values]) => [name, values[i] ?? ''])),
  );
}
