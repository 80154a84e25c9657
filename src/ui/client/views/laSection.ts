/**
 * A case's LA arrangements and reintegration in the sidebar: the referral, LA provision (planned
 * against delivered hours, and the escalation flag), keep in touch, part-time timetables,
 * reintegration plans and reviews, reasonable adjustments and information shared. Each part shows
 * when it has something recorded or when this user's role lets them record it; each offers only
 * the actions the role allows.
 */
import type {
  AdjustmentView, CaseSummary, InformationSharedView, LaCaseSection, PartTimeTimetableView, ReintegrationPlanView,
} from '../../../shared/api';
import type { App } from '../app';
import { chip } from '../chips';
import { h, type Child } from '../dom';
import { longDate, plural } from '../format';
import { serverHas } from '../serverCall';
import {
  showAdjustment, showAdjustmentReview, showHoursDelivered, showInformationShared, showKeepInTouch, showPartTimeTimetable,
  showPlanReview, showProvision, showReferralPack, showReferralSent, showReintegrationPlan,
} from './laForms';

export function isLaSection(value: unknown): value is LaCaseSection {
  return !!value && typeof value === 'object' && (value as LaCaseSection).kind === 'la';
}

function fact(term: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function button(label: string, onclick: () => void, primary = false): HTMLButtonElement {
  return h('button', { type: 'button', className: primary ? 'primary' : 'secondary', onclick }, label);
}

function part(key: string, title: string, body: Child[], actions: Array<HTMLButtonElement | null>): HTMLElement {
  const shown = actions.filter((a): a is HTMLButtonElement => a !== null);
  return h('section', { className: 'la-part', 'aria-labelledby': `la-${key}-heading`, 'data-la-part': key },
    h('h4', { id: `la-${key}-heading` }, title),
    ...body,
    shown.length ? h('div', { className: 'buttons' }, ...shown) : null,
  );
}

function link(url: string | undefined, text: string): HTMLElement | null {
  return url ? h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener' }, text)) : null;
}

export function laSectionView(app: App, c: CaseSummary, s: LaCaseSection): HTMLElement | null {
  const open = c.status !== 'Closed';
  const may = (permission: Parameters<App['may']>[0], fn: string) => open && app.may(permission) && serverHas(fn);
  const parts = [
    referralPart(app, c, may('la.share', 'generateReferralPack'), may('la.share', 'recordReferralSent')),
    provisionPart(app, c, s, may('case.change', 'recordProvision'), may('case.change', 'recordHoursDelivered')),
    keepInTouchPart(app, c, s, may('contact.log', 'logKeepInTouch')),
    partTimePart(app, c, s.partTimeTimetables, may('case.change', 'recordPartTimeTimetable')),
    plansPart(app, c, s.plans, may('case.change', 'createReintegrationPlan'), may('case.change', 'recordPlanReview')),
    adjustmentsPart(app, c, s.adjustments, may('case.change', 'recordAdjustment'), may('case.change', 'reviewAdjustment')),
    sharedPart(app, c, s.informationShared, may('la.share', 'logInformationShared')),
  ].filter((p): p is HTMLElement => p !== null);
  if (parts.length === 0 && !s.problem) return null;
  return h('section', { className: 'la-section', 'aria-labelledby': 'la-heading', 'data-section': 'la' },
    h('h3', { id: 'la-heading' }, 'LA arrangements and return to school'),
    s.problem ? h('p', { className: 'form-error', role: 'alert' }, s.problem) : null,
    ...parts,
  );
}

function referralPart(app: App, c: CaseSummary, canMake: boolean, canRecord: boolean): HTMLElement | null {
  if (!canMake && !canRecord) return null;
  const due = !c.laNotifiedOn && c.laFlag.startsWith('Yes');
  return part('referral', 'Referral to the LA', [
    h('p', {}, c.laNotifiedOn ? `The LA was told on ${longDate(c.laNotifiedOn)}.` : due ? 'The LA must be told now: make and send the referral pack.' : 'Not needed yet: the pack is due at the 15-school-day point, or sooner when a long absence is expected.'),
  ], [
    canMake ? button('Make the LA referral pack', () => showReferralPack(app, c), due) : null,
    canRecord ? button('Record a referral as sent', () => showReferralSent(app, c)) : null,
  ]);
}

function provisionPart(app: App, c: CaseSummary, s: LaCaseSection, canRecord: boolean, canHours: boolean): HTMLElement | null {
  const p = s.provision;
  if (!p && !canRecord) return null;
  if (!p) {
    return part('provision', 'LA provision', [h('p', {}, 'No LA-arranged education is recorded.')],
      [button('Record LA provision', () => showProvision(app, c, null))]);
  }
  const current = !p.endDate;
  const hoursText = p.shortfallPercent === null
    ? (p.startDate ? 'No complete week with hours entered yet.' : 'Education has not started yet.')
    : `${p.deliveredInWindow} of ${p.plannedInWindow} planned hours delivered over recent weeks (${p.shortfallPercent}% short).`;
  return part('provision', 'LA provision', [
    h('span', { className: 'chips' },
      p.escalate ? chip('Escalate to the named officer', 'alert') : chip(current ? 'In place' : `Ended ${longDate(p.endDate)}`, current ? 'good' : 'neutral'),
      p.escalatedOn ? chip(`Escalated ${longDate(p.escalatedOn)}`, 'neutral') : null),
    p.escalate
      ? h('div', { className: 'panel panel-action', role: 'note' },
        h('p', {}, h('strong', {}, `Escalate to ${p.namedOfficer || 'the LA\u2019s named officer'}: `), p.escalationReasons.join('; '), '.'))
      : null,
    h('dl', { className: 'facts compact' },
      ...fact('Provider', p.provider),
      ...fact('Planned', `${plural(p.plannedHours, 'hour')} a week`),
      ...fact('Delivered', hoursText),
      ...(p.referredOn ? fact('Referred on', longDate(p.referredOn)) : []),
      ...fact('Education started', p.startDate ? longDate(p.startDate) : 'Not yet'),
      ...(!p.startDate && p.referredOn ? fact('School days without education since referral', String(p.daysWithoutEducation)) : []),
      ...(p.note ? fact('Note', p.note) : []),
    ),
    p.unrecordedWeeks.length
      ? h('p', { className: 'next-action' }, h('strong', {}, 'Needs: '), `hours for the week${p.unrecordedWeeks.length === 1 ? '' : 's'} beginning ${p.unrecordedWeeks.map(longDate).join(', ')}.`)
      : null,
    p.recentWeeks.length
      ? h('ul', { className: 'compliance', 'aria-label': 'Hours delivered each week' }, ...p.recentWeeks.map((w) => h('li', {},
        h('span', {}, `Week of ${longDate(w.weekOf)}${w.note ? ` (${w.note})` : ''}`),
        chip(`${w.hours} of ${p.plannedHours} h`, w.hours >= p.plannedHours ? 'good' : 'warn'))))
      : null,
  ], [
    canHours && current && p.startDate ? button('Enter hours delivered', () => showHoursDelivered(app, c, p)) : null,
    canRecord ? button(current ? 'Change the provision' : 'Record new LA provision', () => showProvision(app, c, current ? p : null)) : null,
  ]);
}

function keepInTouchPart(app: App, c: CaseSummary, s: LaCaseSection, canLog: boolean): HTMLElement | null {
  const k = s.keepInTouch;
  if (k.count === 0 && !k.reminder && !canLog) return null;
  return part('touch', 'Keep in touch', [
    h('p', {}, k.lastDate ? `Last: ${k.lastKind.toLowerCase()} on ${longDate(k.lastDate)} (${k.lastDescription}). ${plural(k.count, 'item')} sent in all.` : 'Nothing logged yet.'),
    k.reminder ? h('p', { className: 'next-action' }, h('strong', {}, 'Reminder: '), k.reminder.replace(/^Keep in touch: /, ''), '.') : null,
  ], [canLog ? button('Log keep in touch', () => showKeepInTouch(app, c)) : null]);
}

function partTimePart(app: App, c: CaseSummary, list: readonly PartTimeTimetableView[], canRecord: boolean): HTMLElement | null {
  if (list.length === 0 && !canRecord) return null;
  return part('part-time', 'Part-time timetable', [
    list.length === 0 ? h('p', {}, 'None recorded.') : h('ul', { className: 'cards' }, ...list.map((t) => h('li', { className: 'card', 'data-timetable-id': t.timetableId },
      h('p', { className: 'card-title' }, `${longDate(t.start)} to ${longDate(t.end) || 'no end date'}`),
      h('span', { className: 'chips' }, t.endedOn ? chip(`Back full time ${longDate(t.endedOn)}`, 'good') : t.needsAction.length ? chip('Needs action', 'warn') : chip('In place', 'good')),
      t.timetable ? h('p', {}, t.timetable) : null,
      h('dl', { className: 'facts compact' },
        ...fact('Next review', longDate(t.nextReview) || 'Not set'),
        ...fact('Parent/carer agreed', longDate(t.parentAgreedOn) || 'Not recorded'),
        ...fact('LA told', longDate(t.laNotifiedOn) || 'Not recorded')),
      t.needsAction.length ? h('ul', { className: 'needs' }, ...t.needsAction.map((n) => h('li', {}, n.replace(/^Part-time timetable: /, '')))) : null,
      h('details', { className: 'hint' }, h('summary', {}, 'Attendance code: C2'), h('p', {}, t.codeAdvice.replace(/^C2: /, ''))),
      canRecord && !t.endedOn ? button('Update this timetable', () => showPartTimeTimetable(app, c, t)) : null,
    ))),
  ], [canRecord ? button('Record a part-time timetable', () => showPartTimeTimetable(app, c, null)) : null]);
}

function plansPart(app: App, c: CaseSummary, plans: readonly ReintegrationPlanView[], canMake: boolean, canReview: boolean): HTMLElement | null {
  if (plans.length === 0 && !canMake) return null;
  return part('plans', 'Reintegration plan', [
    plans.length === 0 ? h('p', {}, 'No plan made yet.') : h('ul', { className: 'cards' }, ...plans.map((p) => h('li', { className: 'card', 'data-plan-id': p.planId },
      h('p', { className: 'card-title' }, `Plan ${p.planId}, made ${longDate(p.madeOn)}`),
      h('span', { className: 'chips' },
        p.outcome ? chip(p.outcome, p.outcome === 'Back full time' ? 'good' : 'neutral') : null,
        p.reviewStatus ? chip(p.reviewStatus, p.reviewStatus.startsWith('Review') ? 'warn' : 'neutral') : null),
      h('dl', { className: 'facts compact' },
        ...fact('Planned return', longDate(p.returnDate) || 'To be agreed'),
        ...(p.lastReviewed ? fact('Last reviewed', longDate(p.lastReviewed)) : [])),
      link(p.documentLink, 'Open the plan document'),
      p.reviews.length ? h('ul', { className: 'timeline', 'aria-label': `Reviews of plan ${p.planId}` }, ...p.reviews.slice(0, 3).map((r) => h('li', {},
        h('p', { className: 'card-title' }, `Reviewed ${longDate(r.reviewedOn)}`),
        h('p', {}, r.decisions),
        r.outcome ? h('p', { className: 'meta' }, `Outcome: ${r.outcome}`) : null))) : null,
      canReview && !['Back full time', 'Left the school'].includes(p.outcome) ? button('Record a review', () => showPlanReview(app, c, p)) : null,
    ))),
  ], [canMake ? button('Make a reintegration plan', () => showReintegrationPlan(app, c), plans.length === 0 && c.status === 'Open' && c.arrangement === 'Part-time timetable') : null]);
}

function adjustmentsPart(app: App, c: CaseSummary, list: readonly AdjustmentView[], canAdd: boolean, canReview: boolean): HTMLElement | null {
  if (list.length === 0 && !canAdd) return null;
  return part('adjustments', 'Reasonable adjustments', [
    list.length === 0 ? h('p', {}, 'None recorded. Consider whether any are needed for the return.') : h('ul', { className: 'cards' }, ...list.map((a) => h('li', { className: 'card', 'data-adjustment-id': a.adjustmentId },
      h('p', { className: 'card-title' }, a.adjustment),
      h('span', { className: 'chips' }, chip(a.status, a.status === 'In place' ? 'good' : 'neutral'), a.reminder ? chip(a.reminder, 'warn') : null),
      h('p', { className: 'meta' }, [a.agreedOn ? `agreed ${longDate(a.agreedOn)}` : '', a.reviewBy ? `review by ${longDate(a.reviewBy)}` : '', a.lastReviewed ? `last reviewed ${longDate(a.lastReviewed)}` : ''].filter(Boolean).join(' \u00b7 ')),
      a.reviewNote ? h('p', {}, a.reviewNote) : null,
      canReview && a.status !== 'Ended' ? button('Review', () => showAdjustmentReview(app, c, a)) : null,
    ))),
  ], [canAdd ? button('Add a reasonable adjustment', () => showAdjustment(app, c)) : null]);
}

function sharedPart(app: App, c: CaseSummary, list: readonly InformationSharedView[], canLog: boolean): HTMLElement | null {
  if (list.length === 0 && !canLog) return null;
  return part('shared', 'Information shared', [
    list.length === 0 ? h('p', {}, 'Nothing shared yet.') : h('ul', { className: 'cards' }, ...list.slice(0, 6).map((x) => h('li', { className: 'card', 'data-share-id': x.shareId },
      h('p', { className: 'card-title' }, `${longDate(x.sharedOn)}: ${x.sharedWith}`),
      h('p', { className: 'meta' }, [x.recipient, x.how].filter(Boolean).join(' \u00b7 ')),
      h('p', {}, x.what),
      h('p', { className: 'hint' }, `Lawful basis: ${x.lawfulBasis}`),
      link(x.documentLink, 'Open what was shared'),
    ))),
    list.length > 6 ? h('p', { className: 'hint' }, `Showing the latest 6 of ${list.length}; the Information sharing sheet has them all.`) : null,
  ], [canLog ? button('Log information shared', () => showInformationShared(app, c)) : null]);
}
