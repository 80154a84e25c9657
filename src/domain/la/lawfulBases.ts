/**
 * Lawful bases for sharing a pupil's information with the LA, a provider or health services,
 * with a plain explanation each, so the person sharing chooses knowingly and the log records why.
 *
 * Health is special category data (UK GDPR Art 9): a share needs an Art 6 basis and an Art 9
 * condition. For schools the usual pairing is Art 6(1)(e) public task (or 6(1)(c) legal
 * obligation for the sickness return) with Art 9(2)(g) substantial public interest under DPA 2018
 * Schedule 1 (para 6 statutory purposes, para 18 safeguarding), or 9(2)(h) for health and care.
 * The DfE's 2024 information-sharing advice says consent "should not be seen as the default
 * lawful basis", so it is offered last and never suggested.
 */
import type { RecipientKind } from './vocabulary';

export interface LawfulBasis {
  /** Exactly as stored in the log and offered in the dropdown. */
  readonly label: string;
  readonly article6: string;
  readonly article9: string;
  /** When to choose it, in plain English. */
  readonly explanation: string;
}

export const LAWFUL_BASES: readonly LawfulBasis[] = [
  {
    label: 'Legal obligation: sickness return to the LA',
    article6: 'UK GDPR Art 6(1)(c) legal obligation',
    article9: 'Art 9(2)(g) substantial public interest, DPA 2018 Sch 1 para 6 (statutory purposes)',
    explanation: 'Telling the LA that a pupil will miss 15 school days through illness: the school must make this return under the School Attendance (Pupil Registration) (England) Regulations 2024.',
  },
  {
    label: 'Public task: arranging education (s19)',
    article6: 'UK GDPR Art 6(1)(e) public task',
    article9: 'Art 9(2)(g) substantial public interest, DPA 2018 Sch 1 para 6 (statutory purposes)',
    explanation: 'Giving the LA or its provider what they need to arrange and deliver education under section 19 of the Education Act 1996, and to plan reintegration.',
  },
  {
    label: 'Public task: safeguarding a child',
    article6: 'UK GDPR Art 6(1)(e) public task',
    article9: 'Art 9(2)(g) substantial public interest, DPA 2018 Sch 1 para 18 (safeguarding of children)',
    explanation: 'Sharing because of a concern for the pupil\u2019s safety or wellbeing. Data protection law does not prevent sharing to keep a child safe.',
  },
  {
    label: 'Public task: health or care',
    article6: 'UK GDPR Art 6(1)(e) public task',
    article9: 'Art 9(2)(h) health or social care (DPA 2018 Sch 1 para 2)',
    explanation: 'Sharing with health professionals (school nurse, CAMHS, the pupil\u2019s clinicians) who owe a duty of confidentiality, to plan the pupil\u2019s care in school.',
  },
  {
    label: 'Consent of the parent/carer (or pupil)',
    article6: 'UK GDPR Art 6(1)(a) consent',
    article9: 'Art 9(2)(a) explicit consent',
    explanation: 'Only when none of the above applies. Consent must be freely given, recorded, and can be withdrawn; it is not the default basis for sharing.',
  },
];

export const LAWFUL_BASIS_LABELS: readonly string[] = LAWFUL_BASES.map((b) => b.label);

export function lawfulBasis(label: string): LawfulBasis | null {
  const wanted = label.trim().toLowerCase();
  return LAWFUL_BASES.find((b) => b.label.toLowerCase() === wanted) ?? null;
}

/** What a share is for: the prompt suggests a basis from it, the person sharing confirms it. */
export type SharePurpose = 'sickness return' | 'arranging education' | 'reintegration' | 'safeguarding' | 'health care' | 'other';

/**
 * The basis to suggest (never consent). The person sharing sees it with its explanation and may
 * choose another; the log records what they chose.
 */
export function suggestedLawfulBasis(recipient: RecipientKind, purpose: SharePurpose): LawfulBasis {
  const byLabel = (label: string) => LAWFUL_BASES.find((b) => b.label === label) as LawfulBasis;
  if (purpose === 'safeguarding') return byLabel('Public task: safeguarding a child');
  if (purpose === 'sickness return' && recipient === 'Local authority') return byLabel('Legal obligation: sickness return to the LA');
  if (recipient === 'Health services' || purpose === 'health care') return byLabel('Public task: health or care');
  return byLabel('Public task: arranging education (s19)');
}

/** "Public task: arranging education (s19) — UK GDPR Art 6(1)(e) public task with Art 9(2)(g) …". */
export function lawfulBasisText(basis: LawfulBasis): string {
  return `${basis.label} \u2014 ${basis.article6} with ${basis.article9}`;
}
