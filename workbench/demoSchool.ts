/**
 * The demo school the workbench starts with: Riverside Academy, a secondary school with its own
 * calendar for this academic year, five members of staff in different roles, 60 pupils on roll
 * (imported from a SIMS-style CSV) and six cases at different stages.
 *
 * Everything is made through the add-on itself, by the member of staff who would do it: the
 * coordinator sets up the register and opens cases, the office imports the roll from SIMS,
 * pastoral staff log most contacts, a teacher sets work and answers the contact Form, and the
 * coordinator records the referrals, the LA provision and hours, the part-time timetable,
 * reasonable adjustments and the reintegration plan. So what the workbench shows is what the
 * add-on really does with such data. Only what staff would type into the Sheet by hand (the Staff
 * sheet, the school's term dates, its name and the LA's contacts) is typed into the Sheet here.
 *
 * Dates are counted back in school days from today, so the cases are at the same stages whenever
 * the workbench is first run.
 */
import { defaultCalendarEntries, SchoolCalendar } from '../src/domain/calendar';
import { QUESTION, pupilChoice } from '../src/domain/contactForm';
import { academicYearOf, addDays, formatLongDate, toIsoDate, weekday, type IsoDate } from '../src/domain/dates';
import { mondayOf } from '../src/domain/la/escalation';
import { upnCheckLetter } from '../src/domain/upn';
import { MIME } from '../emulator';
import type { CaseSummary, CloseCaseInput, LogContactInput, OpenCaseInput, ServerApi } from '../src/shared/api';
import type { Workbench } from './workbench';

export const SCHOOL_NAME = 'Riverside Academy';
const DOMAIN = 'riverside-academy.example';

export const DEMO_STAFF = [
  { email: `sam.okafor@${DOMAIN}`, name: 'Sam Okafor', role: 'Coordinator' },
  { email: `priya.shah@${DOMAIN}`, name: 'Priya Shah', role: 'Pastoral' },
  { email: `david.hughes@${DOMAIN}`, name: 'David Hughes', role: 'SLT' },
  { email: `emma.clarke@${DOMAIN}`, name: 'Emma Clarke', role: 'Teacher' },
  { email: `tom.bennett@${DOMAIN}`, name: 'Tom Bennett', role: 'Office' },
] as const;
export const COORDINATOR = DEMO_STAFF[0].email;
const PASTORAL = DEMO_STAFF[1].email;
const TEACHER = DEMO_STAFF[3].email;
const OFFICE = DEMO_STAFF[4].email;

const FORENAMES = ['Amelia', 'Oliver', 'Isla', 'Noah', 'Ava', 'Muhammad', 'Freya', 'Leo', 'Zara', 'Arthur', 'Maya', 'Theo',
  'Lily', 'Harry', 'Aisha', 'Jack', 'Evie', 'Oscar', 'Sofia', 'Alfie', 'Ruby', 'Kai', 'Grace', 'Yusuf', 'Poppy', 'Ethan',
  'Chloe', 'Reuben', 'Hana', 'Finley'];
const SURNAMES = ['Khan', 'Smith', 'Jones', 'Williams', 'Patel', 'Brown', 'Taylor', 'Nowak', 'Davies', 'Evans', 'Begum',
  'Wilson', 'Thomas', 'Okoro', 'Roberts', 'Hughes', 'Ali', 'Walker', 'Wright', 'Murphy', 'Chen', 'Green', 'Hall', 'Kowalski',
  'Clarke', 'Mensah', 'Lewis', 'Ahmed', 'Young', 'Harris'];
/** Parents' forenames, each with a title that fits it (no "Mr Claire"). */
const PARENTS: ReadonlyArray<readonly [title: string, forename: string]> = [
  ['Mrs', 'Sarah'], ['Mr', 'James'], ['Mrs', 'Fatima'], ['Mr', 'Daniel'], ['Ms', 'Joanna'],
  ['Dr', 'Michael'], ['Miss', 'Nadia'], ['Mr', 'Paul'], ['Ms', 'Claire'], ['Mr', 'Imran'],
];

export interface DemoPupil {
  readonly upn: string;
  readonly forename: string;
  readonly surname: string;
  readonly name: string;
  readonly dateOfBirth: IsoDate;
  readonly year: number;
  readonly form: string;
  readonly parentName: string;
  readonly parentEmail: string;
  readonly parentPhone: string;
  readonly adno: string;
}

/** 60 pupils, 12 in each of Years 7 to 11, with valid UPNs for LA 936, establishment 4127. */
export function demoPupils(academicStartYear: number): DemoPupil[] {
  const pupils: DemoPupil[] = [];
  for (let i = 0; i < 60; i++) {
    const year = 7 + Math.floor(i / 12);
    // 7 is coprime with 30, so the first 30 surnames differ; the offset keeps pupils 30–59 apart from 0–29.
    const forename = FORENAMES[i % FORENAMES.length];
    const surname = SURNAMES[(i * 7 + Math.floor(i / 30) * 13 + 3) % SURNAMES.length];
    // Born in the academic year (Sep–Aug) that puts them in this year group now.
    const birthStart = academicStartYear - year - 5;
    const dateOfBirth = addDays(`${birthStart}-09-01`, (i * 37) % 365);
    // UPNs are allocated on first entry to school, at about four.
    const allocated = String((birthStart + 4) % 100).padStart(2, '0');
    const twelve = `9364127${allocated}${String(101 + i).padStart(3, '0')}`;
    const [parentTitle, parentForename] = PARENTS[(i * 3) % PARENTS.length];
    pupils.push({
      upn: `${upnCheckLetter(twelve)}${twelve}`,
      forename, surname, name: `${forename} ${surname}`, dateOfBirth, year,
      form: `${year}${'RSVW'[i % 4]}`,
      parentName: `${parentTitle} ${parentForename} ${surname}`,
      parentEmail: `${parentForename.toLowerCase()}.${surname.toLowerCase()}@family.example`,
      parentPhone: `07700 900${String(100 + i * 13).slice(-3)}`,
      adno: String(4100 + i),
    });
  }
  return pupils;
}

function dmy(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The pupils as the school's SIMS report would export them. */
export function simsCsv(pupils: readonly DemoPupil[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = ['Adno', 'UPN', 'Legal Surname', 'Legal Forename', 'DOB', 'Year', 'Reg', 'Contact 1 Name', 'Contact 1 Email', 'Contact 1 Phone'];
  const rows = pupils.map((p) => [p.adno, p.upn, p.surname, p.forename, dmy(p.dateOfBirth), `Year ${p.year}`, p.form, p.parentName, p.parentEmail, p.parentPhone]);
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
}

/** Calls a server function as the page would; seeding stops with the add-on's own message if it refuses. */
function call<K extends keyof ServerApi>(bench: Workbench, name: K, ...args: Parameters<ServerApi[K]>): ReturnType<ServerApi[K]> {
  const outcome = bench.runForPage(name, args);
  if (!outcome.ok) throw new Error(`Seeding the demo school: ${name} failed: ${outcome.error}`);
  return outcome.value as ReturnType<ServerApi[K]>;
}

function as<T>(bench: Workbench, email: string, fn: () => T): T {
  bench.setActiveUser(email);
  return fn();
}

/** Types rows into a sheet below its headers, matching columns by header text, as a person would. */
function typeRows(bench: Workbench, sheetName: string, records: ReadonlyArray<Record<string, string | boolean>>, replace = false): void {
  const sheet = bench.workspace.spreadsheet.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`Seeding the demo school: the add-on made no "${sheetName}" sheet.`);
  const width = sheet.lastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h));
  if (replace && sheet.lastRow() > 1) sheet.getRange(2, 1, sheet.lastRow() - 1, width).clearContent();
  const start = replace ? 2 : sheet.lastRow() + 1;
  const values = records.map((r) => header.map((h) => (h in r ? r[h] : '')));
  if (values.length) sheet.getRange(start, 1, values.length, width).setValues(values);
}

function setSetting(bench: Workbench, label: string, value: string): void {
  const sheet = bench.workspace.spreadsheet.sheets.find((s) => s.name === 'Settings');
  if (!sheet) return;
  const labels = sheet.getRange(1, 1, sheet.lastRow(), 1).getValues().map((r) => String(r[0]));
  const row = labels.indexOf(label);
  if (row > 0) sheet.getRange(row + 1, 2).setValue(value);
}

/** The school's own term dates: the standard pattern for this year and next, plus two INSET days. */
function demoCalendar(today: IsoDate) {
  const entries = defaultCalendarEntries(today).map((e) => ({
    ...e, description: e.description.replace(/\s*—\s*Example.*$/, '').trim(),
  }));
  const start = academicYearOf(today).startYear;
  const firstTerm = entries.find((e) => e.kind === 'Term' && e.start >= `${start}-09-01`);
  const inset = firstTerm ? [{ kind: 'INSET day', start: firstTerm.start, end: firstTerm.start, description: 'Staff training: safeguarding' }] : [];
  return [...entries, ...inset];
}

/** Walks back through school days: 0 is the latest school day on or before today. */
function schoolDaysBack(calendar: SchoolCalendar, today: IsoDate, n: number): IsoDate {
  let day = calendar.isSchoolDay(today) ? today : calendar.previousSchoolDay(today) ?? today;
  for (let i = 0; i < n; i++) day = calendar.previousSchoolDay(day) ?? day;
  return day;
}

/** Which of the 60 pupils has which demo case (the browser tests find them by these). */
export const DEMO_CASE_PUPILS = { new: 14, approaching: 38, laTold: 26, laProvision: 51, reintegration: 3, closed: 44 } as const;

interface CasePlan {
  readonly pupil: number;
  readonly by: string;
  readonly open: Omit<OpenCaseInput, 'upn' | 'firstDay'> & { firstDayBack: number };
  /** Logged by the pastoral team unless `by` says otherwise. */
  readonly contacts: ReadonlyArray<Omit<LogContactInput, 'ref' | 'date'> & { daysBack: number; by?: string }>;
  /** Work set: a teacher logs their own; the coordinator gathers and logs the rest, naming the teacher. */
  readonly work?: ReadonlyArray<{ subject: string; teacher?: string; description: string; medium: string; setBack: number; dueBack: number; returnedBack?: number }>;
  readonly then?: (ref: string, day: (n: number) => IsoDate) => void;
}

export function seedDemoSchool(bench: Workbench, now: Date = new Date()): void {
  const today = toIsoDate(now);
  const startYear = academicYearOf(today).startYear;

  // 1. The learning centre manager installs the add-on and sets up the register.
  bench.setActiveUser(COORDINATOR);
  const setUp = bench.runEntry('setUpRegister');
  if (setUp.error) throw new Error(`Seeding the demo school: set-up failed: ${setUp.error}`);

  // 2. What they then type into the Sheet: the school's name, its staff and its own term dates.
  setSetting(bench, 'School name', SCHOOL_NAME);
  setSetting(bench, 'Email letters to parents', 'Yes');
  setSetting(bench, 'Letter sign-off name', 'Sam Okafor, Learning Centre Manager');
  typeRows(bench, 'Staff', DEMO_STAFF.slice(1).map((s) => ({ Email: s.email, Name: s.name, Role: s.role, Active: true })));
  const calendarEntries = demoCalendar(today);
  typeRows(bench, 'Calendar', calendarEntries.map((e) => ({ Kind: e.kind, From: e.start, To: e.end, Description: e.description })), true);
  const calendar = new SchoolCalendar(calendarEntries.map((e) => ({ ...e, kind: e.kind as never })));
  const day = (n: number) => schoolDaysBack(calendar, today, n);

  // The LA's contacts, from the service level agreement.
  setSetting(bench, 'LA named officer', 'Jo Patel, Medical Needs Officer');
  setSetting(bench, 'LA named officer email', 'jo.patel@county-council.example');
  setSetting(bench, 'LA referral email', 'medical.needs@county-council.example');
  // Opening the sidebar brings the new staff's access up to date, so each can work at once.
  as(bench, COORDINATOR, () => call(bench, 'getSidebarState'));

  // 3. The office imports the roll from SIMS.
  const pupils = demoPupils(startYear);
  as(bench, OFFICE, () => call(bench, 'importPupilsCsv', simsCsv(pupils)));

  // 4. Cases at different stages.
  const plans: CasePlan[] = [
    { // Just off: nothing arranged yet.
      pupil: DEMO_CASE_PUPILS.new, by: COORDINATOR,
      open: { healthNeed: 'Physical illness', arrangement: 'Not yet arranged', firstDayBack: 0, lead: PASTORAL },
      contacts: [],
    },
    { // Approaching the 15-day point; no contact for the last two school days.
      pupil: DEMO_CASE_PUPILS.approaching, by: COORDINATOR,
      open: { healthNeed: 'Mental health', healthDetail: 'Anxiety; seeing CAMHS. Prefers email contact with home.', arrangement: 'School work: online', firstDayBack: 11, lead: PASTORAL },
      contacts: [
        { daysBack: 11, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', nextSteps: 'Set up online work through Classroom.' },
        { daysBack: 9, contacted: 'Pupil', method: 'Video call', outcome: 'Spoke to', wellbeing: 'Tired but keen to keep up with English.', engagement: 'Logged in twice; finished the reading task.' },
        { daysBack: 7, contacted: 'Parent/carer', method: 'Email', outcome: 'Spoke to', engagement: 'Maths work returned.' },
        { daysBack: 5, contacted: 'Parent/carer', method: 'Phone', outcome: 'No answer', nextSteps: 'Try again tomorrow morning.' },
        { daysBack: 4, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', wellbeing: 'Sleeping better.' },
        { daysBack: 2, contacted: 'Pupil', method: 'Video call', outcome: 'Message left' },
      ],
      work: [
        { subject: 'English', description: 'Read chapters 3 and 4 of Of Mice and Men and answer the questions in Classroom.', medium: 'Google Classroom', setBack: 9, dueBack: 5, returnedBack: 6 },
        { subject: 'Maths', teacher: 'Mr Ali', description: 'Fractions and percentages: exercise 4B.', medium: 'Google Classroom', setBack: 7, dueBack: 3 },
      ],
    },
    { // Past the 15-day point; the LA was told as soon as a long absence was expected.
      pupil: DEMO_CASE_PUPILS.laTold, by: COORDINATOR,
      open: { healthNeed: 'Injury or surgery', healthDetail: 'Spinal surgery; six to eight weeks at home.', arrangement: 'School work: work packs', firstDayBack: 19, expectsFifteen: true, lead: COORDINATOR },
      contacts: [
        { daysBack: 19, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', nextSteps: 'Work packs to go home weekly; LA to be told.' },
        { daysBack: 14, contacted: 'Pupil', method: 'Home visit', outcome: 'Spoke to', wellbeing: 'In good spirits; mobility improving.', engagement: 'Working through the science pack.' },
        { daysBack: 8, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', engagement: 'Packs collected and returned on time.' },
        { daysBack: 3, contacted: 'Health professional', method: 'Email', outcome: 'Spoke to', nextSteps: 'Consultant review on return date.', by: COORDINATOR },
        { daysBack: 1, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to' },
      ],
      work: [
        { subject: 'Science', teacher: 'Dr Evans', description: 'Work pack: forces and motion, sections 1 to 3.', medium: 'Work pack posted', setBack: 15, dueBack: 10, returnedBack: 9 },
        { subject: 'English', description: 'Work pack: poems from the anthology, with a comparison question.', medium: 'Work pack collected', setBack: 8, dueBack: 2, returnedBack: 0 },
      ],
      // Told the LA as soon as a long absence was expected, by secure email (logged as information shared).
      then: (ref, d) => call(bench, 'recordReferralSent', { ref, sentOn: d(17), how: 'Secure email to the LA medical needs team' }),
    },
    { // LA-arranged provision: the medical tuition service teaches at home.
      pupil: DEMO_CASE_PUPILS.laProvision, by: COORDINATOR,
      open: { healthNeed: 'Long-term condition', arrangement: 'School work: online', firstDayBack: 34, expectsFifteen: true, lead: COORDINATOR },
      contacts: [
        { daysBack: 34, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to' },
        { daysBack: 25, contacted: 'LA/provider', method: 'Email', outcome: 'Spoke to', nextSteps: 'Medical tuition service can start next week.', by: COORDINATOR },
        { daysBack: 10, contacted: 'LA/provider', method: 'Phone', outcome: 'Spoke to', engagement: 'Five hours a week of tuition; attending well.', by: COORDINATOR },
        { daysBack: 2, contacted: 'Pupil', method: 'Video call', outcome: 'Spoke to', wellbeing: 'Settled with the tutor.' },
      ],
      then: (ref, d) => {
        call(bench, 'recordReferralSent', { ref, sentOn: d(30), how: 'LA portal' });
        const start = d(20);
        call(bench, 'recordProvision', { ref, provider: 'MIAPS home tuition', plannedHours: 5, startDate: start, note: 'Tutor visits Monday, Wednesday and Friday mornings.' });
        call(bench, 'changeCase', { ref, changes: { arrangement: 'LA-arranged provision' }, note: 'LA medical tuition service now teaching at home.' });
        // The hours the tutor's timesheets show, entered each week it was complete.
        // A part week is planned pro rata, so its hours are too; the second full week the tutor was ill one morning.
        const lastFriday = addDays(mondayOf(today), -3);
        let fullWeeks = 0;
        for (let monday = mondayOf(start); addDays(monday, 4) <= lastFriday; monday = addDays(monday, 7)) {
          const from = monday < start ? start : monday;
          const days = calendar.countSchoolDays(from, addDays(monday, 4));
          if (days === 0) continue;
          if (days === 5) fullWeeks += 1;
          const ill = days === 5 && fullWeeks === 2;
          call(bench, 'recordHoursDelivered', { ref, weekOf: monday, hours: ill ? 3.5 : Math.round(days * 10) / 10, ...(ill ? { note: 'Tutor ill on Wednesday.' } : {}) });
        }
        as(bench, OFFICE, () => call(bench, 'logKeepInTouch', { ref, date: d(8), kind: 'Newsletter', description: 'Half-termly newsletter, posted home' }));
        as(bench, PASTORAL, () => call(bench, 'logKeepInTouch', { ref, date: d(3), kind: 'Message from class or friends', description: 'Get-well card from the form group' }));
        bench.setActiveUser(COORDINATOR);
      },
    },
    { // Back on a part-time timetable as part of reintegration.
      pupil: DEMO_CASE_PUPILS.reintegration, by: COORDINATOR,
      open: { healthNeed: 'Hospital stay', arrangement: 'School work: work packs', firstDayBack: 24, expectsFifteen: true, lead: PASTORAL },
      contacts: [
        { daysBack: 24, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to' },
        { daysBack: 18, contacted: 'Parent/carer', method: 'Home visit', outcome: 'Spoke to', nextSteps: 'Plan a phased return with the family.' },
        { daysBack: 6, contacted: 'Pupil', method: 'In person', outcome: 'Spoke to', wellbeing: 'Managing mornings well.' },
      ],
      then: (ref, d) => {
        call(bench, 'recordReferralSent', { ref, sentOn: d(20), how: 'Secure email to the LA medical needs team' });
        const back = d(5);
        // Reviewed each Friday with the family: the next is the coming Friday (next week's, if today is one).
        const friday = addDays(today, ((5 - weekday(today) + 6) % 7) + 1);
        call(bench, 'recordAdjustment', { ref, adjustment: 'Rest breaks in the learning centre', status: 'In place', agreedOn: d(6), reviewBy: addDays(friday, 14) });
        call(bench, 'recordAdjustment', { ref, adjustment: 'Lift pass', status: 'Proposed' });
        call(bench, 'recordReturn', { ref, date: back });
        call(bench, 'changeCase', { ref, changes: { arrangement: 'Part-time timetable' }, note: 'Reintegration: mornings only for three weeks, reviewed each Friday with the family.' });
        const partTimeEnd = addDays(mondayOf(back), 18);
        const fullTime = addDays(partTimeEnd, 3);
        call(bench, 'recordPartTimeTimetable', {
          ref, start: back, end: partTimeEnd, timetable: 'Mornings only (periods 1 to 3), Monday to Friday',
          nextReview: friday, parentAgreedOn: d(6), laNotifiedOn: back,
        });
        // The plan for the return to full time, made once the part-time start had settled.
        call(bench, 'createReintegrationPlan', {
          ref, returnDate: fullTime,
          phasedTimetable: `Until ${formatLongDate(partTimeEnd)}: mornings only (periods 1 to 3), as on the part-time timetable. From ${formatLongDate(fullTime)}: full days, with a rest break in the learning centre after lunch.`,
          whoSupports: 'Priya Shah (pastoral lead) meets the pupil each morning; the learning centre is open at break and lunch.',
          catchUp: 'Subject teachers send the key work missed through Classroom; one catch-up session a week in the learning centre.',
          curriculumContinuity: 'The hospital school\u2019s records of English, maths and science have been passed to the subject leads.',
          views: 'The pupil wants to start with mornings and see friends at break; the family agree and will collect at lunchtime.',
          reviewDates: [friday, addDays(friday, 7), addDays(friday, 14)],
        });
      },
    },
    { // Closed: back full time.
      pupil: DEMO_CASE_PUPILS.closed, by: COORDINATOR,
      open: { healthNeed: 'Physical illness', arrangement: 'School work: online', firstDayBack: 22, lead: PASTORAL },
      contacts: [
        { daysBack: 22, contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to' },
        { daysBack: 19, contacted: 'Pupil', method: 'Phone', outcome: 'Spoke to', engagement: 'Keeping up with the online work.' },
      ],
      then: (ref, d) => {
        call(bench, 'recordReturn', { ref, date: d(16) });
        const close: CloseCaseInput = { ref, date: d(12), note: 'Back full time; no further support needed.' };
        call(bench, 'closeCase', close);
      },
    },
  ];

  const opened: CaseSummary[] = [];
  for (const plan of plans) {
    const p = pupils[plan.pupil];
    const { firstDayBack, ...open } = plan.open;
    const summary = as(bench, plan.by, () => call(bench, 'openCase', { ...open, upn: p.upn, firstDay: day(firstDayBack) }));
    for (const c of plan.contacts) {
      const { daysBack, by, ...contact } = c;
      as(bench, by ?? PASTORAL, () => call(bench, 'logContact', { ...contact, ref: summary.ref, date: day(daysBack) }));
    }
    for (const w of plan.work ?? []) {
      const by = w.teacher ? COORDINATOR : TEACHER;
      const section = as(bench, by, () => call(bench, 'logWork', {
        ref: summary.ref, subject: w.subject, description: w.description, medium: w.medium, dateSet: day(w.setBack), dueDate: day(w.dueBack),
        ...(w.teacher ? { teacher: w.teacher } : {}),
      }));
      const workId = section.items.find((i) => i.subject === w.subject && i.dateSet === day(w.setBack))?.workId;
      if (workId && w.returnedBack !== undefined) as(bench, by, () => call(bench, 'recordWorkOutcome', { workId, returned: day(w.returnedBack as number), feedback: 'Well done: careful work.' }));
    }
    if (plan.then) as(bench, plan.by, () => plan.then?.(summary.ref, day));
    opened.push(summary);
  }

  // 5. A teacher logs today's call on the contact Form, which fires the form-submit trigger.
  //    (The coordinator's "Run daily check now" first brings the Form's pupil list up to date.)
  const refreshed = bench.runEntry('runDailyCheckFromMenu');
  if (refreshed.error) throw new Error(`Seeding the demo school: checking the register failed: ${refreshed.error}`);
  const form = bench.files(MIME.form)[0];
  if (form) {
    const target = opened[2];
    bench.forms.submitAsUser(form.id, {
      [QUESTION.pupil]: pupilChoice(target.pupilName, target.yearGroup, target.ref),
      [QUESTION.date]: day(0),
      [QUESTION.contacted]: 'Pupil',
      [QUESTION.method]: 'Phone',
      [QUESTION.outcome]: 'Spoke to',
      [QUESTION.engagement]: 'Finished the history pack; asked for more reading.',
    }, { respondentEmail: TEACHER });
  }

  // 6. The morning's daily check, then the coordinator is at the keyboard.
  bench.setActiveUser(COORDINATOR);
  bench.runDailyCheck();
  bench.setActiveUser(COORDINATOR);
}
