import type { TableSpec } from './types';

/**
 * The weekly attendance check: for each school day this week on which a pupil with an open case
 * was away, the 2024 register code the MIS should show. The add-on cannot write the MIS register;
 * the attendance officer ticks each row once the MIS matches. Rebuilt from "Attendance check for
 * this week"; ticks and notes for the same pupil and day are kept when it is rebuilt.
 */
export const ATTENDANCE_CHECK: TableSpec = {
  key: 'attendanceCheck',
  title: 'Attendance check',
  purpose: 'Codes the MIS register should show this week for pupils off school with health needs. Tick each row once the MIS matches.',
  tabColour: '#188038',
  columns: [
    { key: 'date', header: 'Date', type: 'date', required: true, computed: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true, computed: true },
    { key: 'pupilName', header: 'Pupil', type: 'text', required: true, computed: true },
    { key: 'yearGroup', header: 'Year group', type: 'text', computed: true },
    { key: 'arrangement', header: 'Arrangement', type: 'text', computed: true },
    { key: 'expectedCode', header: 'Code expected', type: 'text', required: true, computed: true, note: 'The 2024 code the MIS register should show for a day away under this arrangement (I, M, C2, K, D, B). The MIS register is the record: this is advice.' },
    { key: 'guidance', header: 'Guidance', type: 'longText', computed: true },
    { key: 'misChecked', header: 'MIS checked', type: 'boolean', note: 'Tick when the MIS register shows the expected code, or has been corrected.' },
    { key: 'officerNote', header: 'Attendance officer note', type: 'longText' },
    { key: 'builtAt', header: 'Built', type: 'dateTime', computed: true },
  ],
};
