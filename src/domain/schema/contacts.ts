import type { TableSpec } from './types';

/** Each contact with a pupil or family, from the Form or the sidebar. */
export const CONTACTS: TableSpec = {
  key: 'contacts',
  title: 'Contact log',
  purpose: 'Every contact logged on the contact Form or in the sidebar, linked to its case.',
  appendOnly: true,
  tabColour: '#e37400',
  columns: [
    { key: 'contactId', header: 'Contact ID', type: 'text', required: true, computed: true, note: 'Identifies the Form response or sidebar entry, so a repeated delivery is never logged twice.' },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'date', header: 'Date of contact', type: 'date', required: true },
    { key: 'contacted', header: 'Who was contacted', type: 'text', required: true, list: 'Contacted' },
    { key: 'method', header: 'Method', type: 'text', required: true, list: 'Method' },
    { key: 'outcome', header: 'Outcome', type: 'text', required: true, list: 'Outcome' },
    { key: 'wellbeing', header: 'Wellbeing', type: 'longText', health: true },
    { key: 'engagement', header: 'Engagement with work', type: 'longText' },
    { key: 'nextSteps', header: 'Next steps', type: 'longText' },
    { key: 'loggedBy', header: 'Logged by', type: 'email', required: true },
    { key: 'loggedAt', header: 'Logged at', type: 'dateTime', required: true },
    { key: 'source', header: 'Source', type: 'text', required: true },
  ],
};

/** Form responses that name no known open case: kept, shown in the sidebar, never dropped. */
export const UNMATCHED_CONTACTS: TableSpec = {
  key: 'unmatched',
  title: 'Unmatched contacts',
  purpose: 'Contact Form responses that did not name an open case. Match or dismiss them from the sidebar.',
  tabColour: '#e37400',
  columns: [
    { key: 'contactId', header: 'Contact ID', type: 'text', required: true },
    { key: 'receivedAt', header: 'Received', type: 'dateTime', required: true },
    { key: 'pupilAnswer', header: 'Pupil as given', type: 'text', required: true },
    { key: 'reason', header: 'Why not matched', type: 'text', required: true },
    { key: 'answers', header: 'Answers', type: 'longText', required: true },
    { key: 'respondent', header: 'Respondent', type: 'email' },
    { key: 'resolution', header: 'Resolution', type: 'text', note: 'Filled in when matched to a case or dismissed.' },
  ],
};

/** Per open case: was contact made, attempted or missing on each school day of absence. */
export const CONTACT_COMPLIANCE: TableSpec = {
  key: 'compliance',
  title: 'Contact compliance',
  purpose: 'For each open case, school days of absence with contact made, attempted or missing. Rebuilt by the daily check.',
  appendOnly: true,
  tabColour: '#e37400',
  columns: [
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'pupilName', header: 'Pupil', type: 'text', required: true },
    { key: 'yearGroup', header: 'Year group', type: 'text' },
    { key: 'schoolDays', header: 'School days of absence', type: 'number', required: true },
    { key: 'made', header: 'Contact made', type: 'number', required: true },
    { key: 'attempted', header: 'Attempted only', type: 'number', required: true },
    { key: 'missing', header: 'No contact', type: 'number', required: true },
    { key: 'lastContact', header: 'Last contact', type: 'date' },
    { key: 'daysWithoutContact', header: 'School days without contact', type: 'number', required: true },
    { key: 'missingDays', header: 'Days with no contact (latest first)', type: 'longText' },
    { key: 'checkedAt', header: 'Checked', type: 'dateTime', required: true },
    // The sidebar reads a case's contacts from here (and the log rows added since), never the whole Contact log.
    { key: 'contactDays', header: 'Contact by day (for the sidebar)', type: 'longText', note: 'Each day any contact was logged, latest first, made or attempted only. The sidebar works out each school day from this.' },
    { key: 'recentContacts', header: 'Recent contacts (for the sidebar)', type: 'longText', note: 'The last few contacts, without wellbeing notes, as the sidebar shows them.' },
    { key: 'recentWellbeing', header: 'Recent wellbeing notes (for the sidebar)', type: 'longText', health: true, note: 'Health detail: shown in the sidebar only to roles allowed to see health details.' },
  ],
};
