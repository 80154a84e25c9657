/**
 * The placeholder values every LA, provision and reintegration document shares: the school, the
 * case, the pupil, the sign-off and the LA service's details. One place, so a setting's name or a
 * fallback wording is the same in every document.
 */
import { formatLongDate } from '../../domain/dates';
import { firstName } from '../../domain/letters/content';
import { LA_SETTING } from '../../domain/la/settings';
import type { RowValues } from '../../ports';
import type { AppContext } from '../context';
import { text } from './common';

export const DEFAULT_SIGN_OFF = 'The Learning Centre Manager';

export function signOffName(ctx: AppContext): string {
  return ctx.settings.text('Letter sign-off name') || DEFAULT_SIGN_OFF;
}

/** Values from a Cases row; documents add their own on top. */
export function caseDocumentValues(ctx: AppContext, caseValues: RowValues): Record<string, string> {
  const pupilName = text(caseValues.pupilName);
  return {
    Date: formatLongDate(ctx.today()),
    'School name': ctx.settings.text('School name'),
    'Case ref': text(caseValues.ref),
    'Pupil name': pupilName,
    'Pupil first name': firstName(pupilName),
    'Year group': text(caseValues.yearGroup) || 'Not recorded',
    'Form group': text(caseValues.formGroup) || 'Not recorded',
    'Parent name': text(caseValues.parentName) || 'Parent/carer',
    'Sign-off name': signOffName(ctx),
    'Service name': ctx.settings.text(LA_SETTING.serviceName) || 'the local authority\u2019s medical needs service',
    'Named officer': ctx.settings.text(LA_SETTING.namedOfficer) || 'the local authority\u2019s named officer for children with health needs',
    'Named officer email': ctx.settings.text(LA_SETTING.namedOfficerEmail) || 'not recorded: ask the school',
  };
}
