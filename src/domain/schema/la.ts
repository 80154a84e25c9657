import type { TableSpec } from './types';

/**
 * Tables of LA arrangements, reintegration and governance: what the school promises when the
 * local authority takes over, and after. No health detail is kept in any of them.
 */

const LA_TAB = '#8430ce';
const GOVERNANCE_TAB = '#12b5cb';

/** Each time information goes to the LA, a provider or health services (DfE information-sharing advice, 2024: keep a record). */
export const INFORMATION_SHARING: TableSpec = {
  key: 'infoSharing',
  title: 'Information sharing',
  purpose: 'Every time information about a pupil goes to the LA, a provider or health services: what, with whom, why, on what lawful basis, by whom and when. Written by the add-on.',
  appendOnly: true,
  tabColour: LA_TAB,
  columns: [
    { key: 'shareId', header: 'Share ID', type: 'text', required: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'sharedOn', header: 'Shared on', type: 'date', required: true },
    { key: 'sharedWith', header: 'Shared with', type: 'text', required: true, list: 'Shared with' },
    { key: 'recipient', header: 'Recipient', type: 'text', required: true, note: 'The organisation and person (and address) it went to.' },
    { key: 'what', header: 'What was shared', type: 'longText', required: true },
    { key: 'why', header: 'Why', type: 'longText', required: true },
    { key: 'lawfulBasis', header: 'Lawful basis', type: 'text', required: true, list: 'Lawful basis', note: 'UK GDPR Art 6 basis with the Art 9 condition for health data. Consent is not the default.' },
    { key: 'how', header: 'How', type: 'text' },
    { key: 'documentLink', header: 'Document link', type: 'link' },
    { key: 'by', header: 'By', type: 'email', required: true },
    { key: 'loggedAt', header: 'Logged at', type: 'dateTime', required: true },
  ],
};

/** LA-arranged education for a case, with the checks that lead to escalation. */
export const LA_PROVISION: TableSpec = {
  key: 'laProvision',
  title: 'LA provision',
  purpose: 'Education arranged by the LA: provider, start, planned hours a week, and the school days without education since referral. Flagged for escalation to the named officer past the limits in Settings.',
  tabColour: LA_TAB,
  highlights: [
    { column: 'escalation', when: { startsWith: 'Escalate' }, background: '#f4c7c3', meaning: 'Past a limit: escalate to the LA\u2019s named officer.' },
  ],
  columns: [
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'provider', header: 'Provider', type: 'text', required: true, note: 'Who educates the pupil, e.g. the LA\u2019s medical needs service or a hospital school.' },
    { key: 'referredOn', header: 'Referred on', type: 'date', note: 'The day the LA was told (the referral pack sent).' },
    { key: 'startDate', header: 'Education started', type: 'date', note: 'Blank until the first day of LA-arranged education.' },
    { key: 'endDate', header: 'Ended', type: 'date' },
    { key: 'plannedHours', header: 'Planned hours a week', type: 'number', required: true },
    { key: 'daysWithoutEducation', header: 'School days without education since referral', type: 'number', computed: true },
    { key: 'hoursCheck', header: 'Hours delivered (recent weeks)', type: 'text', computed: true },
    { key: 'escalation', header: 'Escalation', type: 'text', computed: true, note: 'Worked out by the daily check from the limits on the Settings sheet.' },
    { key: 'escalatedOn', header: 'Escalated to named officer on', type: 'date' },
    { key: 'note', header: 'Note', type: 'longText' },
    { key: 'recordedBy', header: 'Recorded by', type: 'email', computed: true },
  ],
};

/** Hours of LA-arranged education delivered, entered weekly. */
export const HOURS_DELIVERED: TableSpec = {
  key: 'laHours',
  title: 'LA hours delivered',
  purpose: 'Hours of LA-arranged education the pupil actually received, one row per case per week (week beginning Monday).',
  tabColour: LA_TAB,
  columns: [
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'weekOf', header: 'Week beginning', type: 'date', required: true },
    { key: 'hours', header: 'Hours delivered', type: 'number', required: true },
    { key: 'note', header: 'Note', type: 'text' },
    { key: 'recordedBy', header: 'Recorded by', type: 'email', computed: true },
    { key: 'recordedAt', header: 'Recorded at', type: 'dateTime', computed: true },
  ],
};

/** What was sent to keep the pupil in touch with school life. */
export const KEEP_IN_TOUCH: TableSpec = {
  key: 'keepInTouch',
  title: 'Keep in touch',
  purpose: 'Newsletters, emails, invitations to events and links to lessons sent to a pupil out of school, so they stay part of school life.',
  tabColour: LA_TAB,
  columns: [
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'date', header: 'Date sent', type: 'date', required: true },
    { key: 'kind', header: 'Kind', type: 'text', required: true, list: 'Keep in touch' },
    { key: 'description', header: 'What', type: 'text', required: true },
    { key: 'link', header: 'Link', type: 'link' },
    { key: 'by', header: 'By', type: 'email', computed: true },
    { key: 'loggedAt', header: 'Logged at', type: 'dateTime', computed: true },
  ],
};

/** Part-time timetables (phased returns): time-limited, reviewed, agreed, the LA told. */
export const PART_TIME_TIMETABLES: TableSpec = {
  key: 'partTime',
  title: 'Part-time timetables',
  purpose: 'Agreed, time-limited part-time timetables (phased returns): start, end, reviews, parental agreement and when the LA was told. Sessions outside the timetable are coded C2.',
  tabColour: LA_TAB,
  highlights: [
    { column: 'flags', when: { notEmpty: true }, background: '#fce8b2', meaning: 'Past its end date, a review overdue, or something not yet recorded.' },
  ],
  columns: [
    { key: 'timetableId', header: 'Timetable ID', type: 'text', required: true, computed: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'start', header: 'Start', type: 'date', required: true },
    { key: 'end', header: 'End', type: 'date', required: true, note: 'A part-time timetable must have a time limit.' },
    { key: 'timetable', header: 'Timetable', type: 'longText', note: 'Which sessions the pupil attends.' },
    { key: 'nextReview', header: 'Next review', type: 'date' },
    { key: 'parentAgreedOn', header: 'Parent/carer agreed on', type: 'date' },
    { key: 'laNotifiedOn', header: 'LA told on', type: 'date' },
    { key: 'endedOn', header: 'Back full time on', type: 'date' },
    { key: 'codeAdvice', header: 'Attendance code', type: 'text', computed: true },
    { key: 'flags', header: 'Needs action', type: 'text', computed: true },
    { key: 'recordedBy', header: 'Recorded by', type: 'email', computed: true },
  ],
};

/** One individually tailored reintegration plan per return, with its document. */
export const REINTEGRATION_PLANS: TableSpec = {
  key: 'reintegration',
  title: 'Reintegration plans',
  purpose: 'Each pupil\u2019s individually tailored reintegration plan: its document (editable by staff), next review and outcome.',
  tabColour: LA_TAB,
  highlights: [
    { column: 'reviewStatus', when: { startsWith: 'Review' }, background: '#fce8b2', meaning: 'A review is due or overdue.' },
  ],
  columns: [
    { key: 'planId', header: 'Plan ID', type: 'text', required: true, computed: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'madeOn', header: 'Made on', type: 'date', required: true },
    { key: 'returnDate', header: 'Planned return', type: 'date' },
    { key: 'documentLink', header: 'Plan document', type: 'link', computed: true },
    { key: 'nextReview', header: 'Next review', type: 'date' },
    { key: 'lastReviewed', header: 'Last reviewed', type: 'date', computed: true },
    { key: 'outcome', header: 'Outcome', type: 'text', list: 'Reintegration outcome' },
    { key: 'reviewStatus', header: 'Review status', type: 'text', computed: true },
    { key: 'madeBy', header: 'Made by', type: 'email', computed: true },
  ],
};

export const PLAN_REVIEWS: TableSpec = {
  key: 'planReviews',
  title: 'Plan reviews',
  purpose: 'Each review of a reintegration plan: when, what was decided and the next review. Written by the add-on.',
  appendOnly: true,
  hidden: true,
  tabColour: LA_TAB,
  columns: [
    { key: 'planId', header: 'Plan ID', type: 'text', required: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'reviewedOn', header: 'Reviewed on', type: 'date', required: true },
    { key: 'decisions', header: 'What was decided', type: 'longText', required: true },
    { key: 'nextReview', header: 'Next review', type: 'date' },
    { key: 'outcome', header: 'Outcome', type: 'text' },
    { key: 'by', header: 'By', type: 'email', required: true },
    { key: 'at', header: 'Recorded at', type: 'dateTime', required: true },
  ],
};

/** Reasonable adjustments considered for a pupil (Equality Act 2010; accessibility plan), kept as a list so they are reviewed. */
export const REASONABLE_ADJUSTMENTS: TableSpec = {
  key: 'adjustments',
  title: 'Reasonable adjustments',
  purpose: 'Reasonable adjustments considered or made for each pupil, with a review date, so none is forgotten.',
  tabColour: LA_TAB,
  columns: [
    { key: 'adjustmentId', header: 'Adjustment ID', type: 'text', required: true, computed: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'adjustment', header: 'Adjustment', type: 'text', required: true, note: 'What changes for the pupil, e.g. "Lift pass", "Rest breaks", "Extra time in tests". No diagnosis.' },
    { key: 'status', header: 'Status', type: 'text', required: true, list: 'Adjustment status' },
    { key: 'agreedOn', header: 'Agreed on', type: 'date' },
    { key: 'reviewBy', header: 'Review by', type: 'date' },
    { key: 'lastReviewed', header: 'Last reviewed', type: 'date' },
    { key: 'reviewNote', header: 'Review note', type: 'text' },
    { key: 'by', header: 'Recorded by', type: 'email', computed: true },
  ],
};

/** The policy's annual review by the Headteacher and approval by the full governing board. */
export const POLICY_REVIEW: TableSpec = {
  key: 'policyReview',
  title: 'Policy review',
  purpose: 'The health-needs policy and the policies it links to: last review by the Headteacher, approval by the full governing board, next due.',
  tabColour: GOVERNANCE_TAB,
  highlights: [
    { column: 'status', when: { notEmpty: true }, background: '#fce8b2', meaning: 'A review or approval is due.' },
  ],
  columns: [
    { key: 'policy', header: 'Policy', type: 'text', required: true },
    { key: 'lastReviewed', header: 'Last reviewed by the Headteacher', type: 'date' },
    { key: 'approvedOn', header: 'Approved by the full governing board', type: 'date' },
    { key: 'minuteRef', header: 'Minute reference', type: 'text' },
    { key: 'link', header: 'Policy document', type: 'link' },
    { key: 'nextDue', header: 'Next review due', type: 'date', computed: true },
    { key: 'status', header: 'Needs action', type: 'text', computed: true },
  ],
};

/** Figures behind the coordinator's dashboard charts; rewritten by "Refresh dashboard". */
export const DASHBOARD: TableSpec = {
  key: 'dashboard',
  title: 'Dashboard',
  purpose: 'Figures for the coordinator, with charts: cases, school days missed, time to LA provision, contact, work and reintegration. Rewritten by "Refresh dashboard".',
  tabColour: GOVERNANCE_TAB,
  columns: [
    { key: 'chart', header: 'Chart', type: 'text', required: true, computed: true },
    { key: 'label', header: 'Label', type: 'text', required: true, computed: true },
    { key: 'value', header: 'Value', type: 'number', required: true, computed: true },
  ],
};
