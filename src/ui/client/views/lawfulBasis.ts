/**
 * The lawful-basis prompt: before information about a pupil leaves the school, the person sharing
 * sees every basis with what it means, the one that usually fits this kind of share marked as
 * suggested, and chooses. Consent is offered last and never suggested (DfE information-sharing
 * advice, 2024). The server checks the choice against the same list.
 */
import type { LawfulBasisOption } from '../../../shared/api';
import { h, nextId } from '../dom';
import { serverCall } from '../serverCall';

export interface LawfulBasisPrompt {
  readonly element: HTMLElement;
  /** The chosen basis's label, or '' when none is chosen. */
  value(): string;
  /** Asks the server which basis fits a share to this kind of recipient for this purpose, and shows the choices. */
  load(recipient: string, purpose: string): Promise<void>;
}

export function lawfulBasisPrompt(): LawfulBasisPrompt {
  const legendId = nextId('basis-legend');
  const list = h('div', { className: 'choices' }, h('p', { className: 'hint' }, 'Loading the lawful bases\u2026'));
  const element = h('fieldset', { className: 'field choice-group', 'aria-describedby': `${legendId}-hint` },
    h('legend', { id: legendId }, 'Lawful basis for sharing'),
    h('p', { className: 'hint', id: `${legendId}-hint` },
      'Health information is special category data. Choose the basis that fits this share; the suggested one usually does. Consent is not the default.'),
    list,
  );
  const name = nextId('basis');
  const draw = (options: readonly LawfulBasisOption[]) => {
    list.replaceChildren(...options.map((o) => {
      const id = nextId('basis-option');
      const explain = `${id}-explain`;
      const radio = h('input', { type: 'radio', id, name, value: o.label, 'aria-describedby': explain });
      radio.checked = o.suggested;
      return h('div', { className: 'choice' },
        h('div', { className: 'checkbox-row' }, radio, h('label', { for: id }, o.label, o.suggested ? h('span', { className: 'suggested' }, ' (suggested)') : null)),
        h('p', { className: 'hint', id: explain }, o.explanation, h('span', { className: 'block' }, `${o.article6}; ${o.article9}.`)),
      );
    }));
  };
  return {
    element,
    value: () => element.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '',
    load: (recipient, purpose) => serverCall('getLawfulBasisOptions', recipient, purpose).then(draw),
  };
}
