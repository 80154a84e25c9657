/**
 * Importing pupils on roll from a CSV export of SIMS, Arbor or Bromcom.
 *
 * The three systems (and each school's saved reports) name columns differently, so columns are found by
 * header, ignoring case and punctuation, from lists of synonyms in order of preference (legal names
 * before preferred ones). Every data row ends up either as a pupil or as a problem with its row number:
 * nothing is dropped silently. Row numbers count the header as row 1, as a spreadsheet shows them.
 *
 * Names, UPNs, dates, year groups, emails and phone numbers are validated; other text (registration
 * group, parent name, MIS id) is kept as exported, minus control characters, unless it could run as a
 * formula, in which case that detail is left out with a note. Whatever writes to a Sheet still
 * neutralises every string (cells.ts).
 */
import { parseCsv } from './csv';
import { isFormulaLike } from './sanitise';
import { validateUpn } from './upn';
import { optional, validateEmail, validatePersonName, validateUkPhone, validateYearGroup } from './validation';

export type ParseDate = (input: unknown) => { ok: true; date: string } | { ok: false; message: string };

export type MisSystem = 'SIMS' | 'Arbor' | 'Bromcom' | 'Unknown';

export const PUPIL_FIELDS = [
  'upn', 'surname', 'forename', 'fullName', 'dateOfBirth', 'yearGroup', 'formGroup', 'parentName', 'parentEmail',
  'parentPhone', 'misId',
] as const;
export type PupilField = (typeof PUPIL_FIELDS)[number];

/** Header synonyms per field, most preferred first. */
export const COLUMN_SYNONYMS: Readonly<Record<PupilField, readonly string[]>> = {
  upn: ['UPN', 'Unique Pupil Number'],
  surname: ['Legal Surname', 'Surname', 'Last Name', 'Family Name', 'Preferred Surname'],
  forename: ['Legal Forename', 'Forename', 'First Name', 'Legal First Name', 'Preferred Forename', 'Preferred First Name'],
  fullName: ['Name', 'Student Name', 'Pupil Name', 'Full Name', 'Legal Name', 'Student', 'Pupil'],
  dateOfBirth: ['DOB', 'Date of Birth', 'Birth Date', 'Birthdate', 'D.O.B.'],
  yearGroup: ['Year Group', 'NC Year', 'Year', 'Curriculum Year', 'National Curriculum Year', 'Year Taught In'],
  formGroup: ['Reg Group', 'Registration Group', 'Reg', 'Registration Form', 'Form', 'Tutor Group', 'Form Group', 'Reg Form'],
  parentName: ['Primary Contact', 'Primary Contact Name', 'Contact 1 Name', 'Parent/Carer Name', 'Priority 1 Contact Name', 'Parent Name'],
  parentEmail: ['Primary Contact Email', 'Contact 1 Email', 'Parent Email', 'Priority 1 Contact Email', 'Parent/Carer Email'],
  parentPhone: [
    'Contact 1 Phone', 'Primary Contact Telephone', 'Primary Contact Phone', 'Parent Mobile', 'Priority 1 Contact Mobile',
    'Contact 1 Mobile', 'Parent Phone', 'Parent/Carer Phone',
  ],
  misId: ['Adno', 'Admission Number', 'Admission No', 'Student ID', 'MIS ID', 'Person ID', 'Pupil ID'],
};

/** What each field is called in messages and the column-mapping summary. */
export const FIELD_LABELS: Readonly<Record<PupilField, string>> = {
  upn: 'UPN',
  surname: 'surname',
  forename: 'forename',
  fullName: 'pupil name',
  dateOfBirth: 'date of birth',
  yearGroup: 'year group',
  formGroup: 'registration group',
  parentName: 'parent or carer name',
  parentEmail: 'parent or carer email',
  parentPhone: 'parent or carer phone',
  misId: 'MIS id',
};

/**
 * Headers typical of each system's default exports, used only to name the source in messages. A school's
 * custom report may look like another system's; 'Unknown' when nothing stands out.
 */
const SYSTEM_SIGNATURES: Readonly<Record<Exclude<MisSystem, 'Unknown'>, readonly string[]>> = {
  SIMS: ['Adno', 'Reg', 'Reg Group', 'Legal Surname', 'Legal Forename', 'Primary Contact', 'Contact 1 Name', 'Contact 1 Email', 'Contact 1 Phone'],
  Arbor: ['Student ID', 'Student Name', 'Registration Form', 'Curriculum Year', 'Primary Contact Email', 'Primary Contact Telephone', 'MIS ID'],
  Bromcom: ['Tutor Group', 'Person ID', 'Priority 1 Contact Name', 'Priority 1 Contact Email', 'Priority 1 Contact Mobile', 'Form Group'],
};

export interface PupilRecord {
  upn: string;
  surname: string;
  forename: string;
  /** 'Forename Surname'. */
  name: string;
  /** IsoDate 'YYYY-MM-DD', or '' when the file has no date of birth for the pupil. */
  dateOfBirth: string;
  /** 'Reception' or 'Year 1'…'Year 13', or '' when not given or not recognised (a problem says which). */
  yearGroup: string;
  formGroup: string;
  parentName: string;
  parentEmail: string;
  parentPhone: string;
  misId: string;
}

export interface ImportProblem {
  /** Row number as a spreadsheet shows the file: the header is row 1. */
  row: number;
  message: string;
  /** True when the row was not imported; false when it was imported without one detail. */
  skipped: boolean;
}

export interface ImportResult {
  system: MisSystem;
  /** The header used for each field found. */
  mapping: Partial<Record<PupilField, string>>;
  pupils: PupilRecord[];
  problems: ImportProblem[];
  /** Required columns the file lacks ('UPN', 'Name'); each also has a message in problems. */
  missingColumns: string[];
}

export interface ImportOptions {
  /** Reads a date from the file, e.g. parseUserDate from './dates'. */
  parseDate: ParseDate;
}

/** 'Parent/Carer Name' → 'parentcarername'. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function clean(value: string | undefined): string {
  if (value === undefined) return '';
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim().replace(/\s{2,}/g, ' ');
}

/** For each field, the index of the first header matching its most preferred synonym. */
export function mapColumns(headers: readonly string[]): Partial<Record<PupilField, number>> {
  const normalised = headers.map((h) => normaliseHeader(clean(h)));
  const found: Partial<Record<PupilField, number>> = {};
  const used = new Set<number>();
  for (const field of PUPIL_FIELDS) {
    for (const synonym of COLUMN_SYNONYMS[field]) {
      const index = normalised.findIndex((h, i) => h === normaliseHeader(synonym) && !used.has(i));
      if (index >= 0) {
        found[field] = index;
        used.add(index);
        break;
      }
    }
  }
  return found;
}

/** Which MIS the headers look like, by counting each system's characteristic headers. */
export function detectSystem(headers: readonly string[]): MisSystem {
  const present = new Set(headers.map((h) => normaliseHeader(clean(h))));
  let best: MisSystem = 'Unknown';
  let bestScore = 0;
  let tie = false;
  for (const system of Object.keys(SYSTEM_SIGNATURES) as Exclude<MisSystem, 'Unknown'>[]) {
    const score = SYSTEM_SIGNATURES[system].filter((h) => present.has(normaliseHeader(h))).length;
    if (score > bestScore) {
      best = system;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) {
      tie = true;
    }
  }
  return tie ? 'Unknown' : best;
}

/**
 * Splits a single name column: 'Surname, Forename' (the usual MIS order, also 'SMITH, John') or, without
 * a comma, 'Forename Surname' with the last word taken as the surname.
 */
export function splitFullName(full: string): { surname: string; forename: string } {
  const text = clean(full);
  const comma = text.indexOf(',');
  if (comma >= 0) return { surname: text.slice(0, comma).trim(), forename: text.slice(comma + 1).trim() };
  const space = text.lastIndexOf(' ');
  if (space < 0) return { surname: text, forename: '' };
  return { surname: text.slice(space + 1), forename: text.slice(0, space) };
}

function listOf(field: PupilField): string {
  return COLUMN_SYNONYMS[field].join(', ');
}

/** Reads pupils on roll from MIS CSV text. */
export function importPupils(csvText: string, options: ImportOptions): ImportResult {
  const records = parseCsv(csvText);
  const headerIndex = records.findIndex((r) => r.some((cell) => clean(cell) !== ''));
  const result: ImportResult = { system: 'Unknown', mapping: {}, pupils: [], problems: [], missingColumns: [] };
  if (headerIndex < 0) {
    result.problems.push({ row: 1, message: 'This file is empty. Please export the pupils on roll from the MIS as CSV and try again.', skipped: false });
    result.missingColumns.push('UPN', 'Name');
    return result;
  }
  const headers = records[headerIndex].map((h) => clean(h));
  const headerRow = headerIndex + 1;
  const columns = mapColumns(headers);
  result.system = detectSystem(headers);
  for (const field of PUPIL_FIELDS) {
    const index = columns[field];
    if (index !== undefined) result.mapping[field] = headers[index];
  }

  if (columns.upn === undefined) {
    result.missingColumns.push('UPN');
    result.problems.push({ row: headerRow, message: `This file has no UPN column. Looked for: ${listOf('upn')}.`, skipped: false });
  }
  const hasSplitName = columns.surname !== undefined && columns.forename !== undefined;
  if (!hasSplitName && columns.fullName === undefined) {
    result.missingColumns.push('Name');
    let message: string;
    if (columns.surname !== undefined) {
      message = `This file has a surname column ("${headers[columns.surname]}") but no forename column. Looked for: ${listOf('forename')}; or a single name column: ${listOf('fullName')}.`;
    } else if (columns.forename !== undefined) {
      message = `This file has a forename column ("${headers[columns.forename]}") but no surname column. Looked for: ${listOf('surname')}; or a single name column: ${listOf('fullName')}.`;
    } else {
      message = `This file has no pupil name columns. Looked for a surname (${listOf('surname')}) and a forename (${listOf('forename')}), or a single name column (${listOf('fullName')}).`;
    }
    result.problems.push({ row: headerRow, message, skipped: false });
  }
  if (result.missingColumns.length > 0) return result;

  const cell = (record: string[], field: PupilField): string => {
    const index = columns[field];
    return index === undefined ? '' : clean(record[index]);
  };
  const firstRowOfUpn = new Map<string, number>();
  const optionalEmail = optional(validateEmail);
  const optionalPhone = optional(validateUkPhone);

  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r];
    const row = r + 1;
    if (record.every((c) => clean(c) === '')) continue; // a blank line is not a pupil
    const skip = (message: string): void => {
      result.problems.push({ row, message: `Row ${row}: ${message} This row was not imported.`, skipped: true });
    };
    const note = (message: string): void => {
      result.problems.push({ row, message: `Row ${row}: ${message}`, skipped: false });
    };

    let surname: string;
    let forename: string;
    if (hasSplitName && (cell(record, 'surname') !== '' || cell(record, 'forename') !== '' || columns.fullName === undefined)) {
      surname = cell(record, 'surname');
      forename = cell(record, 'forename');
    } else {
      ({ surname, forename } = splitFullName(cell(record, 'fullName')));
    }
    if (surname === '' && forename === '') {
      skip('there is no pupil name.');
      continue;
    }
    const surnameCheck = validatePersonName(surname, 'surname');
    if (!surnameCheck.ok) {
      skip(surnameCheck.message);
      continue;
    }
    const forenameCheck = validatePersonName(forename, 'forename');
    if (!forenameCheck.ok) {
      skip(forenameCheck.message);
      continue;
    }
    const name = `${forenameCheck.value} ${surnameCheck.value}`;

    const upnText = cell(record, 'upn');
    if (upnText === '') {
      skip(`${name} has no UPN.`);
      continue;
    }
    const upn = validateUpn(upnText);
    if (!upn.ok) {
      skip(`${name}: ${upn.message}`);
      continue;
    }
    const earlier = firstRowOfUpn.get(upn.upn);
    if (earlier !== undefined) {
      skip(`${name} has the same UPN (${upn.upn}) as row ${earlier}; only row ${earlier} was imported.`);
      continue;
    }

    let dateOfBirth = '';
    const dobText = cell(record, 'dateOfBirth');
    if (dobText !== '') {
      const parsed = options.parseDate(dobText);
      if (!parsed.ok) {
        skip(`the date of birth for ${name} cannot be read. ${parsed.message}`);
        continue;
      }
      dateOfBirth = parsed.date;
    }

    firstRowOfUpn.set(upn.upn, row);
    const pupil: PupilRecord = {
      upn: upn.upn,
      surname: surnameCheck.value,
      forename: forenameCheck.value,
      name,
      dateOfBirth,
      yearGroup: '',
      formGroup: '',
      parentName: '',
      parentEmail: '',
      parentPhone: '',
      misId: '',
    };

    // Free text is kept as exported, except text that could run as a formula: the rest of the row is still
    // worth importing, so only that detail is left out, with a note.
    for (const field of ['formGroup', 'parentName', 'misId'] as const) {
      const text = cell(record, field);
      if (isFormulaLike(text)) note(`${name} was imported without a ${FIELD_LABELS[field]}: "${text.slice(0, 40)}" could run as a formula in a spreadsheet.`);
      else pupil[field] = text;
    }

    const yearText = cell(record, 'yearGroup');
    if (yearText !== '') {
      const year = validateYearGroup(yearText);
      if (year.ok) pupil.yearGroup = year.value;
      else note(`${name} was imported without a year group: ${year.message}`);
    }
    const email = optionalEmail(cell(record, 'parentEmail'));
    if (email.ok) pupil.parentEmail = email.value;
    else note(`${name} was imported without a parent or carer email: ${email.message}`);
    const phone = optionalPhone(cell(record, 'parentPhone'));
    if (phone.ok) pupil.parentPhone = phone.value;
    else note(`${name} was imported without a parent or carer phone number: ${phone.message}`);

    result.pupils.push(pupil);
  }
  return result;
}

