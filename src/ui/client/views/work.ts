/**
 * Work set for a case: the log of what was set, how it reached the pupil and whether it came
 * back, and the form to set more. (Setting work in Google Classroom itself is a later step.)
 */
import type { CaseSummary, WorkItemView, WorkSection } from '../../../shared/api';
import type { App } from '../app';
import { chip } from '../chips';
import { h } from '../dom';
import { dateField, form, selectField, textArea, textField } from '../forms';
import { longDate, plural } from '../format';
import { serverCall } from '../serverCall';
import { caseView, showSavedCase } from './caseSummary';

/** The Medium dropdown: the same words as the Work set sheet's list. */
const MEDIA = ['Google Classroom', 'Work pack posted', 'Work pack collected', 'Virtual lesson', 'Off-site lesson'];

export function isWorkSection(value: unknown): value is WorkSection {
  return !!value && typeof value === 'object' && Array.isArray((value as WorkSection).items) && typeof (value as WorkSection).outstanding === 'number';
}

function workItem(app: App, c: CaseSummary, item: WorkItemView): HTMLElement {
  const today = app.state?.today ?? '';
  const overdue = !item.returned && item.dueDate !== '' && item.dueDate < today;
  const status = item.returned
    ? chip(`Returned ${longDate(item.returned)}`, 'good')
    : overdue ? chip('Overdue', 'alert') : chip('Outstanding', 'neutral');
  return h('li', { className: 'card' },
    h('p', { className: 'card-title' }, `${item.subject}: ${item.description}`),
    h('p', { className: 'meta' }, [item.medium, item.dateSet ? `set ${longDate(item.dateSet)}` : '', item.dueDate ? `due ${longDate(item.dueDate)}` : '', item.teacher].filter(Boolean).join(' \u00b7 ')),
    h('span', { className: 'chips' }, status, item.classroomState ? chip(`Classroom: ${item.classroomState}`, 'neutral') : null),
    item.feedback ? h('p', {}, h('strong', {}, 'Feedback: '), item.feedback) : null,
    item.classroomLink ? h('p', {}, h('a', { href: item.classroomLink, target: '_blank', rel: 'noopener' }, 'Open in Classroom')) : null,
    !item.returned && app.may('work.set') && c.status !== 'Closed'
      ? h('button', { type: 'button', className: 'secondary', onclick: () => {
        serverCall('recordWorkOutcome', { workId: item.workId, returned: today })
          .then(() => serverCall('getCaseSummary', c.ref))
          .then((summary) => { app.replace(() => caseView(app, summary)); app.message(`${item.subject} marked as returned today.`, 'success'); })
          .catch((error: Error) => app.message(error.message, 'error'));
      } }, 'Mark as returned today')
      : null,
  );
}

export function workSectionView(app: App, c: CaseSummary, section: WorkSection): HTMLElement {
  return h('section', { 'aria-labelledby': 'work-heading', 'data-section': 'work' },
    h('h3', { id: 'work-heading' }, 'Work set'),
    section.items.length === 0
      ? h('p', {}, 'No work has been logged for this case yet.')
      : h('p', { className: 'hint' }, `${plural(section.items.length, 'piece')} of work: ${section.outstanding} outstanding (${section.overdue} overdue), ${section.returned} returned.`),
    section.items.length ? h('ul', { className: 'cards' }, ...section.items.slice(0, 8).map((i) => workItem(app, c, i))) : null,
  );
}

export function showSetWork(app: App, c: CaseSummary): void {
  app.push(() => {
    const today = app.state?.today ?? '';
    const subject = textField('Subject', { name: 'subject', required: true });
    const description = textArea('What was set', { name: 'description', required: true, hint: 'Enough for the parent letter to say what the pupil should do.' });
    const medium = selectField('How it reaches the pupil', MEDIA, { name: 'medium', required: true, value: MEDIA[0] });
    const dateSet = dateField('Date set', { name: 'dateSet', value: today });
    const dueDate = dateField('Due', { name: 'dueDate' });
    const save = async () => {
      await serverCall('logWork', {
        ref: c.ref, subject: subject.value(), description: description.value(), medium: medium.value(),
        ...(dateSet.value() ? { dateSet: dateSet.value() } : {}), ...(dueDate.value() ? { dueDate: dueDate.value() } : {}),
      });
      const summary = await serverCall('getCaseSummary', c.ref);
      showSavedCase(app, summary, `${subject.value()} work logged for ${c.pupilName}.`);
    };
    return h('section', { className: 'view', 'aria-labelledby': 'work-form-heading' },
      app.backButton(c.pupilName),
      h('h2', { id: 'work-form-heading' }, 'Set work'),
      h('p', {}, `${c.pupilName} \u00b7 ${c.ref}`),
      form('Set work', [subject, description, medium, dateSet, dueDate], 'Log the work', save, () => app.back()),
    );
  });
}
