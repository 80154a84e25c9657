/**
 * One case on a page: the facts staff are asked about (status, school days missed, the 15-day
 * point, the LA, last contact), what has been done (contacts, work set, letters) and what is
 * next, then the actions this user's role allows. Health details appear only when the server
 * sent them, which it does only for roles that may see them. The other areas' sections (work,
 * letters, LA arrangements) are fetched once the core is drawn, so the case opens quickly.
 */
import type { CaseSummary, ComplianceDay, ContactView } from '../../../shared/api';
import type { App } from '../app';
import { caseChips, chip } from '../chips';
import { h, type Child } from '../dom';
import { longDate, schoolDays } from '../format';
import { serverCall, serverHas } from '../serverCall';
import { showChangeCase, showClose, showPeriod } from './changeCase';
import { showChronology } from './chronology';
import { showLogContact } from './logContact';
import { caseActionsFromAreas, lazySections } from './sections';

export function showCase(app: App, ref: string): void {
  serverCall('getCaseSummary', ref)
    .then((summary) => app.push(() => caseView(app, summary)))
    .catch((error: Error) => app.message(error.message, 'error'));
}

/** Redraws a case after a form changed it: the form closes and the case shows what was saved. */
export function showSavedCase(app: App, summary: CaseSummary, message: string): void {
  app.finish(() => caseView(app, summary));
  app.message(message, 'success');
}

export function caseView(app: App, c: CaseSummary): HTMLElement {
  return h('section', { className: 'view case', 'aria-labelledby': 'case-heading', 'data-case-ref': c.ref },
    app.backButton('All cases'),
    h('h2', { id: 'case-heading' }, c.pupilName),
    h('p', { className: 'meta' }, [c.yearGroup, c.formGroup, `UPN ${c.upn}`, `Case ${c.ref}`].filter(Boolean).join(' \u00b7 ')),
    caseChips(c),
    keyFacts(c),
    c.nextActions.length > 0
      ? h('section', { className: 'panel panel-action', 'aria-labelledby': 'next-heading' },
        h('h3', { id: 'next-heading' }, 'Next actions'),
        h('ul', {}, ...c.nextActions.map((a) => h('li', {}, a))))
      : null,
    actions(app, c),
    healthFacts(c),
    compliance(c.compliance),
    contacts(c.recentContacts),
    lazySections(app, c),
    family(c),
  );
}

function fact(term: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function fifteenDayText(c: CaseSummary): string {
  if (c.fifteenDayOn) return `Reached on ${longDate(c.fifteenDayOn)}`;
  if (c.projectedFifteenDay) return `Expected on ${longDate(c.projectedFifteenDay)}`;
  if (c.expectsFifteen) return 'Expected: the pupil is likely to miss 15 or more school days';
  return 'Not reached';
}

function laText(c: CaseSummary): string {
  if (c.laNotifiedOn) return `Told on ${longDate(c.laNotifiedOn)}`;
  if (c.laFlag.startsWith('Yes')) return 'Not yet: the LA must be told now';
  return 'Not needed yet';
}

function keyFacts(c: CaseSummary): HTMLElement {
  const contact = c.lastContact
    ? `${longDate(c.lastContact)}${c.daysWithoutContact > 0 ? ` (${schoolDays(c.daysWithoutContact)} since)` : ''}`
    : 'None logged yet';
  return h('dl', { className: 'facts' },
    ...fact('Status', c.status),
    ...fact('Arrangement', c.arrangement),
    ...fact('School days missed', `${c.daysThisPeriod} this period, ${c.daysThisYear} this year`),
    ...fact('15-day point', fifteenDayText(c)),
    ...fact('Local authority', laText(c)),
    ...fact('Last contact', contact),
    ...fact('First day of absence', longDate(c.firstDay)),
    ...fact('Expected return', longDate(c.expectedReturn) || 'Not known'),
    ...fact('Lead', c.lead || 'No lead yet'),
    ...fact('Attendance code', h('span', { className: 'code' }, c.attendance.code), ` ${c.attendance.meaning}`,
      c.attendance.advice ? h('span', { className: 'hint block' }, c.attendance.advice) : null),
  );
}

function healthFacts(c: CaseSummary): HTMLElement | null {
  if (c.healthNeed === undefined && c.healthDetail === undefined) return null;
  return h('section', { className: 'panel', 'aria-labelledby': 'health-heading' },
    h('h3', { id: 'health-heading' }, 'Health need'),
    h('dl', { className: 'facts' },
      ...fact('Kind of health need', c.healthNeed || 'Not recorded'),
      ...(c.healthDetail ? fact('Detail', c.healthDetail) : []),
    ),
  );
}

const COMPLIANCE_TEXT: Record<ComplianceDay['status'], { label: string; tone: 'good' | 'warn' | 'alert' }> = {
  made: { label: 'Contact made', tone: 'good' },
  attempted: { label: 'Attempted', tone: 'warn' },
  missing: { label: 'No contact', tone: 'alert' },
};

function compliance(days: readonly ComplianceDay[]): HTMLElement | null {
  if (days.length === 0) return null;
  const count = (s: ComplianceDay['status']) => days.filter((d) => d.status === s).length;
  const shown = days.slice(0, 10);
  return h('section', { 'aria-labelledby': 'compliance-heading' },
    h('h3', { id: 'compliance-heading' }, 'Contact on each school day'),
    h('p', { className: 'hint' },
      `Of ${schoolDays(days.length)} off: contact made on ${count('made')}, attempted on ${count('attempted')}, none on ${count('missing')}.`),
    h('ul', { className: 'compliance' }, ...shown.map((d) => {
      const t = COMPLIANCE_TEXT[d.status];
      return h('li', {}, h('span', {}, longDate(d.date)), chip(t.label, t.tone));
    })),
    days.length > shown.length ? h('p', { className: 'hint' }, `Showing the latest ${shown.length}.`) : null,
  );
}

function contacts(list: readonly ContactView[]): HTMLElement {
  return h('section', { 'aria-labelledby': 'contacts-heading' },
    h('h3', { id: 'contacts-heading' }, 'Recent contacts'),
    list.length === 0
      ? h('p', {}, 'No contact has been logged for this case yet.')
      : h('ul', { className: 'timeline' }, ...list.map((x) => h('li', {},
        h('p', { className: 'card-title' }, `${longDate(x.date)}: ${x.outcome}`),
        h('p', { className: 'meta' }, `${x.contacted} by ${x.method.toLowerCase()} \u00b7 ${x.loggedBy}`),
        x.wellbeing ? h('p', {}, h('strong', {}, 'Wellbeing: '), x.wellbeing) : null,
        x.engagement ? h('p', {}, h('strong', {}, 'Work: '), x.engagement) : null,
        x.nextSteps ? h('p', {}, h('strong', {}, 'Next steps: '), x.nextSteps) : null,
      ))),
  );
}

function family(c: CaseSummary): HTMLElement | null {
  if (!c.parentName && !c.parentEmail && !c.parentPhone) return null;
  return h('section', { 'aria-labelledby': 'family-heading' },
    h('h3', { id: 'family-heading' }, 'Parent or carer'),
    h('dl', { className: 'facts' },
      ...fact('Name', c.parentName || 'Not recorded'),
      ...(c.parentEmail ? fact('Email', h('a', { href: `mailto:${c.parentEmail}` }, c.parentEmail)) : []),
      ...(c.parentPhone ? fact('Phone', c.parentPhone) : []),
    ),
  );
}

function actions(app: App, c: CaseSummary): HTMLElement {
  const open = c.status !== 'Closed';
  const currentlyAbsent = c.periods.length > 0 && c.periods[c.periods.length - 1].end === '';
  const button = (label: string, onclick: () => void, primary = false) =>
    h('button', { type: 'button', className: primary ? 'primary' : 'secondary', onclick }, label);
  const buttons: Array<HTMLElement | null> = [
    open && app.may('contact.log') ? button('Log a contact', () => showLogContact(app, c), true) : null,
    ...(open ? caseActionsFromAreas(app, c) : []),
    open && app.may('case.change') ? button('Change details', () => showChangeCase(app, c)) : null,
    open && app.may('case.change') && currentlyAbsent ? button('Record return to school', () => showPeriod(app, c, 'return')) : null,
    open && app.may('case.change') && !currentlyAbsent ? button('Record a new absence', () => showPeriod(app, c, 'absence')) : null,
    open && app.may('case.close') ? button('Close the case', () => showClose(app, c)) : null,
    app.may('register.view') && serverHas('getChronology') ? button('Chronology', () => showChronology(app, c)) : null,
  ];
  const shown = buttons.filter((b): b is HTMLElement => b !== null);
  return h('section', { className: 'actions', 'aria-labelledby': 'actions-heading' },
    h('h3', { id: 'actions-heading' }, 'Actions'),
    shown.length ? h('div', { className: 'action-buttons' }, ...shown) : h('p', {}, 'Your role lets you view this case only.'),
    c.contactFormLink && open
      ? h('p', { className: 'hint' }, h('a', { href: c.contactFormLink, target: '_blank', rel: 'noopener' }, 'Open the contact Form for this pupil'),
        ' (opens in a new tab)')
      : null,
    !open ? h('p', { className: 'hint' }, 'This case is closed: nothing more can be recorded against it.') : null,
  );
}
