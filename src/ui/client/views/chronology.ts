/** The case's chronology: every contact, change, piece of work and letter in date order. */
import type { CaseSummary, ChronologyEntry } from '../../../shared/api';
import type { App } from '../app';
import { h } from '../dom';
import { longDate } from '../format';
import { serverCall, serverHas } from '../serverCall';

export function showChronology(app: App, c: CaseSummary): void {
  serverCall('getChronology', c.ref)
    .then((entries) => app.push(() => chronologyView(app, c, entries)))
    .catch((error: Error) => app.message(error.message, 'error'));
}

function chronologyView(app: App, c: CaseSummary, entries: readonly ChronologyEntry[]): HTMLElement {
  const exportButton = serverHas('exportChronology')
    ? h('button', { type: 'button', className: 'secondary', onclick: () => {
      serverCall('exportChronology', c.ref)
        .then((file) => app.message(`Saved as \u201c${file.name}\u201d in the register\u2019s Drive folder.`, 'success'))
        .catch((error: Error) => app.message(error.message, 'error'));
    } }, 'Export as a document')
    : null;
  return h('section', { className: 'view', 'aria-labelledby': 'chronology-heading' },
    app.backButton(c.pupilName),
    h('h2', { id: 'chronology-heading' }, 'Chronology'),
    h('p', {}, `${c.pupilName} \u00b7 ${c.ref}`),
    exportButton,
    entries.length === 0
      ? h('p', {}, 'Nothing has been recorded yet.')
      : h('ol', { className: 'timeline' }, ...entries.map((e) => h('li', {},
        h('p', { className: 'card-title' }, `${longDate(e.date)} \u00b7 ${e.kind}`),
        h('p', {}, e.summary),
        e.by ? h('p', { className: 'meta' }, e.by) : null))),
  );
}
