/**
 * The contacts area's part of a case summary: the compliance calendar, recent contacts, and the
 * Form link with the pupil chosen (worked out from the link template, so a case opened a moment
 * ago has its link before the Cases sheet is written). From the daily check's stored contact
 * record and the log rows added since (summaryContacts.ts), not the whole Contact log.
 */
import { prefilledLink, pupilChoice } from '../../domain/contactForm';
import type { CaseSummaryContributor } from '../cases/summary';
import { KEY } from './keys';
import { summaryContacts } from './summaryContacts';

export const CONTACT_SUMMARY: CaseSummaryContributor = {
  name: 'Contacts',
  contribute(ctx, record, register) {
    const { recentContacts, compliance, state } = summaryContacts(ctx, record, register);
    if (record.status !== 'Open') return { recentContacts };
    const template = ctx.services.state.get(KEY.linkTemplate) ?? '';
    return {
      recentContacts,
      compliance,
      lastContact: state.lastContact,
      daysWithoutContact: state.daysWithoutContact,
      ...(template ? { contactFormLink: prefilledLink(template, pupilChoice(record.pupilName, record.yearGroup, record.ref)) } : {}),
    };
  },
};
