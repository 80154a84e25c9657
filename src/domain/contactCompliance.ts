/**
 * The policy says: "Daily contact will be sought for each day of the absence." For each school day a pupil
 * is absent, this says whether contact was made, only attempted, or missing. Days the school is closed are
 * not days of absence and so are never missing. Runs for every open case in the daily check, so the work
 * is linear in the case's days and contacts: the caller passes each case its own contacts, already grouped.
 */
import { IsoDate, isValidIso } from './dates';
import type { SchoolCalendar } from './calendar';
import { AbsencePeriod, absenceSchoolDays } from './schoolDays';

export type ContactOutcome = 'Spoke to' | 'Message left' | 'No answer' | string;

export interface LoggedContact {
  date: IsoDate;
  outcome: ContactOutcome;
}

export type DayContactStatus = 'made' | 'attempted' | 'missing';

export interface DayCompliance {
  date: IsoDate;
  status: DayContactStatus;
}

export interface ComplianceSummary {
  /** Latest day with any contact logged (made or attempted), on or before upTo, school day or not. */
  lastContact: IsoDate | null;
  /** Latest day on which contact was made, on or before upTo. */
  lastMade: IsoDate | null;
  /** School days of absence after the last contact of any kind, up to upTo: the current run with none. */
  daysWithoutContact: number;
  /** School days of absence with no contact at all, in date order. */
  missingDays: IsoDate[];
  made: number;
  attempted: number;
  missing: number;
}

export interface ContactCompliance {
  days: DayCompliance[];
  summary: ComplianceSummary;
}

export interface ContactComplianceOptions {
  /**
   * Decides whether an outcome counts as contact made. By default an outcome beginning 'Spoke' ('Spoke to',
   * 'Spoke to parent') is made; any other logged outcome ('Message left', 'No answer', …) is an attempt.
   */
  isMade?: (outcome: string) => boolean;
}

/** The default rule: contact is made when someone was spoken to. */
export function isContactMade(outcome: string): boolean {
  return /^\s*spoke\b/i.test(outcome);
}

/**
 * Contact status for each school day of absence from the first period up to and including upTo.
 * To leave today out until the day's cut-off hour, the caller passes yesterday as upTo.
 */
export function assessContactCompliance(
  periods: readonly AbsencePeriod[],
  calendar: SchoolCalendar,
  upTo: IsoDate,
  contacts: readonly LoggedContact[],
  options: ContactComplianceOptions = {},
): ContactCompliance {
  const isMade = options.isMade ?? isContactMade;

  // Best status per contact date: made beats attempted.
  const byDate = new Map<IsoDate, DayContactStatus>();
  let lastContact: IsoDate | null = null;
  let lastMade: IsoDate | null = null;
  for (const c of contacts) {
    if (!isValidIso(c.date) || c.date > upTo) continue;
    const made = isMade(String(c.outcome ?? ''));
    if (made) {
      byDate.set(c.date, 'made');
      if (lastMade === null || c.date > lastMade) lastMade = c.date;
    } else if (!byDate.has(c.date)) {
      byDate.set(c.date, 'attempted');
    }
    if (lastContact === null || c.date > lastContact) lastContact = c.date;
  }

  const days: DayCompliance[] = [];
  const missingDays: IsoDate[] = [];
  let made = 0;
  let attempted = 0;
  let daysWithoutContact = 0;
  for (const date of absenceSchoolDays(periods, calendar, upTo)) {
    const status = byDate.get(date) ?? 'missing';
    days.push({ date, status });
    if (status === 'made') made++;
    else if (status === 'attempted') attempted++;
    else missingDays.push(date);
    // Every absence day after the last contact has none, so counting these counts back from upTo.
    if (lastContact === null || date > lastContact) daysWithoutContact++;
  }

  return {
    days,
    summary: { lastContact, lastMade, daysWithoutContact, missingDays, made, attempted, missing: missingDays.length },
  };
}
