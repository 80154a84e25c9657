/**
 * The documents of LA arrangements and reintegration: their kinds, the placeholders each template
 * may use, the default templates set-up creates as ordinary Google Docs (the school edits the
 * wording), and their names. Names carry the kind, the case reference and the date, never a
 * health detail or the pupil's name, because folder listings are seen by more people than the
 * documents.
 */
import type { LetterField } from '../letters/placeholders';

export const LA_DOCUMENT_KINDS = [
  'LA referral',
  'LA provision letter (parent)',
  'LA provision letter (pupil)',
  'LA provision staff note',
  'Reintegration plan',
] as const;
export type LaDocumentKind = (typeof LA_DOCUMENT_KINDS)[number];

/** "LA referral – HN-2026-0007 – 2026-11-27". */
export function laDocumentName(kind: LaDocumentKind, caseRef: string, date: string): string {
  return `${kind} \u2013 ${caseRef.replace(/['"\\/]/g, '-').trim()} \u2013 ${date}`;
}

/** "Governors' report – health needs – 2026/27 – 2027-07-01": no pupil in the name at all. */
export function governorsReportName(yearLabel: string, date: string): string {
  return `Governors\u2019 report \u2013 health needs \u2013 ${yearLabel} \u2013 ${date}`;
}

export const LA_TEMPLATE_NAMES: Readonly<Record<LaDocumentKind, string>> = {
  'LA referral': 'Template \u2013 LA referral pack',
  'LA provision letter (parent)': 'Template \u2013 LA provision letter (parent)',
  'LA provision letter (pupil)': 'Template \u2013 LA provision letter (pupil)',
  'LA provision staff note': 'Template \u2013 LA provision staff note',
  'Reintegration plan': 'Template \u2013 Reintegration plan',
};

/** Document-property keys holding each template's file id. */
export const LA_TEMPLATE_STATE_KEYS: Readonly<Record<LaDocumentKind, string>> = {
  'LA referral': 'la.template.referral',
  'LA provision letter (parent)': 'la.template.parentLetter',
  'LA provision letter (pupil)': 'la.template.pupilLetter',
  'LA provision staff note': 'la.template.staffNote',
  'Reintegration plan': 'la.template.reintegrationPlan',
};

export const LA_FOLDER_NAME = 'Health Needs Register \u2013 LA, reintegration and governance';
export const LA_FOLDER_STATE_KEY = 'la.rootFolder';

/**
 * What the school does while the LA provides, from the policy (section 3, second half): put into
 * the parents' letter and the staff note as {{School responsibilities}}.
 */
export const SCHOOL_RESPONSIBILITIES = [
  'work with the local authority, the education provider, health services and you to get the best outcome for your child',
  'share with the local authority and health services the information they need, and only that',
  'help make sure the education your child receives is as effective as possible',
  'plan with the local authority so your child can follow the same curriculum and use the same materials as in school, as far as possible',
  'keep your child in touch with school life: newsletters, emails, invitations to school events and links to lessons',
  'make an individual plan for your child\u2019s return to school, and consider any reasonable adjustments they need',
];

/** The pupil's short version, with the provider's name already in (values never hold placeholders). */
export function pupilPromises(provider: string): string[] {
  return [
    'You are still part of our school.',
    'We will send you news, invitations to events and links to lessons, so you can keep in touch.',
    `We will work with your teachers at ${provider} so you can carry on with the same work as your class.`,
    'When you are well enough, we will plan your return with you and your family, one step at a time.',
  ];
}

const F = (name: string, required: boolean, meaning: string): LetterField => ({ name, required, meaning });

const COMMON: readonly LetterField[] = [
  F('Date', false, 'The date of the document.'),
  F('School name', false, 'From the "School name" setting.'),
  F('Case ref', false, 'The register\u2019s case reference.'),
  F('Pupil name', false, 'The pupil the document is about.'),
  F('Pupil first name', false, 'The pupil\u2019s first name.'),
  F('Year group', false, 'The pupil\u2019s year group.'),
  F('Sign-off name', false, 'From the "Letter sign-off name" setting.'),
  F('Service name', false, 'From the "LA medical needs service" setting.'),
  F('Named officer', false, 'From the "LA named officer" setting.'),
  F('Named officer email', false, 'From the "LA named officer email" setting.'),
];

const PROVISION: readonly LetterField[] = [
  F('Provider', true, 'Who provides the education (from the LA provision record).'),
  F('Provision start', false, 'The first day of LA-arranged education.'),
  F('Planned hours', false, 'Planned hours of education a week.'),
];

export const LA_DOCUMENT_FIELDS: Readonly<Record<LaDocumentKind, readonly LetterField[]>> = {
  'LA referral': [
    ...COMMON,
    F('SLA reference', false, 'From the "LA service level agreement reference" setting.'),
    F('UPN', false, 'The pupil\u2019s Unique Pupil Number.'),
    F('Date of birth', false, 'The pupil\u2019s date of birth.'),
    F('Form group', false, 'The pupil\u2019s form group.'),
    F('Parent name', false, 'The parent/carer on the case.'),
    F('Parent contact', false, 'The parent/carer\u2019s email and phone.'),
    F('Kind of health need', false, 'The broad kind of health need recorded on the case (never a diagnosis).'),
    F('First day of absence', false, 'The case\u2019s first day of absence.'),
    F('School days missed', true, 'School days missed this academic year, and in this absence.'),
    F('15-day point', false, 'When the 15-school-day point was reached, or that it is expected.'),
    F('Current arrangement', false, 'What the school has arranged so far.'),
    F('Chronology', true, 'Contacts, work set and letters, in date order.'),
    F('Work set', false, 'The work set so far and whether it came back.'),
    F('Curriculum and materials', false, 'What the pupil\u2019s class is studying and the materials the provider can use.'),
    F('Evidence held', false, 'Evidence the school holds, as references (never copies of medical records).'),
    F('Lead member of staff', false, 'The school\u2019s lead for the case.'),
  ],
  'LA provision letter (parent)': [
    ...COMMON,
    ...PROVISION,
    F('Parent name', false, 'The parent/carer on the case.'),
    F('School responsibilities', true, 'What the school does while the LA provides education (from the policy).'),
    F('School contact', false, 'The lead member of staff, or the sign-off name.'),
  ],
  'LA provision letter (pupil)': [
    ...COMMON,
    ...PROVISION,
    F('Pupil promises', true, 'What the school promises the pupil, in a few short sentences.'),
  ],
  'LA provision staff note': [
    ...COMMON,
    ...PROVISION,
    F('Form group', false, 'The pupil\u2019s form group.'),
    F('Lead member of staff', false, 'The school\u2019s lead for the case.'),
    F('School responsibilities', true, 'What the school does while the LA provides education (from the policy).'),
    F('Attendance advice', false, 'How the attendance register is marked during LA-arranged provision.'),
  ],
  'Reintegration plan': [
    ...COMMON,
    F('Return date', false, 'The planned first day back.'),
    F('Phased timetable', true, 'The steps back to full time, week by week.'),
    F('Who supports', false, 'Who in school supports the pupil, and how.'),
    F('Catch-up', false, 'How missed learning will be caught up.'),
    F('Curriculum continuity', false, 'How the pupil keeps to the same curriculum and materials.'),
    F('Reasonable adjustments', false, 'The adjustments recorded on the case.'),
    F('Pupil and family views', false, 'What the pupil and family said they need.'),
    F('Review dates', true, 'When the plan will be reviewed.'),
    F('Lead member of staff', false, 'The school\u2019s lead for the case.'),
  ],
};

const lines = (...l: string[]) => l.join('\n');

export const DEFAULT_LA_TEMPLATES: Readonly<Record<LaDocumentKind, string>> = {
  'LA referral': lines(
    'Referral to {{Service name}}: pupil unable to attend school because of health needs',
    '{{School name}} \u2013 {{Date}} \u2013 SLA reference: {{SLA reference}}',
    'For the attention of: {{Named officer}}',
    '',
    'Pupil',
    'Name: {{Pupil name}}',
    'Date of birth: {{Date of birth}}',
    'UPN: {{UPN}}',
    'Year group / form: {{Year group}} / {{Form group}}',
    'Parent/carer: {{Parent name}} ({{Parent contact}})',
    'School reference: {{Case ref}}',
    'Lead member of staff: {{Lead member of staff}}',
    '',
    'Absence',
    'Kind of health need: {{Kind of health need}}',
    'First day of absence: {{First day of absence}}',
    'School days missed: {{School days missed}}',
    '15-school-day point: {{15-day point}}',
    'What the school has arranged so far: {{Current arrangement}}',
    '',
    'Current curriculum and materials',
    '{{Curriculum and materials}}',
    '',
    'Work set',
    '{{Work set}}',
    '',
    'Chronology of contact, work and letters',
    '{{Chronology}}',
    '',
    'Evidence held by the school (references only; the school will share copies only if asked and where lawful)',
    '{{Evidence held}}',
    '',
    '{{Sign-off name}}',
    '{{School name}}',
  ),
  'LA provision letter (parent)': lines(
    '{{School name}}',
    '',
    '{{Date}}',
    '',
    'Dear {{Parent name}},',
    '',
    'Education for {{Pupil name}} arranged by the local authority',
    '',
    'From {{Provision start}}, {{Pupil first name}}\u2019s education will be provided by {{Provider}}, arranged by {{Service name}} for the local authority, for about {{Planned hours}} hours a week.',
    '',
    '{{Pupil first name}} stays on our roll and remains part of our school. While the local authority provides education, the school will:',
    '{{School responsibilities}}',
    '',
    'The local authority\u2019s named officer for children with health needs is {{Named officer}} ({{Named officer email}}). If you have concerns about the education provided, you can contact them, or us.',
    '',
    'Your contact at school is {{School contact}}.',
    '',
    'Yours sincerely,',
    '',
    '{{Sign-off name}}',
    '{{School name}}',
  ),
  'LA provision letter (pupil)': lines(
    'Dear {{Pupil first name}},',
    '',
    'For a while, your lessons will be with {{Provider}}, starting on {{Provision start}}.',
    '',
    '{{Pupil promises}}',
    '',
    'We are looking forward to seeing you again.',
    '',
    '{{Sign-off name}}',
    '{{School name}}',
  ),
  'LA provision staff note': lines(
    'Staff note \u2013 case {{Case ref}} \u2013 {{Date}}',
    '',
    '{{Pupil name}} ({{Year group}}, {{Form group}}) is being educated by {{Provider}}, arranged by {{Service name}}, from {{Provision start}} (about {{Planned hours}} hours a week). The pupil stays on our roll.',
    'Lead member of staff: {{Lead member of staff}}. Please do not record health details here.',
    '',
    'What we do while the LA provides:',
    '{{School responsibilities}}',
    '',
    'For teachers: send the coordinator the topics, materials and assessments your class is using, so the provider can follow the same curriculum; include the pupil in class news and invitations.',
    '',
    'Attendance: {{Attendance advice}}',
  ),
  'Reintegration plan': lines(
    'Reintegration plan \u2013 {{Pupil name}} ({{Year group}})',
    '{{School name}} \u2013 case {{Case ref}} \u2013 made {{Date}}',
    'Lead member of staff: {{Lead member of staff}}',
    '',
    'Planned return',
    '{{Return date}}',
    '',
    'Phased timetable',
    '{{Phased timetable}}',
    '',
    'Who supports {{Pupil first name}}',
    '{{Who supports}}',
    '',
    'Catching up',
    '{{Catch-up}}',
    '',
    'Keeping to the same curriculum',
    '{{Curriculum continuity}}',
    '',
    'Reasonable adjustments',
    '{{Reasonable adjustments}}',
    '',
    'What {{Pupil first name}} and the family told us',
    '{{Pupil and family views}}',
    '',
    'Reviews',
    '{{Review dates}}',
    '',
    'This plan is a working document: staff may edit it. Record each review in the register so reminders stay right.',
  ),
};

/** How the register is marked while the LA provides (2024 codes; the MIS is the record). */
export const LA_ATTENDANCE_ADVICE =
  'Sessions at education arranged by the LA under section 19 are marked K; if the pupil is dual registered at a hospital school or medical PRU, D. ' +
  'Days the pupil is too ill for any education are marked I. Check with the LA whether it expects K for tuition in the pupil\u2019s home.';
