/**
 * Opening a case for a pupil found by search (their details come from the Pupils sheet), or for a
 * pupil not on it yet (then the form asks for the details the register needs).
 */
import type { OpenCaseInput, PupilMatch } from '../../../shared/api';
import type { App } from '../app';
import { h } from '../dom';
import { checkboxField, dateField, form, selectField, textArea, textField } from '../forms';
import { longDate } from '../format';
import { serverCall } from '../serverCall';
import { caseView } from './caseSummary';

export function showOpenCase(app: App, pupil: PupilMatch | null): void {
  app.formChoices()
    .then((choices) => app.push(() => {
      const today = app.state?.today ?? '';
      const upn = textField('UPN', { name: 'upn', required: true, value: pupil?.upn ?? '', hint: '13 characters, from the MIS. A temporary UPN is allowed.' });
      const name = pupil ? null : textField('Pupil\u2019s name', { name: 'pupilName', required: true });
      const dob = pupil ? null : dateField('Date of birth', { name: 'dateOfBirth', max: today });
      const year = pupil ? null : selectField('Year group', choices.yearGroups, { name: 'yearGroup', placeholder: 'Choose\u2026' });
      const formGroup = pupil ? null : textField('Form group', { name: 'formGroup' });
      const parentName = pupil ? null : textField('Parent or carer', { name: 'parentName' });
      const parentEmail = pupil ? null : textField('Parent or carer email', { name: 'parentEmail', type: 'email' });
      const parentPhone = pupil ? null : textField('Parent or carer phone', { name: 'parentPhone', type: 'tel' });
      const seesHealth = app.may('health.view');
      const need = seesHealth ? selectField('Kind of health need', choices.healthNeeds, { name: 'healthNeed', required: true, placeholder: 'Choose\u2026', hint: 'Broad enough to avoid a diagnosis.' }) : null;
      const detail = seesHealth ? textArea('Health detail', { name: 'healthDetail', hint: 'Only what staff need to plan education. Seen only by roles allowed to see health details.' }) : null;
      const firstDay = dateField('First day of absence', { name: 'firstDay', required: true, value: today, max: today });
      const expectedReturn = dateField('Expected return', { name: 'expectedReturn' });
      const fifteen = checkboxField('Expected to miss 15 or more school days', { name: 'expectsFifteen', hint: 'Tick when there are reasonable grounds to expect it: the LA must then be told.' });
      const arrangement = selectField('Arrangement', choices.arrangements, { name: 'arrangement', required: true, value: 'Not yet arranged' });
      const lead = textField('Lead member of staff', { name: 'lead', type: 'email', value: app.user.email, hint: 'Their school email address.' });

      const save = async () => {
        const input: OpenCaseInput = {
          upn: upn.value(),
          ...(name ? { pupilName: name.value() } : {}),
          ...(dob?.value() ? { dateOfBirth: dob.value() } : {}),
          ...(year?.value() ? { yearGroup: year.value() } : {}),
          ...(formGroup?.value() ? { formGroup: formGroup.value() } : {}),
          ...(parentName?.value() ? { parentName: parentName.value() } : {}),
          ...(parentEmail?.value() ? { parentEmail: parentEmail.value() } : {}),
          ...(parentPhone?.value() ? { parentPhone: parentPhone.value() } : {}),
          healthNeed: need ? need.value() : 'Not recorded',
          ...(detail?.value() ? { healthDetail: detail.value() } : {}),
          firstDay: firstDay.value(),
          ...(expectedReturn.value() ? { expectedReturn: expectedReturn.value() } : {}),
          expectsFifteen: fifteen.value(),
          ...(lead.value() ? { lead: lead.value() } : {}),
          arrangement: arrangement.value(),
        };
        const summary = await serverCall('openCase', input);
        app.replace(() => caseView(app, summary));
        app.message(`Case ${summary.ref} opened for ${summary.pupilName}, off school since ${longDate(summary.firstDay)}.`, 'success');
      };
      return h('section', { className: 'view', 'aria-labelledby': 'open-heading' },
        app.backButton('Back'),
        h('h2', { id: 'open-heading' }, pupil ? `Open a case for ${pupil.name}` : 'Open a case'),
        pupil ? h('p', { className: 'meta' }, [pupil.yearGroup, pupil.formGroup, `UPN ${pupil.upn}`].filter(Boolean).join(' \u00b7 ')) : null,
        form('Open a case', [pupil ? null : upn, name, dob, year, formGroup, parentName, parentEmail, parentPhone,
          need, detail, firstDay, expectedReturn, fifteen, arrangement, lead], 'Open the case', save, () => app.back()),
      );
    }))
    .catch((error: Error) => app.message(error.message, 'error'));
}
