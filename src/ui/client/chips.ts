/**
 * Status chips: a word or two of text on a tinted background. The text carries the meaning, so
 * the colour is never the only signal (WCAG 1.4.1); each pairing keeps 4.5:1 contrast.
 */
import type { CaseListItem } from '../../shared/api';
import { h } from './dom';
import { schoolDays } from './format';

export type ChipTone = 'neutral' | 'good' | 'warn' | 'alert';

export function chip(text: string, tone: ChipTone, title?: string): HTMLElement {
  return h('span', { className: `chip chip-${tone}`, title }, text);
}

/** The chips a case shows in the list and at the top of its summary. */
export function caseChips(item: CaseListItem): HTMLElement {
  const chips: HTMLElement[] = [chip(item.status || 'Open', item.status === 'Closed' ? 'neutral' : 'good')];
  if (item.laFlag.startsWith('Yes')) chips.push(chip('LA to be told', 'alert', item.laFlag));
  else if (item.laFlag.startsWith('Told')) chips.push(chip('LA told', 'neutral', item.laFlag));
  if (item.status !== 'Closed' && item.daysWithoutContact >= 2) {
    chips.push(chip(`No contact: ${schoolDays(item.daysWithoutContact)}`, 'warn'));
  }
  return h('span', { className: 'chips' }, ...chips);
}
