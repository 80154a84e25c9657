/**
 * The forms for LA arrangements and reintegration, each reached from a case: the referral pack
 * (emailed, or made and then recorded as sent), LA provision and the hours delivered each week,
 * keep in touch, part-time timetables, reintegration plans and their reviews, reasonable
 * adjustments, and information shared. After saving, the case is shown again with what changed.
 */
import type { AdjustmentView, CaseSummary, LaProvisionView, PartTimeTimetableView, ReferralPackResult, ReintegrationPlanView } from '../../../shared/api';
import { ADJUSTMENT_STATUSES, KEEP_IN_TOUCH_KINDS, RECIPIENT_KINDS, REINTEGRATION_OUTCOMES } from '../../../domain/la/vocabulary';
import type { App } from '../app';
import { h } from '../dom';
import { dateField, form, selectField, textArea, textField, type Field } from '../forms';
import { longDate } from '../format';
import { serverCall } from '../serverCall';
import { showSavedCase } from './caseSummary';
import { lawfulBasisPrompt } from './lawfulBasis';

/** Saved: the form closes and the case is shown afresh with a message. */
async function backToCase(app: App, c: CaseSummary, message: string): Promise<void> {
  const summary = await serverCall('getCaseSummary', c.ref);
  showSavedCase(app, summary, message);
}

function formView(app: App, c: CaseSummary, id: string, title: string, intro: string | null, body: HTMLElement): HTMLElement {
  return h('section', { className: 'view', 'aria-labelledby': id },
    app.backButton(c.pupilName),
    h('h2', { id }, title),
    h('p', {}, `${c.pupilName} \u00b7 ${c.ref}`),
    intro ? h('p', { className: 'hint' }, intro) : null,
    body,
  );
}

function hours(label: string, field: Field<string>, max: number): number {
  const n = Number(field.value());
  if (field.value() === '' || !Number.isFinite(n) || n < 0 || n > max) {
    field.input.focus();
    throw new Error(`${label} should be a number of hours from 0 to ${max}.`);
  }
  return n;
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

// ---------------------------------------------------------------------------- referral pack

export function showReferralPack(app: App, c: CaseSummary): void {
  const basis = lawfulBasisPrompt();
  app.push(() => {
    const curriculum = textArea('Curriculum and materials', { name: 'curriculum', rows: 4, hint: 'What the pupil\u2019s classes are studying now and the materials the provider can use.' });
    const evidence = textArea('Evidence the school holds', { name: 'evidence', rows: 3, hint: 'One reference a line, e.g. \u201cConsultant letter, 3 Nov 2026, medical file\u201d. References only: never copy medical records into the pack.' });
    const send = selectField('Sending it', ['Email it to the LA now', 'Make it only: I will send it by the LA\u2019s own route'], { name: 'send', required: true, value: 'Email it to the LA now' });
    const save = async () => {
      const lawfulBasis = basis.value();
      if (!lawfulBasis) throw new Error('Please choose the lawful basis for sharing.');
      const result = await serverCall('generateReferralPack', {
        ref: c.ref,
        send: send.value().startsWith('Email') ? 'email' : 'none',
        lawfulBasis,
        ...optional('curriculum', curriculum.value()),
        evidence: evidence.value().split('\n').map((e) => e.trim()).filter(Boolean),
      });
      app.replace(() => referralResultView(app, c, result, lawfulBasis));
    };
    return formView(app, c, 'referral-heading', 'Make the LA referral pack',
      'The pack has the pupil\u2019s details, school days missed, the chronology of contact, work and letters (no wellbeing notes), the curriculum and the evidence held. Sending it records the LA as told and logs the share.',
      form('Make the LA referral pack', [curriculum, evidence, send, basis.element], 'Make the pack', save, () => app.back()));
  });
  basis.load('Local authority', 'sickness return').catch((error: Error) => app.message(error.message, 'error'));
}

function referralResultView(app: App, c: CaseSummary, result: ReferralPackResult, lawfulBasis: string): HTMLElement {
  const sent = result.status.startsWith('Sent');
  return h('section', { className: 'view', 'aria-labelledby': 'referral-made-heading' },
    app.backButton(c.pupilName),
    h('h2', { id: 'referral-made-heading' }, sent ? 'Referral pack sent' : 'Referral pack made'),
    h('p', { role: 'status' }, result.status),
    h('ul', {},
      h('li', {}, h('a', { href: result.document.url, target: '_blank', rel: 'noopener' }, `Open \u201c${result.document.name}\u201d`)),
      result.pdf ? h('li', {}, h('a', { href: result.pdf.url, target: '_blank', rel: 'noopener' }, `Open the PDF (${result.pdf.name})`)) : null,
    ),
    h('div', { className: 'buttons' },
      !sent ? h('button', { type: 'button', className: 'primary', onclick: () => showReferralSent(app, c, result.document.url, lawfulBasis) }, 'Record it as sent') : null,
      h('button', { type: 'button', className: sent ? 'primary' : 'secondary', onclick: () => {
        backToCase(app, c, result.status).catch((error: Error) => app.message(error.message, 'error'));
      } }, `Back to ${c.pupilName}`),
    ),
  );
}

export function showReferralSent(app: App, c: CaseSummary, documentLink = '', suggestedBasis = ''): void {
  const basis = lawfulBasisPrompt();
  app.push(() => {
    const today = app.state?.today ?? '';
    const sentOn = dateField('Date it was sent', { name: 'sentOn', required: true, value: today, max: today });
    const how = textField('How it was sent', { name: 'how', required: true, hint: 'For example: LA portal, secure email.' });
    const link = textField('Link to the pack', { name: 'documentLink', type: 'url', value: documentLink });
    const save = async () => {
      const lawfulBasis = basis.value() || suggestedBasis;
      if (!lawfulBasis) throw new Error('Please choose the lawful basis for sharing.');
      const result = await serverCall('recordReferralSent', { ref: c.ref, sentOn: sentOn.value(), how: how.value(), lawfulBasis, ...optional('documentLink', link.value()) });
      await backToCase(app, c, result.status);
    };
    return formView(app, c, 'referral-sent-heading', 'Record the referral as sent',
      'For a pack sent by the LA\u2019s own route. The LA is recorded as told on this date and the share is logged.',
      form('Record the referral as sent', [sentOn, how, link, basis.element], 'Record it', save, () => app.back()));
  });
  basis.load('Local authority', 'sickness return').catch((error: Error) => app.message(error.message, 'error'));
}

// ---------------------------------------------------------------------------- information shared

const PURPOSES: ReadonlyArray<[string, string]> = [
  ['arranging education', 'Arranging or delivering education'],
  ['sickness return', 'Sickness return (the 15-day point)'],
  ['reintegration', 'Planning the return to school'],
  ['safeguarding', 'Safeguarding: a concern for the pupil'],
  ['health care', 'Health or care'],
  ['other', 'Something else'],
];

export function showInformationShared(app: App, c: CaseSummary): void {
  const basis = lawfulBasisPrompt();
  app.push(() => {
    const today = app.state?.today ?? '';
    const sharedOn = dateField('Date shared', { name: 'sharedOn', required: true, value: today, max: today });
    const sharedWith = selectField('Shared with', RECIPIENT_KINDS, { name: 'sharedWith', required: true, value: RECIPIENT_KINDS[0] });
    const purpose = selectField('What it was for', PURPOSES.map(([, label]) => label), { name: 'purpose', required: true, value: PURPOSES[0][1], hint: 'Used to suggest the lawful basis below.' });
    const recipient = textField('Who it went to', { name: 'recipient', required: true, hint: 'The organisation and person, e.g. \u201cMIAPS \u2013 Jo Patel, tutor\u201d.' });
    const what = textArea('What was shared', { name: 'what', required: true, rows: 2, hint: 'Describe it (\u201cwork set this term and return dates\u201d); do not paste health details here.' });
    const why = textArea('Why it was shared', { name: 'why', required: true, rows: 2 });
    const how = textField('How it was shared', { name: 'how', hint: 'For example: secure email, phone call, meeting.' });
    const link = textField('Link to what was shared', { name: 'documentLink', type: 'url' });
    const purposeKey = () => PURPOSES.find(([, label]) => label === purpose.value())?.[0] ?? 'other';
    const reload = () => { basis.load(sharedWith.value(), purposeKey()).catch((error: Error) => app.message(error.message, 'error')); };
    sharedWith.input.addEventListener('change', reload);
    purpose.input.addEventListener('change', reload);
    const save = async () => {
      const lawfulBasis = basis.value();
      if (!lawfulBasis) throw new Error('Please choose the lawful basis for sharing.');
      await serverCall('logInformationShared', {
        ref: c.ref, sharedOn: sharedOn.value(), sharedWith: sharedWith.value(), recipient: recipient.value(), what: what.value(), why: why.value(), lawfulBasis,
        ...optional('how', how.value()), ...optional('documentLink', link.value()),
      });
      await backToCase(app, c, `Information shared with ${recipient.value()} on ${longDate(sharedOn.value())} is logged.`);
    };
    return formView(app, c, 'share-heading', 'Log information shared', 'Each time information about the pupil goes to the LA, a provider or health services: what, with whom, why and on what lawful basis.',
      form('Log information shared', [sharedOn, sharedWith, purpose, recipient, what, why, how, link, basis.element], 'Log it', save, () => app.back()));
  });
  basis.load(RECIPIENT_KINDS[0], PURPOSES[0][0]).catch((error: Error) => app.message(error.message, 'error'));
}

// ---------------------------------------------------------------------------- LA provision

export function showProvision(app: App, c: CaseSummary, current: LaProvisionView | null): void {
  app.push(() => {
    const provider = textField('Provider', { name: 'provider', required: true, value: current?.provider ?? '', hint: 'Who educates the pupil, e.g. the LA\u2019s medical needs service or a hospital school.' });
    const planned = textField('Planned hours a week', { name: 'plannedHours', type: 'number', required: true, value: current ? String(current.plannedHours) : '' });
    planned.input.setAttribute('min', '0');
    planned.input.setAttribute('step', '0.5');
    const referredOn = dateField('Referred on', { name: 'referredOn', value: current?.referredOn || c.laNotifiedOn, hint: 'The day the LA was told. Left blank, the day on the case is used.' });
    const startDate = dateField('Education started', { name: 'startDate', value: current?.startDate ?? '', hint: 'Blank until the first day of LA-arranged education.' });
    const endDate = dateField('Ended', { name: 'endDate', value: current?.endDate ?? '' });
    const note = textArea('Note', { name: 'note', rows: 2, value: current?.note ?? '' });
    const save = async () => {
      const result = await serverCall('recordProvision', {
        ref: c.ref, provider: provider.value(), plannedHours: hours('Planned hours a week', planned, 40),
        ...optional('referredOn', referredOn.value()), ...optional('startDate', startDate.value()), ...optional('endDate', endDate.value()), ...optional('note', note.value()),
      });
      await backToCase(app, c, result.status);
    };
    return formView(app, c, 'provision-heading', current && !current.endDate ? 'Change the LA provision' : 'Record LA provision',
      'The daily check compares hours delivered with hours planned and flags the case for escalation to the LA\u2019s named officer past the limits in Settings.',
      form('LA provision', [provider, planned, referredOn, startDate, endDate, note], 'Save the provision', save, () => app.back()));
  });
}

export function showHoursDelivered(app: App, c: CaseSummary, provision: LaProvisionView): void {
  app.push(() => {
    const weekOf = dateField('Week', { name: 'weekOf', required: true, value: provision.unrecordedWeeks[0] ?? app.state?.today ?? '', max: app.state?.today, hint: 'Any day of the week: it is recorded as the week beginning Monday. Entering a week again corrects it.' });
    const delivered = textField('Hours delivered', { name: 'hours', type: 'number', required: true, hint: `${provision.plannedHours} hours a week are planned.` });
    delivered.input.setAttribute('min', '0');
    delivered.input.setAttribute('step', '0.5');
    const note = textField('Note', { name: 'note', hint: 'For example: tutor ill on Wednesday.' });
    const save = async () => {
      const result = await serverCall('recordHoursDelivered', { ref: c.ref, weekOf: weekOf.value(), hours: hours('Hours delivered', delivered, 60), ...optional('note', note.value()) });
      await backToCase(app, c, result.status);
    };
    return formView(app, c, 'hours-heading', 'Enter hours delivered', `${provision.provider}.`,
      form('Enter hours delivered', [weekOf, delivered, note], 'Save the hours', save, () => app.back()));
  });
}

// ---------------------------------------------------------------------------- keep in touch

export function showKeepInTouch(app: App, c: CaseSummary): void {
  app.push(() => {
    const today = app.state?.today ?? '';
    const date = dateField('Date sent', { name: 'date', required: true, value: today, max: today });
    const kind = selectField('Kind', KEEP_IN_TOUCH_KINDS, { name: 'kind', required: true, value: KEEP_IN_TOUCH_KINDS[0] });
    const description = textField('What', { name: 'description', required: true, hint: 'For example: \u201cAutumn newsletter\u201d, \u201cInvitation to the Year 9 options evening\u201d.' });
    const link = textField('Link', { name: 'link', type: 'url', hint: 'An https:// link, if there is one.' });
    const save = async () => {
      const result = await serverCall('logKeepInTouch', { ref: c.ref, date: date.value(), kind: kind.value(), description: description.value(), ...optional('link', link.value()) });
      await backToCase(app, c, result.status);
    };
    return formView(app, c, 'touch-heading', 'Log keep in touch', 'Newsletters, emails, invitations and links to lessons that keep the pupil part of school life.',
      form('Log keep in touch', [date, kind, description, link], 'Log it', save, () => app.back()));
  });
}

// ---------------------------------------------------------------------------- part-time timetable

export function showPartTimeTimetable(app: App, c: CaseSummary, existing: PartTimeTimetableView | null): void {
  app.push(() => {
    const start = dateField('Start', { name: 'start', required: true, value: existing?.start ?? app.state?.today ?? '' });
    const end = dateField('End', { name: 'end', required: true, value: existing?.end ?? '', hint: 'A part-time timetable must be time-limited.' });
    const timetable = textArea('Timetable', { name: 'timetable', rows: 3, value: existing?.timetable ?? '', hint: 'Which sessions the pupil attends, e.g. \u201cMornings only, Monday to Friday\u201d.' });
    const nextReview = dateField('Next review', { name: 'nextReview', value: existing?.nextReview ?? '', hint: 'Reviewed regularly with the pupil and parents.' });
    const parentAgreedOn = dateField('Parent/carer agreed on', { name: 'parentAgreedOn', value: existing?.parentAgreedOn ?? '' });
    const laNotifiedOn = dateField('LA told on', { name: 'laNotifiedOn', value: existing?.laNotifiedOn ?? '' });
    const endedOn = existing ? dateField('Back full time on', { name: 'endedOn', value: existing.endedOn }) : null;
    const save = async () => {
      const result = await serverCall('recordPartTimeTimetable', {
        ref: c.ref, start: start.value(), end: end.value(),
        ...(existing ? { timetableId: existing.timetableId } : {}),
        ...optional('timetable', timetable.value()), ...optional('nextReview', nextReview.value()),
        ...optional('parentAgreedOn', parentAgreedOn.value()), ...optional('laNotifiedOn', laNotifiedOn.value()),
        ...(endedOn ? optional('endedOn', endedOn.value()) : {}),
      });
      await backToCase(app, c, [`Part-time timetable ${result.timetableId} saved.`, result.needsAction ? `Still to do: ${result.needsAction}.` : '', result.codeAdvice].filter(Boolean).join('\n'));
    };
    return formView(app, c, 'part-time-heading', existing ? `Update part-time timetable ${existing.timetableId}` : 'Record a part-time timetable',
      'Only in exceptional circumstances, agreed with the parents, reviewed regularly and with an end date. Sessions outside the timetable are coded C2.',
      form('Part-time timetable', [start, end, timetable, nextReview, parentAgreedOn, laNotifiedOn, endedOn], 'Save the timetable', save, () => app.back()));
  });
}

// ---------------------------------------------------------------------------- reintegration plan

export function showReintegrationPlan(app: App, c: CaseSummary): void {
  app.push(() => {
    const returnDate = dateField('Planned return', { name: 'returnDate', value: c.expectedReturn });
    const phased = textArea('Phased timetable', { name: 'phasedTimetable', required: true, rows: 3, hint: 'For example: \u201cWeek 1 mornings only; week 2 to lunch; full days from week 3\u201d.' });
    const whoSupports = textArea('Who supports the pupil', { name: 'whoSupports', rows: 2 });
    const catchUp = textArea('Catch-up', { name: 'catchUp', rows: 2 });
    const continuity = textArea('Curriculum continuity', { name: 'curriculumContinuity', rows: 2 });
    const views = textArea('The pupil\u2019s and family\u2019s views', { name: 'views', rows: 2 });
    const review1 = dateField('First review', { name: 'review1', required: true, hint: 'The plan is reviewed with the pupil and family.' });
    const review2 = dateField('Second review', { name: 'review2' });
    const review3 = dateField('Third review', { name: 'review3' });
    const save = async () => {
      const result = await serverCall('createReintegrationPlan', {
        ref: c.ref, phasedTimetable: phased.value(), reviewDates: [review1.value(), review2.value(), review3.value()].filter(Boolean),
        ...optional('returnDate', returnDate.value()), ...optional('whoSupports', whoSupports.value()), ...optional('catchUp', catchUp.value()),
        ...optional('curriculumContinuity', continuity.value()), ...optional('views', views.value()),
      });
      await backToCase(app, c, `Reintegration plan ${result.planId} made: \u201c${result.document.name}\u201d, in the case\u2019s folder, where staff can edit it.`);
    };
    return formView(app, c, 'plan-heading', 'Make a reintegration plan',
      'Made from the school\u2019s template with the case\u2019s details and its reasonable adjustments. Blank parts say they are to be agreed with the pupil and family.',
      form('Make a reintegration plan', [returnDate, phased, whoSupports, catchUp, continuity, views, review1, review2, review3], 'Make the plan', save, () => app.back()));
  });
}

export function showPlanReview(app: App, c: CaseSummary, plan: ReintegrationPlanView): void {
  app.push(() => {
    const today = app.state?.today ?? '';
    const reviewedOn = dateField('Reviewed on', { name: 'reviewedOn', required: true, value: today, max: today });
    const decisions = textArea('What was decided', { name: 'decisions', required: true, rows: 3 });
    const nextReview = dateField('Next review', { name: 'nextReview' });
    const outcome = selectField('Outcome', REINTEGRATION_OUTCOMES, { name: 'outcome', placeholder: 'No change', value: '' });
    const save = async () => {
      const result = await serverCall('recordPlanReview', {
        planId: plan.planId, reviewedOn: reviewedOn.value(), decisions: decisions.value(), ...optional('nextReview', nextReview.value()), ...optional('outcome', outcome.value()),
      });
      await backToCase(app, c, `Plan ${plan.planId}: ${result.status}`);
    };
    return formView(app, c, 'plan-review-heading', `Review plan ${plan.planId}`, plan.outcome ? `Outcome so far: ${plan.outcome}.` : null,
      form('Record a plan review', [reviewedOn, decisions, nextReview, outcome], 'Record the review', save, () => app.back()));
  });
}

// ---------------------------------------------------------------------------- reasonable adjustments

export function showAdjustment(app: App, c: CaseSummary): void {
  app.push(() => {
    const adjustment = textField('Adjustment', { name: 'adjustment', required: true, hint: 'What changes for the pupil, e.g. \u201cLift pass\u201d, \u201cRest breaks\u201d. No diagnosis.' });
    const status = selectField('Status', ADJUSTMENT_STATUSES, { name: 'status', required: true, value: 'Proposed' });
    const agreedOn = dateField('Agreed on', { name: 'agreedOn' });
    const reviewBy = dateField('Review by', { name: 'reviewBy' });
    const save = async () => {
      const result = await serverCall('recordAdjustment', { ref: c.ref, adjustment: adjustment.value(), status: status.value(), ...optional('agreedOn', agreedOn.value()), ...optional('reviewBy', reviewBy.value()) });
      await backToCase(app, c, `Reasonable adjustment ${result.adjustmentId} recorded: ${adjustment.value()}.`);
    };
    return formView(app, c, 'adjustment-heading', 'Add a reasonable adjustment', 'Equality Act 2010 and the school\u2019s accessibility plan. Adjustments in place go into the reintegration plan.',
      form('Add a reasonable adjustment', [adjustment, status, agreedOn, reviewBy], 'Add it', save, () => app.back()));
  });
}

export function showAdjustmentReview(app: App, c: CaseSummary, a: AdjustmentView): void {
  app.push(() => {
    const today = app.state?.today ?? '';
    const reviewedOn = dateField('Reviewed on', { name: 'reviewedOn', required: true, value: today, max: today });
    const note = textArea('What the review found', { name: 'note', required: true, rows: 2 });
    const status = selectField('Status', ADJUSTMENT_STATUSES, { name: 'status', required: true, value: a.status });
    const reviewBy = dateField('Next review by', { name: 'reviewBy' });
    const save = async () => {
      const result = await serverCall('reviewAdjustment', { adjustmentId: a.adjustmentId, reviewedOn: reviewedOn.value(), note: note.value(), status: status.value(), ...optional('reviewBy', reviewBy.value()) });
      await backToCase(app, c, result.status);
    };
    return formView(app, c, 'adjustment-review-heading', 'Review an adjustment', `${a.adjustment} (${a.status}).`,
      form('Review a reasonable adjustment', [reviewedOn, note, status, reviewBy], 'Record the review', save, () => app.back()));
  });
}
