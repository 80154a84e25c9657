/**
 * The two kinds of letter, the placeholders each may use, and the default templates set-up
 * creates as ordinary Google Docs documents. A school edits the wording and moves placeholders around in
 * the document itself; the add-on only ever copies it and replaces the placeholders.
 */
import type { LetterKind } from '../work/vocabulary';
import type { LetterField } from './placeholders';

const COMMON_FIELDS: readonly LetterField[] = [
  { name: 'Date', required: false, meaning: 'The date of the letter, e.g. Fri 27 Nov 2026.' },
  { name: 'School name', required: false, meaning: 'From the "School name" setting.' },
  { name: 'Parent name', required: false, meaning: 'The parent/carer on the case ("Parent/carer" when none is recorded).' },
  { name: 'Pupil name', required: true, meaning: 'The pupil the letter is about.' },
  { name: 'Pupil first name', required: false, meaning: 'The pupil\u2019s first name.' },
  { name: 'Year group', required: false, meaning: 'The pupil\u2019s year group.' },
  { name: 'Case ref', required: false, meaning: 'The register\u2019s case reference, e.g. HN-2026-0007.' },
  { name: 'Sign-off name', required: false, meaning: 'From the "Letter sign-off name" setting.' },
];

export const LETTER_FIELDS: Readonly<Record<LetterKind, readonly LetterField[]>> = {
  'Work set letter': [
    ...COMMON_FIELDS,
    { name: 'Week', required: false, meaning: 'The week the work is for, e.g. the week beginning Mon 23 Nov 2026.' },
    { name: 'Work list', required: true, meaning: 'The list of work set: subject, what to do, how it reaches the pupil and when it is due.' },
    { name: 'Expectations', required: true, meaning: 'What the school expects, from the "Work expectations text" setting.' },
  ],
  'General letter': [
    ...COMMON_FIELDS,
    { name: 'Message', required: true, meaning: 'The message written when the letter is made.' },
  ],
};

export const TEMPLATE_NAMES: Readonly<Record<LetterKind, string>> = {
  'Work set letter': 'Template \u2013 Work set letter',
  'General letter': 'Template \u2013 General letter',
};

/** Document-property keys holding each template's file id. */
export const TEMPLATE_STATE_KEYS: Readonly<Record<LetterKind, string>> = {
  'Work set letter': 'letters.template.workSet',
  'General letter': 'letters.template.general',
};

export const LETTERS_FOLDER_NAME = 'Health Needs Register \u2013 letters to parents';
export const LETTERS_FOLDER_STATE_KEY = 'letters.rootFolder';

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, string>> = {
  'Work set letter': [
    '{{School name}}',
    '',
    '{{Date}}',
    '',
    'Dear {{Parent name}},',
    '',
    'Work set for {{Pupil name}}: {{Week}}',
    '',
    'While {{Pupil first name}} is not able to come into school, we will keep their learning going. This is the work that has been set:',
    '',
    '{{Work list}}',
    '',
    'What we expect',
    '{{Expectations}}',
    '',
    'If you have any questions about the work, or {{Pupil first name}} is not well enough to do it, please get in touch with us.',
    '',
    'Yours sincerely,',
    '',
    '{{Sign-off name}}',
    '{{School name}}',
  ].join('\n'),
  'General letter': [
    '{{School name}}',
    '',
    '{{Date}}',
    '',
    'Dear {{Parent name}},',
    '',
    'About {{Pupil name}}',
    '',
    '{{Message}}',
    '',
    'Yours sincerely,',
    '',
    '{{Sign-off name}}',
    '{{School name}}',
  ].join('\n'),
};
