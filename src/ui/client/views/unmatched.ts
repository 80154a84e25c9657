/**
 * Contact Form answers that named no open case: each can be matched to an open case (it is then
 * logged as that case's contact) or dismissed. Nothing is dropped without a person deciding.
 */
import type { UnmatchedContact } from '../../../shared/api';
import type { App } from '../app';
import { h, nextId } from '../dom';
import { serverCall } from '../serverCall';
import { longDate } from '../format';
import { toIsoDate } from '../../../domain/dates';

export function showUnmatched(app: App): void {
  serverCall('listUnmatchedContacts')
    .then((list) => app.push(() => unmatchedView(app, list)))
    .catch((error: Error) => app.message(error.message, 'error'));
}

function unmatchedView(app: App, list: readonly UnmatchedContact[]): HTMLElement {
  const cases = app.state?.openCases ?? [];
  const resolve = (contactId: string, ref: string | null) => {
    serverCall('resolveUnmatchedContact', contactId, ref)
      .then((remaining) => {
        app.replace(() => unmatchedView(app, remaining));
        app.message(ref ? `Contact matched to case ${ref} and logged.` : 'Contact dismissed.', 'success');
      })
      .catch((error: Error) => app.message(error.message, 'error'));
  };
  return h('section', { className: 'view', 'aria-labelledby': 'unmatched-view-heading' },
    app.backButton('All cases'),
    h('h2', { id: 'unmatched-view-heading' }, 'Unmatched contacts'),
    list.length === 0 ? h('p', {}, 'Every contact has been matched or dismissed.') : null,
    h('ul', { className: 'cards' }, ...list.map((u) => {
      const id = nextId('match');
      const select = h('select', { id }, h('option', { value: '' }, 'Choose a case\u2026'),
        ...cases.map((c) => h('option', { value: c.ref }, `${c.pupilName} (${c.ref})`)));
      return h('li', { className: 'card' },
        h('p', { className: 'card-title' }, `\u201c${u.pupilAnswer}\u201d`),
        h('p', { className: 'meta' }, [u.respondent, longDate(toIsoDate(new Date(u.receivedAt)))].filter(Boolean).join(' \u00b7 ')),
        h('p', {}, u.reason),
        h('div', { className: 'field' }, h('label', { for: id }, 'Match to'), select),
        h('div', { className: 'buttons' },
          h('button', { type: 'button', className: 'primary', onclick: () => {
            if (!select.value) { select.focus(); app.message('Choose the case this contact belongs to first.', 'error'); return; }
            resolve(u.contactId, select.value);
          } }, 'Match'),
          h('button', { type: 'button', className: 'secondary', onclick: () => resolve(u.contactId, null) }, 'Dismiss')),
      );
    })),
  );
}
