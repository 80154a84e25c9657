/**
 * Letters to the family: the letters already made for a case (with their document and status),
 * and making a new one. Making a letter is checked first (previewLetter), so a template or
 * address problem is explained before anything is made; then the letter is queued and made in
 * batches (runLetterBatch) while the progress line shows how far it has got.
 */
import type { CaseSummary, LetterView } from '../../../shared/api';
import type { App } from '../app';
import { chip, type ChipTone } from '../chips';
import { h } from '../dom';
import { dateField, form, selectField, textArea } from '../forms';
import { longDate } from '../format';
import { serverCall } from '../serverCall';
import { showSavedCase } from './caseSummary';

const KINDS = ['Work set letter', 'General letter'];
const HOW = ['Email', 'Printed', 'Hand delivered'];

export interface LettersSection {
  readonly letters: readonly LetterView[];
  readonly failed: number;
  readonly held: number;
}

export function isLettersSection(value: unknown): value is LettersSection {
  return !!value && typeof value === 'object' && Array.isArray((value as LettersSection).letters);
}

function statusTone(status: string): ChipTone {
  if (status.startsWith('Failed')) return 'alert';
  if (status.startsWith('Held') || status === 'Queued' || status === 'Sending') return 'warn';
  return 'good';
}

export function lettersSectionView(section: LettersSection): HTMLElement {
  return h('section', { 'aria-labelledby': 'letters-heading', 'data-section': 'letters' },
    h('h3', { id: 'letters-heading' }, 'Letters'),
    section.letters.length === 0
      ? h('p', {}, 'No letters have been made for this case yet.')
      : h('ul', { className: 'cards' }, ...section.letters.slice(0, 8).map((l) => h('li', { className: 'card', 'data-letter-id': l.letterId },
        h('p', { className: 'card-title' }, l.kind),
        h('span', { className: 'chips' }, chip(l.status, statusTone(l.status))),
        h('p', { className: 'meta' }, [`To ${l.to}`, l.how, l.createdAt ? longDate(l.createdAt.slice(0, 10)) : '', l.by].filter(Boolean).join(' \u00b7 ')),
        l.documentLink ? h('p', {}, h('a', { href: l.documentLink, target: '_blank', rel: 'noopener' }, 'Open the letter'),
          l.pdfLink ? ' \u00b7 ' : null, l.pdfLink ? h('a', { href: l.pdfLink, target: '_blank', rel: 'noopener' }, 'PDF') : null) : null,
      ))),
  );
}

export function showLetter(app: App, c: CaseSummary): void {
  app.push(() => {
    const kind = selectField('Kind of letter', KINDS, { name: 'kind', required: true, value: KINDS[0], hint: 'A work set letter lists the week\u2019s work; a general letter carries your message.' });
    const how = selectField('How it goes', HOW, { name: 'how', required: true, value: c.parentEmail ? 'Email' : 'Printed' });
    const weekOf = dateField('Week of', { name: 'weekOf', value: app.state?.today ?? '', hint: 'Work set letters: any day of the week the work is for.' });
    const message = textArea('Message', { name: 'message', rows: 4, hint: 'General letters: what you want to tell the family.' });
    const save = async () => {
      const input = {
        kind: kind.value(), refs: [c.ref], how: how.value(),
        ...(kind.value() === 'Work set letter' && weekOf.value() ? { weekOf: weekOf.value() } : {}),
        ...(kind.value() === 'General letter' ? { message: message.value() } : {}),
      };
      const preview = await serverCall('previewLetter', input);
      const problems = [
        ...preview.templateProblems,
        ...preview.letters.flatMap((l) => l.problems),
        ...preview.skipped.map((s) => s.reason),
      ];
      if (preview.ready === 0 || preview.templateProblems.length > 0) {
        throw new Error(problems.length ? problems.join('\n') : 'There is nothing to put in this letter yet.');
      }
      const result = await serverCall('generateLetters', input);
      let progress = result.progress;
      for (let i = 0; progress.more && i < 20; i++) progress = await serverCall('runLetterBatch');
      const summary = await serverCall('getCaseSummary', c.ref);
      showSavedCase(app, summary, progress.message || 'The letter has been made.');
    };
    return h('section', { className: 'view', 'aria-labelledby': 'letter-heading' },
      app.backButton(c.pupilName),
      h('h2', { id: 'letter-heading' }, 'Write to the family'),
      h('p', {}, `${c.pupilName} \u00b7 ${c.parentName || 'parent or carer'}${c.parentEmail ? ` \u00b7 ${c.parentEmail}` : ''}`),
      form('Write a letter', [kind, how, weekOf, message], 'Make the letter', save, () => app.back()),
    );
  });
}
