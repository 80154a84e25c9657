/**
 * What later areas (work set, letters, LA provision, reintegration plans…) add to a case summary
 * under `sections`, and the actions they offer. A section the page has no special view for is
 * still shown, readably: lists of records as cards, dates as the school writes them.
 */
import type { CaseSummary } from '../../../shared/api';
import type { App } from '../app';
import { h, type Child } from '../dom';
import { longDate } from '../format';
import { serverCall, serverHas } from '../serverCall';
import { isLettersSection, lettersSectionView, showLetter } from './letters';
import { isWorkSection, showSetWork, workSectionView } from './work';
import { isLaSection, laSectionView } from './laSection';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** 'workSet' → 'Work set'. */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1).replace(/\bla\b/g, 'LA').replace(/\bupn\b/g, 'UPN');
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && ISO_DATE.test(value)) return longDate(value);
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return longDate(value.slice(0, 10));
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${humanise(k)}: ${valueText(v)}`).join('; ');
  return String(value);
}

function isLink(key: string, value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//.test(value) && /url|link/i.test(key);
}

function record(item: Record<string, unknown>): HTMLElement {
  const entries = Object.entries(item).filter(([, v]) => valueText(v) !== '');
  const links = entries.filter(([k, v]) => isLink(k, v));
  const rest = entries.filter(([k, v]) => !isLink(k, v));
  return h('li', { className: 'card' },
    h('dl', { className: 'facts compact' }, ...rest.flatMap(([k, v]) => [h('dt', {}, humanise(k)), h('dd', {}, valueText(v))])),
    ...links.map(([k, v]) => h('p', {}, h('a', { href: String(v), target: '_blank', rel: 'noopener' }, humanise(k).replace(/ (url|link)$/i, '') || 'Open'))),
  );
}

function sectionBody(value: unknown): Child {
  if (Array.isArray(value)) {
    if (value.length === 0) return h('p', {}, 'None yet.');
    return h('ul', { className: 'cards' }, ...value.map((v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? record(v as Record<string, unknown>) : h('li', {}, valueText(v))));
  }
  if (value && typeof value === 'object') {
    return h('dl', { className: 'facts' }, ...Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => valueText(v) !== '')
      .flatMap(([k, v]) => [h('dt', {}, humanise(k)), h('dd', {}, isLink(k, v) ? h('a', { href: String(v), target: '_blank', rel: 'noopener' }, 'Open') : valueText(v))]));
  }
  return h('p', {}, valueText(value) || 'None yet.');
}

export function renderSections(app: App, c: CaseSummary): HTMLElement | null {
  const sections = c.sections;
  if (!sections) return null;
  const keys = Object.keys(sections);
  if (keys.length === 0) return null;
  return h('div', { className: 'sections' }, ...keys.map((key) => {
    const value = sections[key];
    if (isWorkSection(value)) return workSectionView(app, c, value);
    if (isLettersSection(value)) return lettersSectionView(value);
    if (isLaSection(value)) return laSectionView(app, c, value);
    const id = `section-${key}`;
    return h('section', { 'aria-labelledby': id, 'data-section': key },
      h('h3', { id }, humanise(key)),
      sectionBody(value));
  }));
}

/** Sections already fetched for a summary, so redrawing the case (going back to it) does not fetch them again. */
const fetched = new WeakMap<CaseSummary, Readonly<Record<string, unknown>>>();

/**
 * The other areas' sections, fetched after the case's core is on screen: a placeholder says what
 * is coming and is replaced by the sections (or by a message saying they could not be loaded).
 */
export function lazySections(app: App, c: CaseSummary): HTMLElement | null {
  const ready = c.sections ?? fetched.get(c);
  if (ready) return renderSections(app, { ...c, sections: ready });
  if (!serverHas('getCaseSections')) return null;
  const holder = h('div', { className: 'sections-loading', 'aria-live': 'polite', 'aria-busy': 'true', 'data-sections': 'loading' },
    h('p', { className: 'hint' }, 'Loading work, letters and LA arrangements\u2026'));
  serverCall('getCaseSections', c.ref)
    .then((result) => {
      fetched.set(c, result.sections);
      const view = renderSections(app, { ...c, sections: result.sections });
      holder.replaceChildren(...(view ? [view] : []));
      holder.setAttribute('aria-busy', 'false');
      holder.setAttribute('data-sections', 'loaded');
    })
    .catch((error: Error) => {
      holder.replaceChildren(h('p', { className: 'hint' }, `Work, letters and LA arrangements could not be loaded: ${error.message}`));
      holder.setAttribute('aria-busy', 'false');
      holder.setAttribute('data-sections', 'failed');
    });
  return holder;
}

/** Buttons for what later areas let staff do with an open case (set work, make a letter…). */
export function caseActionsFromAreas(app: App, c: CaseSummary): HTMLElement[] {
  const button = (label: string, onclick: () => void) => h('button', { type: 'button', className: 'secondary', onclick }, label);
  return [
    app.may('work.set') && serverHas('logWork') ? button('Set work', () => showSetWork(app, c)) : null,
    app.may('letter.send') && serverHas('generateLetters') ? button('Write to the family', () => showLetter(app, c)) : null,
  ].filter((b): b is HTMLButtonElement => b !== null);
}
