/** Logging a contact from the sidebar: the same record the contact Form makes. */
import type { CaseSummary } from '../../../shared/api';
import type { App } from '../app';
import { h } from '../dom';
import { dateField, form, selectField, textArea } from '../forms';
import { longDate } from '../format';
import { serverCall } from '../serverCall';
import { showSavedCase } from './caseSummary';

export function showLogContact(app: App, c: CaseSummary): void {
  app.formChoices()
    .then((choices) => app.push(() => {
      const today = app.state?.today ?? '';
      const date = dateField('Date of contact', { name: 'date', required: true, value: today, max: today });
      const contacted = selectField('Who was contacted', choices.contacted, { name: 'contacted', required: true, value: choices.contacted[0] });
      const method = selectField('Method', choices.methods, { name: 'method', required: true, value: choices.methods[0] });
      const outcome = selectField('Outcome', choices.outcomes, { name: 'outcome', required: true, value: choices.outcomes[0] });
      const wellbeing = app.may('health.view') ? textArea('Wellbeing', { name: 'wellbeing', hint: 'How the pupil is. Seen only by roles allowed to see health details.' }) : null;
      const engagement = textArea('Engagement with work', { name: 'engagement' });
      const nextSteps = textArea('Next steps', { name: 'nextSteps' });
      const save = async () => {
        const summary = await serverCall('logContact', {
          ref: c.ref,
          date: date.value(),
          contacted: contacted.value(),
          method: method.value(),
          outcome: outcome.value(),
          ...(wellbeing?.value() ? { wellbeing: wellbeing.value() } : {}),
          ...(engagement.value() ? { engagement: engagement.value() } : {}),
          ...(nextSteps.value() ? { nextSteps: nextSteps.value() } : {}),
        });
        showSavedCase(app, summary, `Contact on ${longDate(date.value())} logged for ${c.pupilName}.`);
      };
      return h('section', { className: 'view', 'aria-labelledby': 'contact-heading' },
        app.backButton(c.pupilName),
        h('h2', { id: 'contact-heading' }, 'Log a contact'),
        h('p', {}, `${c.pupilName} \u00b7 ${c.ref}`),
        form('Log a contact', [date, contacted, method, outcome, wellbeing, engagement, nextSteps], 'Log the contact', save, () => app.back()),
      );
    }))
    .catch((error: Error) => app.message(error.message, 'error'));
}
