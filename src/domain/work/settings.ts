/** Settings for work set and letters to parents, shown on the Settings sheet. */
import type { SettingDefinition } from '../settings';

export const WORK_SETTING = {
  emailLetters: 'Email letters to parents',
  signOff: 'Letter sign-off name',
  expectations: 'Work expectations text',
  emailReserve: 'Emails kept back for the daily digest',
} as const;

export const DEFAULT_EXPECTATIONS =
  'We ask that your child works on this for about an hour each school day, when they are well enough. ' +
  'Please help them keep to a routine, and let us know if the work is too much or too little. ' +
  'Completed work can be returned through Google Classroom, by post, or dropped off at the school office.';

export const WORK_SETTINGS: readonly SettingDefinition[] = [
  {
    label: WORK_SETTING.emailLetters,
    kind: 'boolean',
    defaultValue: 'No',
    explanation: 'Yes lets staff email letters to parents/carers from the register (with the letter as a PDF). No: letters are made as documents to print or hand over.',
  },
  {
    label: WORK_SETTING.signOff,
    kind: 'text',
    defaultValue: 'The Learning Centre Manager',
    explanation: 'The name or job title that letters to parents are signed with.',
  },
  {
    label: WORK_SETTING.expectations,
    kind: 'text',
    defaultValue: DEFAULT_EXPECTATIONS,
    explanation: 'What the school expects of the pupil and family for work set at home: put into work-set letters as {{Expectations}}.',
  },
  {
    label: WORK_SETTING.emailReserve,
    kind: 'number',
    defaultValue: '5',
    min: 0,
    max: 100,
    explanation: 'Letters are held rather than sent when fewer than this many emails would be left in the day\u2019s allowance, so the daily digest still goes.',
  },
];
