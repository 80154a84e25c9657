/**
 * The vocabulary of a case: the current education arrangement, the case status and the kind of health
 * need. Labels are exactly what staff see in dropdowns, so they are stored verbatim in the Sheet.
 * The arrangements follow the school's policy (section 3): school-arranged online work or work packs
 * first, virtual or off-site lessons in exceptional circumstances, then LA-arranged provision under
 * s19 Education Act 1996, with reintegration planned with the LA.
 */

export type ArrangedBy = 'School' | 'LA' | '—';

export interface ArrangementInfo {
  label: string;
  /** One line for staff choosing it. */
  description: string;
  arrangedBy: ArrangedBy;
}

export const ARRANGEMENTS = [
  {
    label: 'Not yet arranged',
    description: 'The pupil is off school with a health need and no education has been set up yet.',
    arrangedBy: '—',
  },
  {
    label: 'School work: online',
    description: 'The learning centre manager co-ordinates work set online for the pupil to do at home.',
    arrangedBy: 'School',
  },
  {
    label: 'School work: work packs',
    description: 'The school sends physical work packs home to cover the period of absence.',
    arrangedBy: 'School',
  },
  {
    label: 'Virtual lessons (exceptional)',
    description: 'In exceptional circumstances the pupil joins live lessons remotely from home.',
    arrangedBy: 'School',
  },
  {
    label: 'Off-site lessons (exceptional)',
    description: 'In exceptional circumstances the school arranges supervised lessons away from the school site.',
    arrangedBy: 'School',
  },
  {
    label: 'LA-arranged provision',
    description: 'The local authority has arranged education under section 19 (e.g. medical tuition service).',
    arrangedBy: 'LA',
  },
  {
    label: 'Hospital school (dual registered)',
    description: 'The pupil attends a hospital school or medical PRU and is on its roll as well as ours.',
    arrangedBy: 'LA',
  },
  {
    label: 'Part-time timetable',
    description: 'An agreed, time-limited reduced timetable because of the health need, reviewed regularly with the family.',
    arrangedBy: 'School',
  },
  {
    label: 'Reintegration',
    description: 'The pupil is returning to school under an individual reintegration plan.',
    arrangedBy: 'School',
  },
  {
    label: 'Closed',
    description: 'The pupil is back in school full time, or has left; no arrangement is needed.',
    arrangedBy: '—',
  },
] as const satisfies readonly ArrangementInfo[];

export type Arrangement = (typeof ARRANGEMENTS)[number]['label'];

export const ARRANGEMENT_LABELS: readonly Arrangement[] = ARRANGEMENTS.map((a) => a.label);

export function isArrangement(value: unknown): value is Arrangement {
  return typeof value === 'string' && (ARRANGEMENT_LABELS as readonly string[]).includes(value);
}

/** The description and who arranges it, for a known arrangement. */
export function arrangementInfo(arrangement: Arrangement): ArrangementInfo {
  const found = ARRANGEMENTS.find((a) => a.label === arrangement);
  if (!found) throw new RangeError(`Unknown arrangement: ${arrangement}`);
  return found;
}

export const CASE_STATUSES = ['Open', 'Closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

/**
 * Broad kinds of health need, deliberately short of a diagnosis: the register needs enough to plan
 * education (data minimisation, UK GDPR art. 5(1)(c)); medical detail belongs in the medical record.
 */
export const HEALTH_NEED_KINDS = [
  'Physical illness',
  'Mental health',
  'Injury or surgery',
  'Long-term condition',
  'Hospital stay',
  'Other health need',
  'Not recorded',
] as const;
export type HealthNeedKind = (typeof HEALTH_NEED_KINDS)[number];

export function isHealthNeedKind(value: unknown): value is HealthNeedKind {
  return typeof value === 'string' && (HEALTH_NEED_KINDS as readonly string[]).includes(value);
}
