import type { TableSpec } from './types';

/** Pupils on roll, imported from a CSV export of the school's MIS. */
export const PUPILS: TableSpec = {
  key: 'pupils',
  title: 'Pupils',
  purpose: 'Pupils on roll, imported from the MIS, so opening a case is picking a pupil, not typing one.',
  tabColour: '#5f6368',
  columns: [
    { key: 'upn', header: 'UPN', type: 'text', required: true },
    { key: 'name', header: 'Name', type: 'text', required: true },
    { key: 'dateOfBirth', header: 'Date of birth', type: 'date' },
    { key: 'yearGroup', header: 'Year group', type: 'text' },
    { key: 'formGroup', header: 'Form group', type: 'text' },
    { key: 'parentName', header: 'Parent/carer', type: 'text' },
    { key: 'parentEmail', header: 'Parent/carer email', type: 'email' },
    { key: 'parentPhone', header: 'Parent/carer phone', type: 'text' },
    { key: 'misId', header: 'MIS ID', type: 'text' },
    { key: 'importedOn', header: 'Imported on', type: 'date', computed: true },
  ],
};

/** The school's own calendar: terms, holidays, INSET days, bank holidays, closures. */
export const CALENDAR: TableSpec = {
  key: 'calendar',
  cached: true,
  title: 'Calendar',
  purpose: 'Term dates, half-terms, INSET days, bank holidays and closures. School days are counted from this.',
  tabColour: '#188038',
  columns: [
    { key: 'kind', header: 'Kind', type: 'text', required: true, list: 'Calendar entry' },
    { key: 'start', header: 'From', type: 'date', required: true },
    { key: 'end', header: 'To', type: 'date', required: true },
    { key: 'description', header: 'Description', type: 'text' },
  ],
};

/** Who may do what. */
export const STAFF: TableSpec = {
  key: 'staff',
  coordinatorsOnly: true,
  title: 'Staff',
  purpose: 'Staff who may use the register and their role. Only coordinators can change this sheet.',
  tabColour: '#a142f4',
  columns: [
    { key: 'email', header: 'Email', type: 'email', required: true },
    { key: 'name', header: 'Name', type: 'text', required: true },
    { key: 'role', header: 'Role', type: 'text', required: true, list: 'Role' },
    { key: 'active', header: 'Active', type: 'boolean', required: true },
  ],
};

/** Settings as key/value rows, read once per execution. */
export const SETTINGS: TableSpec = {
  key: 'settings',
  cached: true,
  coordinatorsOnly: true,
  title: 'Settings',
  purpose: 'School-wide settings. Change the Value column; the add-on checks each value when it runs.',
  tabColour: '#5f6368',
  columns: [
    { key: 'setting', header: 'Setting', type: 'text', required: true },
    { key: 'value', header: 'Value', type: 'text', required: true },
    { key: 'explanation', header: 'What it is for', type: 'longText' },
  ],
};

/**
 * Dropdown values, one list per column; data validation on other sheets points here so a
 * school can add its own values without touching code.
 */
export const LISTS: TableSpec = {
  key: 'lists',
  coordinatorsOnly: true,
  title: 'Lists',
  purpose: 'Values offered in dropdowns. Add values at the bottom of a column; do not rename the headers.',
  hidden: true,
  tabColour: '#5f6368',
  columns: [
    { key: 'Status', header: 'Status', type: 'text', required: true },
    { key: 'Arrangement', header: 'Arrangement', type: 'text', required: true },
    { key: 'Kind of health need', header: 'Kind of health need', type: 'text', required: true },
    { key: 'Year group', header: 'Year group', type: 'text', required: true },
    { key: 'Role', header: 'Role', type: 'text', required: true },
    { key: 'Calendar entry', header: 'Calendar entry', type: 'text', required: true },
    { key: 'Contacted', header: 'Contacted', type: 'text', required: true },
    { key: 'Method', header: 'Method', type: 'text', required: true },
    { key: 'Outcome', header: 'Outcome', type: 'text', required: true },
    { key: 'Medium', header: 'Medium', type: 'text', required: true },
    { key: 'Letter delivery', header: 'Letter delivery', type: 'text', required: true },
    { key: 'Shared with', header: 'Shared with', type: 'text', required: true },
    { key: 'Lawful basis', header: 'Lawful basis', type: 'text', required: true },
    { key: 'Keep in touch', header: 'Keep in touch', type: 'text', required: true },
    { key: 'Adjustment status', header: 'Adjustment status', type: 'text', required: true },
    { key: 'Reintegration outcome', header: 'Reintegration outcome', type: 'text', required: true },
  ],
};

/** Every change, who and when, sealed in a chain so edits by hand are found. */
export const AUDIT_LOG: TableSpec = {
  key: 'audit',
  title: 'Audit log',
  purpose: 'Every change made through the add-on, sealed so that a row edited by hand is detected.',
  appendOnly: true,
  tabColour: '#d93025',
  columns: [
    { key: 'when', header: 'When', type: 'dateTime', required: true },
    { key: 'who', header: 'Who', type: 'email', required: true },
    { key: 'action', header: 'Action', type: 'text', required: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'before', header: 'Before', type: 'longText', required: true },
    { key: 'after', header: 'After', type: 'longText', required: true },
    { key: 'digest', header: 'Seal', type: 'text', required: true, note: 'SHA-256 of the previous seal and this row. Do not edit.' },
  ],
};
