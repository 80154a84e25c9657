/**
 * The first view: who is signed in, anything wrong with the register, a pupil search, and the
 * open cases with what each needs. Data is fetched afresh each time the view is shown, so coming
 * back from a case shows the effect of what was just done.
 */
import type { CaseListItem, PupilMatch, SidebarState } from '../../../shared/api';
import type { App } from '../app';
import { caseChips } from '../chips';
import { h } from '../dom';
import { longDate, plural, schoolDays } from '../format';
import { serverCall, serverHas } from '../serverCall';
import { showCase } from './caseSummary';
import { showOpenCase } from './openCase';
import { showUnmatched } from './unmatched';

export function homeView(app: App): HTMLElement {
  const body = h('div', { className: 'loading-placeholder' }, 'Loading the register\u2026');
  const view = h('section', { className: 'view', 'aria-labelledby': 'home-heading' },
    h('h2', { id: 'home-heading' }, 'Pupils with health needs'),
    body,
  );
  app.refreshState()
    .then((state) => body.replaceWith(homeBody(app, state)))
    .catch((error: Error) => body.replaceWith(h('div', { className: 'form-error', role: 'alert' },
      h('p', {}, error.message),
      h('button', { type: 'button', className: 'secondary', onclick: () => app.home(() => homeView(app)) }, 'Try again'))));
  return view;
}

function homeBody(app: App, state: SidebarState): HTMLElement {
  const { user } = state;
  return h('div', {},
    h('p', { className: 'who' },
      h('span', { className: 'school' }, state.schoolName), h('br'),
      `Signed in as ${user.name || user.email} (${user.role}). Today is ${longDate(state.today)}.`),
    problemsBox(state.problems),
    unmatchedBox(app, state.unmatchedContacts),
    searchBox(app),
    caseList(app, state.openCases),
    toolsBox(app),
  );
}

function problemsBox(problems: readonly string[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return h('section', { className: 'panel panel-warn', 'aria-labelledby': 'problems-heading' },
    h('h3', { id: 'problems-heading' }, `The register has ${plural(problems.length, 'problem')}`),
    h('ul', {}, ...problems.map((p) => h('li', {}, p))),
  );
}

function unmatchedBox(app: App, count: number): HTMLElement | null {
  if (count === 0) return null;
  const canResolve = app.may('contact.log') && serverHas('listUnmatchedContacts');
  return h('section', { className: 'panel panel-warn', 'aria-labelledby': 'unmatched-heading' },
    h('h3', { id: 'unmatched-heading' }, `${plural(count, 'contact')} not matched to a case`),
    h('p', {}, 'Contact Form answers that did not name an open case. They are kept until someone matches or dismisses them.'),
    canResolve ? h('button', { type: 'button', className: 'secondary', onclick: () => showUnmatched(app) }, 'Review unmatched contacts') : null,
  );
}

function searchBox(app: App): HTMLElement {
  const results = h('div', { className: 'search-results', 'aria-live': 'polite' });
  const input = h('input', { id: 'pupil-search', name: 'query', type: 'search', autocomplete: 'off', 'aria-describedby': 'pupil-search-hint' });
  const search = h('form', { role: 'search', className: 'search', 'aria-label': 'Find a pupil' },
    h('label', { for: 'pupil-search' }, 'Find a pupil'),
    h('p', { className: 'hint', id: 'pupil-search-hint' }, 'Name, UPN or form group'),
    h('div', { className: 'search-row' }, input, h('button', { type: 'submit', className: 'primary' }, 'Search')),
    results,
  );
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query.length < 2) {
      results.replaceChildren(h('p', { className: 'hint' }, 'Type at least two letters of a name, or a UPN.'));
      return;
    }
    serverCall('searchPupils', query)
      .then((matches) => results.replaceChildren(pupilResults(app, query, matches)))
      .catch((error: Error) => results.replaceChildren(h('p', { className: 'form-error', role: 'alert' }, error.message)));
  });
  return search;
}

function pupilResults(app: App, query: string, matches: readonly PupilMatch[]): HTMLElement {
  if (matches.length === 0) {
    return h('div', {},
      h('p', {}, `No pupil on the Pupils sheet matches \u201c${query}\u201d.`),
      app.may('case.open')
        ? h('button', { type: 'button', className: 'secondary', onclick: () => showOpenCase(app, null) }, 'Start a case for a pupil not listed')
        : null,
    );
  }
  return h('ul', { className: 'cards', 'aria-label': `Pupils matching ${query}` }, ...matches.map((m) =>
    h('li', { className: 'card' },
      h('p', { className: 'card-title' }, m.name),
      h('p', { className: 'meta' }, [m.yearGroup, m.formGroup, m.upn].filter(Boolean).join(' \u00b7 ')),
      m.openCaseRef
        ? h('button', { type: 'button', className: 'secondary', onclick: () => showCase(app, m.openCaseRef) }, `View case ${m.openCaseRef}`)
        : app.may('case.open')
          ? h('button', { type: 'button', className: 'secondary', onclick: () => showOpenCase(app, m) }, 'Open a case')
          : h('p', { className: 'hint' }, 'No open case.'),
    )));
}

function caseList(app: App, cases: readonly CaseListItem[]): HTMLElement {
  const needing = cases.filter((c) => c.nextAction).length;
  return h('section', { 'aria-labelledby': 'cases-heading' },
    h('h3', { id: 'cases-heading' }, `Open cases (${cases.length})`),
    cases.length === 0
      ? h('p', {}, 'No pupil is off school with a health need at the moment.')
      : h('p', { className: 'hint' }, needing ? `${plural(needing, 'case')} need${needing === 1 ? 's' : ''} action.` : 'Nothing needs action today.'),
    h('ul', { className: 'cards' }, ...cases.map((c) => caseCard(app, c))),
  );
}

function caseCard(app: App, c: CaseListItem): HTMLElement {
  return h('li', { className: 'card', 'data-case-ref': c.ref },
    h('button', { type: 'button', className: 'card-link', onclick: () => showCase(app, c.ref), 'aria-describedby': `case-${c.ref}-meta` },
      c.pupilName),
    h('p', { className: 'meta', id: `case-${c.ref}-meta` },
      [c.yearGroup, c.ref, `${schoolDays(c.daysThisYear)} missed this year`].filter(Boolean).join(' \u00b7 ')),
    caseChips(c),
    h('p', { className: 'meta' }, c.arrangement,
      c.lastContact ? ` \u00b7 last contact ${longDate(c.lastContact)}` : ' \u00b7 no contact yet'),
    c.nextAction ? h('p', { className: 'next-action' }, h('strong', {}, 'Needs: '), c.nextAction) : null,
  );
}

function toolsBox(app: App): HTMLElement | null {
  if (!app.may('checks.run')) return null;
  return h('section', { className: 'tools', 'aria-labelledby': 'tools-heading' },
    h('h3', { id: 'tools-heading' }, 'Checks'),
    h('p', { className: 'hint' }, 'The daily check recounts days missed, rebuilds contact compliance and emails the digest. It runs every morning by itself.'),
    h('button', { type: 'button', className: 'secondary', onclick: () => {
      serverCall('runDailyCheckNow')
        .then((summary) => { app.message(summary, 'success'); app.home(() => homeView(app)); })
        .catch((error: Error) => app.message(error.message, 'error'));
    } }, 'Run the daily check now'),
  );
}
