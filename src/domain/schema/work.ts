import type { TableSpec } from './types';

/** Each piece of work set for a pupil, however it reaches them, and whether it came back. */
export const WORK_SET: TableSpec = {
  key: 'work',
  title: 'Work set',
  purpose: 'Each piece of work set for a pupil off school: subject, how it reaches them, when it is due and whether it came back.',
  tabColour: '#0b8043',
  columns: [
    { key: 'workId', header: 'Work ID', type: 'text', required: true, computed: true, note: 'Given by the add-on when work is logged.' },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'subject', header: 'Subject', type: 'text', required: true },
    { key: 'teacher', header: 'Teacher', type: 'text' },
    { key: 'description', header: 'Description', type: 'longText', required: true, note: 'What the pupil is asked to do. No health details: this text goes into letters to parents.' },
    { key: 'medium', header: 'Medium', type: 'text', required: true, list: 'Medium' },
    { key: 'dateSet', header: 'Date set', type: 'date', required: true },
    { key: 'dueDate', header: 'Due date', type: 'date' },
    { key: 'classroomLink', header: 'Classroom link', type: 'link', computed: true },
    { key: 'classroomState', header: 'Classroom state', type: 'text', computed: true, note: 'Read back from Google Classroom by "Refresh": assigned, turned in, returned, late.' },
    { key: 'classroomIds', header: 'Classroom course/work IDs', type: 'text', computed: true, note: 'Used by the add-on to read the submission back. Do not edit.' },
    { key: 'pupilEmail', header: 'Pupil Classroom email', type: 'email', note: 'The pupil\u2019s school Google account, used to assign Classroom work to them alone.' },
    { key: 'returned', header: 'Returned/completed', type: 'date', note: 'The day the work came back or was completed.' },
    { key: 'feedback', header: 'Feedback', type: 'longText' },
    { key: 'loggedBy', header: 'Logged by', type: 'email', required: true, computed: true },
    { key: 'loggedAt', header: 'Logged at', type: 'dateTime', required: true, computed: true },
  ],
};
