/**
 * The contacts area's part of a case summary: the compliance calendar, recent contacts, and the
 * Form link with the pupil chosen (worked out from the link template, so a case opened a moment
 * ago has its link before the Cases sheet is written). One read of the Contact log per execution.
 */
import { prefilledLink, pupilChoice } from '../../domain/contactForm';
import type { CaseSummaryContributor } from '../cases/summary';
import { KEY } from './keys';
import { assessCase, recentContactsFor } from './caseContacts';

export const CONTACT_SUMMARY: CaseSummaryContributor = {
  name: 'Contacts',
  contribute(ctx, record, register) {
    const recentContacts = recentContactsFor(ctx, record.ref);
    if (record.status !== 'Open') return { recentContacts };
    const { days, state } = assessCase(ctx, record, register);
    const template = ctx.services.state.get(KEY.linkTemplate) ?? '';
    return {
      recentContacts,
      compliance: days.map((d) => ({ date: d.date, status: d.status })).reverse(),
      lastContact: state.lastContact,
      daysWithoutContact: state.daysWithoutContact,
      ...(template ? { contactFormLink: prefilledLink(template, pupilChoice(record.pupilName, record.yearGroup, record.ref)) } : {}),
    };
  },
};
