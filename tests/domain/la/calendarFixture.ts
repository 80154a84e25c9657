import { SchoolCalendar, type CalendarEntry } from '../../../src/domain/calendar';

/** Autumn 2026 (half term 26–30 Oct) and Spring 2027 (half term 15–19 Feb). */
export const ENTRIES: CalendarEntry[] = [
  { kind: 'Term', start: '2026-09-02', end: '2026-12-18', description: 'Autumn' },
  { kind: 'Holiday', start: '2026-10-26', end: '2026-10-30', description: 'Half term' },
  { kind: 'Term', start: '2027-01-04', end: '2027-03-26', description: 'Spring' },
  { kind: 'Holiday', start: '2027-02-15', end: '2027-02-19', description: 'Half term' },
  { kind: 'Term', start: '2027-04-12', end: '2027-07-21', description: 'Summer' },
];

export const calendar = new SchoolCalendar(ENTRIES);
