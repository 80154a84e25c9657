/**
 * Changing a case: its details (arrangement, dates, lead, the LA told, family and health where
 * allowed), a return to school or a new absence, and closing it. Only fields that changed are
 * sent, so a value typed into the sheet meanwhile by someone else is not overwritten.
 */
import type { CaseSummary, ChangeCaseInput } from '../../../shared/api';
import type { App } from '../app';
import { h } from '../dom';
import { checkboxField, dateField, form, selectField, textArea, textField } from '../forms';
import { longDate } from '../format';
import { serverCall } from '../serverCall';
import { showSavedCase } from './caseSummary';

type Changes = { -readonly [K in keyof ChangeCaseInput['changes']]: ChangeCaseInput['changes'][K] };

export function showChangeCase(app: App, c: CaseSummary): void {
  app.formChoices()
    .then((choices) => app.push(() => {
      const arrangement = selectField('Arrangement', choices.arrangements.filter((a) => a !== 'Closed'), { name: 'arrangement', value: c.arrangement });
      const expectedReturn = dateField('Expected return', { name: 'expectedReturn', value: c.expectedReturn });
      const fifteen = checkboxField('Expected to miss 15 or more school days', { name: 'expectsFifteen', checked: c.expectsFifteen });
      const laTold = app.may('la.share') || app.may('case.change')
        ? dateField('Date the LA was told', { name: 'laNotifiedOn', value: c.laNotifiedOn, max: app.state?.today, hint: 'When the school told the local authority about this pupil.' })
        : null;
      const lead = textField('Lead member of staff', { name: 'lead', type: 'email', value: c.lead });
      const parentName = textField('Parent or carer', { name: 'parentName', value: c.parentName });
      const parentEmail = textField('Parent or carer email', { name: 'parentEmail', type: 'email', value: c.parentEmail });
      const parentPhone = textField('Parent or carer phone', { name: 'parentPhone', type: 'tel', value: c.parentPhone });
      const seesHealth = app.may('health.view') && c.healthNeed !== undefined;
      const need = seesHealth ? selectField('Kind of health need', choices.healthNeeds, { name: 'healthNeed', value: c.healthNeed }) : null;
      const detail = seesHealth ? textArea('Health detail', { name: 'healthDetail', value: c.healthDetail ?? '' }) : null;
      const note = textArea('Why (for the case history)', { name: 'note', rows: 2 });

      const save = async () => {
        const changes: Changes = {};
        if (arrangement.value() !== c.arrangement) changes.arrangement = arrangement.value();
        if (expectedReturn.value() !== c.expectedReturn) changes.expectedReturn = expectedReturn.value();
        if (fifteen.value() !== c.expectsFifteen) changes.expectsFifteen = fifteen.value();
        if (laTold && laTold.value() !== c.laNotifiedOn) changes.laNotifiedOn = laTold.value();
        if (lead.value() !== c.lead) changes.lead = lead.value();
        if (parentName.value() !== c.parentName) changes.parentName = parentName.value();
        if (parentEmail.value() !== c.parentEmail) changes.parentEmail = parentEmail.value();
        if (parentPhone.value() !== c.parentPhone) changes.parentPhone = parentPhone.value();
        if (need && need.value() !== c.healthNeed) changes.healthNeed = need.value();
        if (detail && detail.value() !== (c.healthDetail ?? '')) changes.healthDetail = detail.value();
        if (Object.keys(changes).length === 0) throw new Error('Nothing has been changed yet.');
        const summary = await serverCall('changeCase', { ref: c.ref, changes, ...(note.value() ? { note: note.value() } : {}) });
        showSavedCase(app, summary, `Case ${c.ref} saved.`);
      };
      return h('section', { className: 'view', 'aria-labelledby': 'change-heading' },
        app.backButton(c.pupilName),
        h('h2', { id: 'change-heading' }, `Change ${c.pupilName}\u2019s case`),
        form('Change the case', [arrangement, expectedReturn, fifteen, laTold, lead, need, detail, parentName, parentEmail, parentPhone, note],
          'Save changes', save, () => app.back()),
      );
    }))
    .catch((error: Error) => app.message(error.message, 'error'));
}

/** A return to school ends the current absence period; a new absence starts another in the same case. */
export function showPeriod(app: App, c: CaseSummary, kind: 'return' | 'absence'): void {
  app.push(() => {
    const today = app.state?.today ?? '';
    const date = kind === 'return'
      ? dateField('First day back at school', { name: 'date', required: true, value: today, hint: 'School days from this date on are not counted as missed.' })
      : dateField('First day of the new absence', { name: 'date', required: true, value: today, max: today });
    const save = async () => {
      const summary = kind === 'return'
        ? await serverCall('recordReturn', { ref: c.ref, date: date.value() })
        : await serverCall('recordNewAbsence', { ref: c.ref, date: date.value() });
      showSavedCase(app, summary, kind === 'return'
        ? `${c.pupilName}\u2019s return on ${longDate(date.value())} is recorded.`
        : `${c.pupilName}\u2019s new absence from ${longDate(date.value())} is recorded; days missed this year carry on counting.`);
    };
    return h('section', { className: 'view', 'aria-labelledby': 'period-heading' },
      app.backButton(c.pupilName),
      h('h2', { id: 'period-heading' }, kind === 'return' ? 'Record a return to school' : 'Record a new absence'),
      h('p', {}, c.pupilName),
      form(kind === 'return' ? 'Record a return' : 'Record a new absence', [date], 'Save', save, () => app.back()),
    );
  });
}

export function showClose(app: App, c: CaseSummary): void {
  app.push(() => {
    const date = dateField('Date the case ends', { name: 'date', required: true, value: app.state?.today ?? '', hint: 'Usually the pupil\u2019s first day back full time.' });
    const note = textArea('Why the case is closing', { name: 'note', rows: 2 });
    const save = async () => {
      const summary = await serverCall('closeCase', { ref: c.ref, date: date.value(), ...(note.value() ? { note: note.value() } : {}) });
      showSavedCase(app, summary, `Case ${c.ref} is closed from ${longDate(date.value())}.`);
    };
    return h('section', { className: 'view', 'aria-labelledby': 'close-heading' },
      app.backButton(c.pupilName),
      h('h2', { id: 'close-heading' }, `Close ${c.pupilName}\u2019s case`),
      h('p', {}, 'The case and its history are kept; it leaves the list of open cases.'),
      form('Close the case', [date, note], 'Close the case', save, () => app.back()),
    );
  });
}
