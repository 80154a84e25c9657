/**
 * A register of N open cases, made quickly: the bundle's own setUpRegister makes the real sheets
 * (headers, validation, protections, the contact Form), then each sheet is filled with ONE
 * setValues through the emulator, and the meter is reset. Going through the product to open
 * 5,000 cases and log 100,000 contacts would take far longer than the measurements themselves.
 *
 * The data is what a school would hold: valid UPNs, a calendar for the academic year, first days
 * spread over the autumn term, 20 contacts, 5 pieces of work and 2 letters per case, the weekly
 * newsletter logged as keeping in touch, a contact
 * Form whose responses sheet holds the Form contacts, and an audit log with one sealed row per
 * change (so "Verify audit log" has a realistic chain to check, and it verifies).
 */
import { createHash } from 'node:crypto';
import type { Workspace } from '../emulator';
import type { FakeSheet } from '../emulator';
import {
  ABSENCE_PERIODS, AUDIT_LOG, CALENDAR, CASE_HISTORY, CASES, CONTACT_COMPLIANCE, CONTACTS, KEEP_IN_TOUCH, PARENT_LETTERS, PUPILS, SETTINGS, STAFF, WORK_SET,
  normaliseHeader, type TableSpec,
} from '../src/domain/schema';
import { CONTACT_FORM_RESPONSES, formContactId, prefilledLink, pupilChoice } from '../src/domain/contactForm';
import { sealAuditRows, type AuditContent } from '../src/domain/auditChain';
import { toCell, type RawCell } from '../src/domain/cells';
import { upnCheckLetter } from '../src/domain/upn';
import { encodeContent } from '../src/domain/letters/content';
import { londonMidnight } from '../src/domain/dates';
import type { CellValue, RowValues } from '../src/ports';
import { SchoolCalendar, validateCalendarEntries } from '../src/domain/calendar';
import { assessContactCompliance } from '../src/domain/contactCompliance';
import { contactRecordOf, encodeContactRecord } from '../src/domain/contactRecord';
import { addDays, formatLongDate } from '../src/domain/dates';

/** The day the benchmark runs: a Wednesday of the autumn term, mid-morning in London. */
export const BENCH_TODAY = '2026-11-18';
export const BENCH_NOW = new Date('2026-11-18T10:30:00Z');
export const COORDINATOR = 'coordinator@school.example';
export const TEACHER = 'j.patel@school.example';

export const CONTACTS_PER_CASE = 20;
export const WORK_PER_CASE = 5;
export const LETTERS_PER_CASE = 2;
/** Rows the compliance sheet has beyond today's open cases (see seedRegister). */
export const COMPLIANCE_HEADROOM = 100;

/** The first case: its pupil has Classroom work, for "refresh Classroom states". */
export interface SeededClassroom {
  readonly ref: string;
  readonly pupilEmail: string;
  readonly courseId: string;
  readonly courseWorkIds: readonly string[];
}

export interface SeedResult {
  readonly cases: number;
  readonly refs: readonly string[];
  /** Dropdown answer naming each case on the contact Form, by ref. */
  readonly choices: ReadonlyMap<string, string>;
  readonly rows: Readonly<Record<string, number>>;
  readonly classroom: SeededClassroom;
  readonly ms: number;
}

// ------------------------------------------------------------------------------ calendar 2026-27

/** The school's calendar for 2026-27 (England): terms, half-terms, INSET days, bank holidays, a closure. */
export const CALENDAR_2026_27: ReadonlyArray<{ kind: string; start: string; end: string; description: string }> = [
  { kind: 'INSET day', start: '2026-09-01', end: '2026-09-02', description: 'Staff training' },
  { kind: 'Term', start: '2026-09-01', end: '2026-12-18', description: 'Autumn term 2026' },
  { kind: 'Holiday', start: '2026-10-26', end: '2026-10-30', description: 'October half-term' },
  { kind: 'Holiday', start: '2026-12-21', end: '2027-01-01', description: 'Christmas holidays' },
  { kind: 'Bank holiday', start: '2026-12-25', end: '2026-12-25', description: 'Christmas Day' },
  { kind: 'Bank holiday', start: '2026-12-28', end: '2026-12-28', description: 'Boxing Day (substitute day)' },
  { kind: 'Bank holiday', start: '2027-01-01', end: '2027-01-01', description: 'New Year\u2019s Day' },
  { kind: 'INSET day', start: '2027-01-04', end: '2027-01-04', description: 'Staff training' },
  { kind: 'Term', start: '2027-01-04', end: '2027-03-25', description: 'Spring term 2027' },
  { kind: 'Holiday', start: '2027-02-15', end: '2027-02-19', description: 'February half-term' },
  { kind: 'Holiday', start: '2027-03-26', end: '2027-04-09', description: 'Easter holidays' },
  { kind: 'Bank holiday', start: '2027-03-26', end: '2027-03-26', description: 'Good Friday' },
  { kind: 'Bank holiday', start: '2027-03-29', end: '2027-03-29', description: 'Easter Monday' },
  { kind: 'Term', start: '2027-04-12', end: '2027-07-21', description: 'Summer term 2027' },
  { kind: 'Bank holiday', start: '2027-05-03', end: '2027-05-03', description: 'Early May bank holiday' },
  { kind: 'Closure', start: '2027-05-06', end: '2027-05-06', description: 'Polling station' },
  { kind: 'Holiday', start: '2027-05-31', end: '2027-06-04', description: 'May half-term' },
  { kind: 'Bank holiday', start: '2027-05-31', end: '2027-05-31', description: 'Spring bank holiday' },
  { kind: 'INSET day', start: '2027-07-21', end: '2027-07-21', description: 'Staff training' },
  { kind: 'Bank holiday', start: '2027-08-30', end: '2027-08-30', description: 'Summer bank holiday' },
];

/** School days of the autumn term up to (not including) today, from the calendar above. */
function autumnSchoolDaysBefore(today: string): string[] {
  const closed = new Set<string>();
  for (const e of CALENDAR_2026_27) {
    if (e.kind === 'Term') continue;
    for (let d = e.start; d <= e.end; d = nextDay(d)) closed.add(d);
  }
  const days: string[] = [];
  for (let d = '2026-09-03'; d < today; d = nextDay(d)) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !closed.has(d)) days.push(d);
  }
  return days;
}

function nextDay(iso: string): string {
  const t = new Date(`${iso}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

// ------------------------------------------------------------------------------ names

const FIRST = ['Amelia', 'Noah', 'Olivia', 'Muhammad', 'Isla', 'George', 'Ava', 'Leo', 'Freya', 'Arthur', 'Lily', 'Oscar',
  'Ivy', 'Harry', 'Florence', 'Theo', 'Sophia', 'Alfie', 'Willow', 'Jack', 'Aisha', 'Kacper', 'Zara', 'Ibrahim', 'Maya',
  'Finley', 'Evie', 'Reuben', 'Grace', 'Yusuf', 'Poppy', 'Sebastian'];
const LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Khan', 'Lewis', 'Nowak', 'Okafor', 'Ahmed', 'Clarke',
  'Hughes', 'Edwards', 'Begum', 'Murphy', 'O\u2019Brien', 'Kowalski', 'Singh', 'Price'];
const PARENT_FIRST = ['Sarah', 'David', 'Emma', 'James', 'Fatima', 'Paul', 'Claire', 'Tomasz', 'Nadia', 'Mark', 'Joanne', 'Ade'];
const SUBJECTS = ['English', 'Maths', 'Science', 'History', 'Geography', 'French', 'Art', 'Computing', 'RE', 'Music'];
const ARRANGEMENTS = ['School work: online', 'School work: work packs', 'Not yet arranged', 'LA-arranged provision',
  'Part-time timetable', 'Hospital school (dual registered)', 'Virtual lessons (exceptional)'];
const HEALTH_NEEDS = ['Physical illness', 'Mental health', 'Injury or surgery', 'Long-term condition', 'Hospital stay'];
const CONTACTED = ['Parent/carer', 'Pupil', 'Parent/carer', 'Health professional', 'Parent/carer', 'LA/provider'];
const METHODS = ['Phone', 'Email', 'Phone', 'Video call', 'Home visit'];
const OUTCOMES = ['Spoke to', 'Spoke to', 'Spoke to', 'Message left', 'No answer'];

/** A small deterministic generator, so every run seeds the same register. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UPN for the i-th pupil: LA 823, school 4001, allocated 2015-2024, serial 000-999. */
export function benchUpn(i: number): string {
  const year = String(15 + Math.floor(i / 1000)).padStart(2, '0');
  const twelve = `8234001${year}${String(i % 1000).padStart(3, '0')}`;
  return `${upnCheckLetter(twelve)}${twelve}`;
}

// ------------------------------------------------------------------------------ writing sheets

interface SheetWriter {
  readonly sheet: FakeSheet;
  /** Column key → 0-based position in the sheet's header row. */
  readonly at: Map<string, number>;
  readonly width: number;
}

function sheetFor(ws: Workspace, spec: TableSpec): SheetWriter {
  const props = (ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
  const id = props.getProperty(`sheet.${spec.key}`);
  const found = (id ? ws.spreadsheet.getSheetById(Number(id)) : null) ?? ws.spreadsheet.getSheetByName(spec.title);
  if (!found) throw new Error(`Seeding: set-up did not make the "${spec.title}" sheet.`);
  const sheet = found as unknown as FakeSheet;
  const headers = (sheet.values.rows[0] ?? []).map((h) => String(h ?? ''));
  const positions = new Map(headers.map((h, i) => [normaliseHeader(h), i]));
  const at = new Map<string, number>();
  for (const col of spec.columns) {
    const p = positions.get(normaliseHeader(col.header));
    if (p !== undefined) at.set(col.key, p);
  }
  return { sheet, at, width: headers.length };
}

/** Writes rows after the sheet's last row (or over its data when `replace`), in one setValues. */
function writeRows(ws: Workspace, spec: TableSpec, rows: readonly RowValues[], replace = false): number {
  if (rows.length === 0) return 0;
  const { sheet, at, width } = sheetFor(ws, spec);
  const types = new Map(spec.columns.map((c) => [c.key, c.type]));
  const cells: RawCell[][] = rows.map((row) => {
    const out: RawCell[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(row)) {
      const p = at.get(key);
      if (p !== undefined) out[p] = toCell(types.get(key) ?? 'text', value as CellValue);
    }
    return out;
  });
  const first = replace ? 2 : sheet.lastRow() + 1;
  if (replace && sheet.lastRow() >= 2) sheet.getRange(2, 1, sheet.lastRow() - 1, width).clearContent();
  const needed = first + cells.length - 1;
  if (sheet.maxRows < needed) sheet.insertRowsAfter(sheet.maxRows, needed - sheet.maxRows);
  sheet.getRange(first, 1, cells.length, width).setValues(cells);
  return cells.length;
}

/** Changes the Value of one row of the Settings sheet (set-up wrote every setting with its default). */
function setSetting(ws: Workspace, label: string, value: string): void {
  const { sheet, at } = sheetFor(ws, SETTINGS);
  const name = at.get('setting') ?? 0;
  const rowIndex = sheet.values.rows.findIndex((row) => row && String(row[name] ?? '').trim() === label);
  if (rowIndex < 1) throw new Error(`Seeding: the Settings sheet has no "${label}" row.`);
  sheet.getRange(rowIndex + 1, (at.get('value') ?? 1) + 1).setValue(value);
}

// ------------------------------------------------------------------------------ the register

/**
 * Fills the register made by setUpRegister with `caseCount` open cases. Call after the bundle's
 * setUpRegister has run on `ws`; resets the meter at the end.
 */
export function seedRegister(ws: Workspace, caseCount: number): SeedResult {
  const started = performance.now();
  const rand = random(20261118 + caseCount);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const schoolDays = autumnSchoolDaysBefore(BENCH_TODAY);
  const props = (ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties();
  const linkTemplate = props.getProperty('contacts.linkTemplate') ?? '';
  const responsesSheetId = props.getProperty('sheet.contactFormResponses');
  const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  const cases: RowValues[] = [];
  const periods: RowValues[] = [];
  const pupils: RowValues[] = [];
  const history: RowValues[] = [];
  const contacts: RowValues[] = [];
  const responses: RowValues[] = [];
  const work: RowValues[] = [];
  const letters: RowValues[] = [];
  const keepInTouch: RowValues[] = [];
  const audit: Array<AuditContent & { at: number }> = [];
  const refs: string[] = [];
  const choices = new Map<string, string>();
  const stamp = (day: string, minutes: number) => new Date(londonMidnight(day).getTime() + (8 * 60 + minutes) * 60_000);
  // Refs are given in the order cases were opened, so first days are drawn first and sorted.
  const firstDayIndexes = Array.from({ length: caseCount }, () => Math.floor(rand() * Math.max(1, schoolDays.length - 3))).sort((a, b) => a - b);
  // Logs are chronological, as in a real register: each case's rows are spread among everyone
  // else's, not grouped. Rows are made per case, then sorted by time and numbered.
  type Timed = { at: number; row: RowValues; fromForm?: boolean; choice?: string };
  const timedContacts: Timed[] = [];
  const timedWork: Timed[] = [];
  const timedLetters: Timed[] = [];

  for (let i = 0; i < caseCount; i++) {
    const ref = `HN-2026-${String(i + 1).padStart(4, '0')}`;
    refs.push(ref);
    const first = pick(FIRST);
    const last = pick(LAST);
    const name = `${first} ${last}`;
    const year = `Year ${7 + (i % 7 === 6 ? 4 : i % 5)}`;
    const form = `${year.slice(5)}${'ABCDEF'.charAt(i % 6)}`;
    const upn = benchUpn(i);
    const parentName = `${pick(PARENT_FIRST)} ${last}`;
    const parentEmail = `${parentName.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@home.example`;
    const phone = `07700 9${String(i % 100000).padStart(5, '0')}`;
    const dob = `${2010 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const firstDayIndex = firstDayIndexes[i];
    const firstDay = schoolDays[firstDayIndex];
    const choice = pupilChoice(name, year, ref);
    choices.set(ref, choice);
    const arrangement = pick(ARRANGEMENTS);
    cases.push({
      ref, status: 'Open', pupilName: name, upn, dateOfBirth: dob, yearGroup: year, formGroup: form,
      parentName, parentEmail, parentPhone: phone, healthNeed: pick(HEALTH_NEEDS), healthDetail: '',
      firstDay, expectedReturn: '', expectsFifteen: rand() < 0.3, lead: TEACHER, arrangement,
      contactFormLink: linkTemplate ? prefilledLink(linkTemplate, choice) : '', openedOn: firstDay,
    });
    periods.push({ caseRef: ref, start: firstDay, end: '', note: '' });
    pupils.push({ upn, name, dateOfBirth: dob, yearGroup: year, formGroup: form, parentName, parentEmail, parentPhone: phone, misId: String(100000 + i), importedOn: '2026-09-01' });
    // The school newsletter went to every pupil off school on the Friday before today.
    keepInTouch.push({ caseRef: ref, date: '2026-11-13', kind: 'Newsletter', description: 'Weekly school newsletter', by: COORDINATOR, loggedAt: stamp('2026-11-13', 420) });
    history.push({ caseRef: ref, at: stamp(firstDay, 30), date: firstDay, event: 'Case opened', detail: `Arrangement: ${arrangement}`, by: COORDINATOR });
    audit.push({ at: stamp(firstDay, 30).getTime(), when: '', who: COORDINATOR, action: 'Case opened', caseRef: ref, before: '', after: `${name}, ${year}; first day ${firstDay}; ${arrangement}` });

    // 20 contacts over the school days since the first day (several a day when the case is
    // recent). Staff call most pupils every day, so the latest is yesterday; about one case in
    // ten has gone 2 to 5 school days without contact and is in the morning digest.
    const since = schoolDays.slice(firstDayIndex);
    const overdue = rand() < 0.1 ? 1 + Math.floor(rand() * 4) : 0;
    const lastIndex = Math.max(0, since.length - 1 - overdue);
    for (let k = 0; k < CONTACTS_PER_CASE; k++) {
      const day = since[Math.round((k * lastIndex) / (CONTACTS_PER_CASE - 1))];
      const when = stamp(day, 60 + k * 7 + (i % 50));
      const fromForm = k % 2 === 0;
      timedContacts.push({
        at: when.getTime(), fromForm, choice,
        row: {
          contactId: fromForm ? '' : `S-${ref}-${String(k + 1).padStart(2, '0')}`, caseRef: ref, date: day,
          contacted: pick(CONTACTED), method: pick(METHODS), outcome: pick(OUTCOMES),
          wellbeing: k % 4 === 0 ? 'Tired but in good spirits.' : '', engagement: k % 3 === 0 ? 'Finished the maths pack.' : 'Some reading done.',
          nextSteps: 'Call again on Friday.', loggedBy: TEACHER, loggedAt: when, source: fromForm ? 'Form' : 'Sidebar',
        },
      });
    }

    for (let k = 0; k < WORK_PER_CASE; k++) {
      const day = since[Math.min(since.length - 1, k * 3)];
      const subject = SUBJECTS[(i + k) % SUBJECTS.length];
      const when = stamp(day, 200 + k);
      timedWork.push({
        at: when.getTime(),
        row: {
          workId: '', caseRef: ref, subject, teacher: 'J Patel', description: `${subject}: worksheet ${k + 1} and reading`,
          medium: k % 2 === 0 ? 'Work pack posted' : 'Work pack collected', dateSet: day, dueDate: since[Math.min(since.length - 1, k * 3 + 5)] ?? '',
          returned: k < 2 ? since[Math.min(since.length - 1, k * 3 + 4)] : '', feedback: k < 2 ? 'Good effort.' : '', loggedBy: TEACHER, loggedAt: when,
        },
      });
    }

    for (let k = 0; k < LETTERS_PER_CASE; k++) {
      const day = since[Math.min(since.length - 1, 2 + k * 5)];
      const when = stamp(day, 300 + k);
      timedLetters.push({
        at: when.getTime(),
        row: {
          letterId: '', caseRef: ref, kind: k === 0 ? 'Work set letter' : 'General letter', to: parentName, how: 'Email',
          status: 'Sent', createdAt: when, sentAt: when, by: COORDINATOR, updatedAt: when,
          content: encodeContent({ values: { ref, pupilName: name, parentName, schoolName: 'Riverside Academy' }, emailTo: parentEmail }),
        },
      });
    }
  }

  const byTime = (a: Timed, b: Timed) => a.at - b.at;
  for (const t of timedContacts.sort(byTime)) {
    const row = t.row;
    if (t.fromForm) {
      // The response's row on the responses sheet (header is row 1) names the Form contact.
      row.contactId = formContactId(responses.length + 2, row.loggedAt as Date);
      responses.push({
        timestamp: row.loggedAt, email: TEACHER, pupil: t.choice ?? '', date: row.date, contacted: row.contacted, method: row.method,
        outcome: row.outcome, wellbeing: row.wellbeing, engagement: row.engagement, nextSteps: row.nextSteps,
      });
    }
    contacts.push(row);
    audit.push({ at: t.at, when: '', who: TEACHER, action: t.fromForm ? 'Contact logged (Form)' : 'Contact logged', caseRef: String(row.caseRef), before: '',
      after: `${row.contactId}: ${row.method} with ${row.contacted}, ${row.outcome}, on ${row.date} (${row.source}, by ${TEACHER})` });
  }
  for (const t of timedWork.sort(byTime)) {
    const row = t.row;
    row.workId = `WK-${String(work.length + 1).padStart(5, '0')}`;
    work.push(row);
    audit.push({ at: t.at, when: '', who: TEACHER, action: 'Work logged', caseRef: String(row.caseRef), before: '', after: `${row.workId}: ${row.subject} (${row.medium})` });
  }
  for (const t of timedLetters.sort(byTime)) {
    const row = t.row;
    const letterId = `L-${String(letters.length + 1).padStart(5, '0')}`;
    Object.assign(row, {
      letterId,
      documentLink: `https://docs.google.com/document/d/bench-${letterId}/edit`,
      pdfLink: `https://drive.google.com/file/d/bench-${letterId}-pdf/view`,
    });
    letters.push(row);
    audit.push({ at: t.at, when: '', who: COORDINATOR, action: 'Letter sent', caseRef: String(row.caseRef), before: '', after: `${letterId}: ${row.kind} to ${row.to} (Email)` });
  }
  history.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());

  // The first case's pupil has Classroom work (two pieces, set individually), for the refresh.
  const classroom = seedClassroom(ws, refs[0], work);

  const rows: Record<string, number> = {};
  rows.staff = writeRows(ws, STAFF, [
    { email: TEACHER, name: 'Jaya Patel', role: 'Teacher', active: true },
    { email: 'pastoral@school.example', name: 'Sam Okoye', role: 'Pastoral', active: true },
    { email: 'office@school.example', name: 'Lee Grant', role: 'Office', active: true },
  ]);
  setSetting(ws, 'School name', 'Riverside Academy');
  setSetting(ws, 'Email letters to parents', 'Yes');
  rows.calendar = writeRows(ws, CALENDAR, CALENDAR_2026_27.map((e) => ({ ...e })), true);
  rows.pupils = writeRows(ws, PUPILS, pupils);
  rows.cases = writeRows(ws, CASES, cases);
  rows.periods = writeRows(ws, ABSENCE_PERIODS, periods);
  rows.caseHistory = writeRows(ws, CASE_HISTORY, history);
  rows.contacts = writeRows(ws, CONTACTS, contacts);
  rows.work = writeRows(ws, WORK_SET, work);
  rows.letters = writeRows(ws, PARENT_LETTERS, letters);
  rows.keepInTouch = writeRows(ws, KEEP_IN_TOUCH, keepInTouch);

  // This morning's daily check (07:00, before anyone logged a contact today) rebuilt the Contact
  // compliance sheet: a row per open case with its counts and its contact record (the days with
  // contact and the last contacts, which the sidebar reads instead of the whole log), and noted
  // the last log row those records include. The sheet has room for a few more cases than today's.
  // (On a day when open cases reach a new high, the check makes one more call, insertRowsAfter, once.)
  const compliance = sheetFor(ws, CONTACT_COMPLIANCE).sheet;
  const complianceRows = caseCount + 1 + COMPLIANCE_HEADROOM;
  if (compliance.maxRows < complianceRows) compliance.insertRowsAfter(compliance.maxRows, complianceRows - compliance.maxRows);
  rows.compliance = writeRows(ws, CONTACT_COMPLIANCE, complianceOf(cases, contacts));
  const lastContact = contacts[contacts.length - 1];
  props.setProperty('contacts.recordAnchor', `${contacts.length + 1}|${String(lastContact?.contactId ?? '')}|${BENCH_TODAY}`);
  // The check also noted the Cases sheet's last row (a form submission reads the Case ref column that far).
  props.setProperty('contacts.casesLastRow', String(sheetFor(ws, CASES).sheet.lastRow()));

  if (responsesSheetId) {
    rows.formResponses = writeRows(ws, CONTACT_FORM_RESPONSES, responses);
    // Every earlier response has been copied to the log: the cursor is at the last row.
    props.setProperty('contacts.cursor', `${responsesSheetId}:${responses.length + 1}`);
  }

  // The audit log: set-up's own row(s) stay first; one sealed row per change follows, in time order.
  audit.sort((a, b) => a.at - b.at);
  const { sheet: auditSheet, at: auditAt } = sheetFor(ws, AUDIT_LOG);
  const lastRow = auditSheet.lastRow();
  const previous = lastRow >= 2 ? String(auditSheet.values.rows[lastRow - 1]?.[auditAt.get('digest') ?? 6] ?? '') : '0'.repeat(64);
  const sealed = sealAuditRows(previous, audit.map((a) => ({ ...a, when: new Date(a.at).toISOString() })), sha256Hex);
  rows.audit = writeRows(ws, AUDIT_LOG, sealed.map((r) => ({ ...r, when: new Date(r.when) })));
  props.setProperty('audit.lastSeal', sealed[sealed.length - 1].digest);

  // The Form's dropdown lists every open case, as the add-on keeps it (and it knows it is current).
  const formId = props.getProperty('contacts.formId');
  const itemId = Number(props.getProperty('contacts.pupilItemId'));
  if (formId && itemId) {
    const sorted = [...cases].sort((a, b) => String(a.pupilName).localeCompare(String(b.pupilName)) || String(a.ref).localeCompare(String(b.ref)));
    const list = sorted.map((c) => choices.get(String(c.ref)) ?? '');
    (ws.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(formId).getItemById(itemId).asListItem().setChoiceValues(list);
    props.setProperty('contacts.choicesHash', sha256Hex(list.join('\n')));
  }
  props.setProperty('cases.lastRef.2026', String(caseCount));

  ws.meter.reset();
  return { cases: caseCount, refs, choices, rows, classroom, ms: performance.now() - started };
}

/** The Contact compliance rows this morning's check wrote (yesterday is the last day counted before 4pm). */
function complianceOf(cases: readonly RowValues[], contacts: readonly RowValues[]): RowValues[] {
  const calendar = new SchoolCalendar(validateCalendarEntries(CALENDAR_2026_27.map((e, i) => ({ row: i + 2, ...e }))).entries);
  const upTo = addDays(BENCH_TODAY, -1);
  const byCase = new Map<string, Array<RowValues & { row: number }>>();
  contacts.forEach((c, i) => {
    const list = byCase.get(String(c.caseRef)) ?? [];
    list.push({ ...c, row: i + 2 });
    byCase.set(String(c.caseRef), list);
  });
  const checkedAt = new Date(londonMidnight(BENCH_TODAY).getTime() + 7 * 3_600_000);
  return cases.map((c) => {
    const own = byCase.get(String(c.ref)) ?? [];
    const result = assessContactCompliance([{ start: String(c.firstDay), end: null }], calendar, upTo,
      own.map((r) => ({ date: String(r.date), outcome: String(r.outcome) })));
    const lastContact = own.reduce((latest, r) => (String(r.date) > latest ? String(r.date) : latest), '');
    const record = contactRecordOf(own.map((r) => ({
      contactId: String(r.contactId), row: r.row, date: String(r.date), contacted: String(r.contacted), method: String(r.method),
      outcome: String(r.outcome), wellbeing: String(r.wellbeing), engagement: String(r.engagement), nextSteps: String(r.nextSteps), loggedBy: String(r.loggedBy),
    })));
    return {
      caseRef: c.ref, pupilName: c.pupilName, yearGroup: c.yearGroup, schoolDays: result.days.length,
      made: result.summary.made, attempted: result.summary.attempted, missing: result.summary.missing,
      lastContact, daysWithoutContact: result.days.filter((d) => d.date > lastContact).length,
      missingDays: [...result.summary.missingDays].reverse().slice(0, 20).map(formatLongDate).join(', '),
      checkedAt, ...encodeContactRecord(record),
    };
  });
}

/** A class taught by the coordinator with the first case's pupil in it, and two pieces of work set for that pupil alone. */
function seedClassroom(ws: Workspace, ref: string, work: RowValues[]): SeededClassroom {
  const pupilEmail = 'pupil.0001@pupils.school.example';
  const course = ws.classroom.seedCourse({ name: 'Year 9 Science', section: '9A', teachers: [COORDINATOR], students: [{ email: pupilEmail, name: 'Pupil One' }] });
  const api = ws.globals.Classroom as GoogleAppsScript.Classroom;
  const studentId = course.userIds[pupilEmail];
  const ids: string[] = [];
  const mine = work.filter((w) => w.caseRef === ref).slice(0, 2);
  for (const row of mine) {
    const created = api.Courses!.CourseWork!.create({
      title: String(row.description), workType: 'ASSIGNMENT', state: 'PUBLISHED',
      assigneeMode: 'INDIVIDUAL_STUDENTS', individualStudentsOptions: { studentIds: [studentId] },
    }, course.id);
    ids.push(String(created.id));
    Object.assign(row, {
      medium: 'Google Classroom', classroomIds: `${course.id}/${created.id}`, classroomLink: String(created.alternateLink ?? ''),
      classroomState: 'Assigned', pupilEmail, returned: '', feedback: '',
    });
  }
  // The pupil has since turned one in, so the refresh has a change to write back.
  ws.classroom.setSubmissionState(course.id, ids[0], pupilEmail, 'TURNED_IN');
  return { ref, pupilEmail, courseId: course.id, courseWorkIds: ids };
}
