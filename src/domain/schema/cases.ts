import type { TableSpec } from './types';

/** One row per episode of health-related absence: the heart of the register. */
export const CASES: TableSpec = {
  key: 'cases',
  title: 'Cases',
  purpose: 'One row per episode of health-related absence. Open, change and close cases from the sidebar.',
  tabColour: '#1a73e8',
  highlights: [
    { column: 'laFlag', when: { startsWith: 'Yes' }, background: '#f4c7c3', meaning: 'The LA must be told: the 15-school-day point is reached or expected, and the LA has not been told.' },
    { column: 'daysWithoutContact', when: { atLeast: 2 }, background: '#fce8b2', meaning: 'Two or more school days without any contact.' },
    { column: 'problems', when: { notEmpty: true }, background: '#fad2cf', meaning: 'A value typed by hand could not be accepted.' },
  ],
  columns: [
    { key: 'ref', header: 'Case ref', type: 'text', required: true, computed: true, note: 'Given by the add-on when a case is opened.' },
    { key: 'status', header: 'Status', type: 'text', required: true, list: 'Status' },
    { key: 'pupilName', header: 'Pupil', type: 'text', required: true },
    { key: 'upn', header: 'UPN', type: 'text', required: true, note: 'Unique Pupil Number from the MIS (13 characters). A temporary UPN is allowed.' },
    { key: 'dateOfBirth', header: 'Date of birth', type: 'date' },
    { key: 'yearGroup', header: 'Year group', type: 'text', list: 'Year group' },
    { key: 'formGroup', header: 'Form group', type: 'text' },
    { key: 'parentName', header: 'Parent/carer', type: 'text' },
    { key: 'parentEmail', header: 'Parent/carer email', type: 'email' },
    { key: 'parentPhone', header: 'Parent/carer phone', type: 'text' },
    { key: 'healthNeed', header: 'Kind of health need', type: 'text', list: 'Kind of health need', health: true, note: 'Recorded at a level that avoids a diagnosis.' },
    { key: 'healthDetail', header: 'Health detail (optional)', type: 'longText', health: true, note: 'Only if staff choose to record it. Seen only by roles allowed to see health details.' },
    { key: 'firstDay', header: 'First day of absence', type: 'date', required: true },
    { key: 'expectedReturn', header: 'Expected return', type: 'date' },
    { key: 'expectsFifteen', header: 'Expected to miss 15+ days', type: 'boolean', note: 'Tick when there are reasonable grounds to expect 15 or more school days of absence: the LA must then be told.' },
    { key: 'lead', header: 'Lead member of staff', type: 'email' },
    { key: 'arrangement', header: 'Arrangement', type: 'text', required: true, list: 'Arrangement' },
    { key: 'daysThisPeriod', header: 'School days missed (this period)', type: 'number', computed: true },
    { key: 'daysThisYear', header: 'School days missed (this year)', type: 'number', computed: true, note: 'Cumulative within the academic year, across every absence period of this pupil.' },
    { key: 'fifteenDayOn', header: '15-day point reached', type: 'date', computed: true },
    { key: 'laFlag', header: 'LA to be told', type: 'text', computed: true, note: 'The school must tell the LA when a pupil will miss 15 school days, consecutively or cumulatively, through illness.' },
    { key: 'laNotifiedOn', header: 'LA told on', type: 'date' },
    { key: 'lastContact', header: 'Last contact', type: 'date', computed: true },
    { key: 'daysWithoutContact', header: 'School days without contact', type: 'number', computed: true },
    { key: 'attendanceCode', header: 'Attendance code', type: 'text', computed: true, note: 'The 2024 code that applies to this arrangement. The MIS register is the record: this is advice.' },
    { key: 'nextAction', header: 'Needs action', type: 'text', computed: true },
    { key: 'contactFormLink', header: 'Contact form link', type: 'link', computed: true, note: 'Opens the contact form with this pupil already chosen.' },
    { key: 'openedOn', header: 'Opened on', type: 'date', computed: true },
    { key: 'closedOn', header: 'Closed on', type: 'date', computed: true },
    { key: 'checkedAt', header: 'Last checked', type: 'dateTime', computed: true },
    { key: 'problems', header: 'Problems found', type: 'text', computed: true, note: 'Values typed into cells by hand that the add-on could not accept. Fix them here or in the sidebar.' },
  ],
};

/** A case can have several absence periods: a pupil returns, then falls ill again. */
export const ABSENCE_PERIODS: TableSpec = {
  key: 'periods',
  title: 'Absence periods',
  purpose: 'Each period a pupil is off school within a case. Cumulative counts span them.',
  tabColour: '#1a73e8',
  columns: [
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'start', header: 'First day', type: 'date', required: true },
    { key: 'end', header: 'Last day', type: 'date', note: 'Blank while the pupil is still absent.' },
    { key: 'note', header: 'Note', type: 'text' },
  ],
};

/** Every change of arrangement, status or key date, for the chronology. */
export const CASE_HISTORY: TableSpec = {
  key: 'caseHistory',
  title: 'Case history',
  purpose: 'Every change to a case: opened, arrangement changed, returned, closed. Written by the add-on.',
  appendOnly: true,
  hidden: true,
  columns: [
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'at', header: 'When', type: 'dateTime', required: true },
    { key: 'date', header: 'Effective date', type: 'date', required: true },
    { key: 'event', header: 'Event', type: 'text', required: true },
    { key: 'detail', header: 'Detail', type: 'longText' },
    { key: 'by', header: 'By', type: 'email' },
  ],
};
