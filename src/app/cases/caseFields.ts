/**
 * Checking what staff enter when they open or change a case, field by field, with messages that
 * name the field and say what to do. Pure: everything it needs (the calendar, today, staff, the
 * dropdown values) is passed in, so each use case reads those once and checks many fields.
 */
import type { SchoolCalendar } from '../../domain/calendar';
import { academicYearOf, formatLongDate, parseUserDate, type IsoDate } from '../../domain/dates';
import { ARRANGEMENT_LABELS, isArrangement, type Arrangement } from '../../domain/arrangements';
import { findStaff, type StaffMember } from '../../domain/roles';
import { isFormulaLike } from '../../domain/sanitise';
import { validateUpn } from '../../domain/upn';
import {
  validateEmail,
  validatePersonName,
  validateUkPhone,
  validateYearGroup,
  type FieldProblem,
} from '../../domain/validation';

export interface FieldRules {
  readonly calendar: SchoolCalendar;
  readonly today: IsoDate;
  readonly staff: readonly StaffMember[];
  /** Values of the "Kind of health need" list (the school may add its own). */
  readonly healthNeeds: readonly string[];
}

/** Collects problems while fields are checked; each check returns the cleaned value or undefined. */
export class FieldChecker {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly rules: FieldRules) {}

  fail(field: string, message: string): undefined {
    this.problems.push({ field, message });
    return undefined;
  }

  upn(field: string, value: unknown): string | undefined {
    const result = validateUpn(String(value ?? ''));
    return result.ok ? result.upn : this.fail(field, result.message);
  }

  personName(field: string, label: string, value: unknown, required: boolean): string | undefined {
    if (!required && isBlank(value)) return '';
    const result = validatePersonName(value, label);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  /** A school day as the school sees it; `inCalendar` refuses a date in a year with no term dates. */
  date(field: string, label: string, value: unknown, options: { required: boolean; inCalendar: boolean; notAfterToday?: boolean }): IsoDate | '' | undefined {
    if (isBlank(value)) return options.required ? this.fail(field, `Please enter the ${label}, for example 07/09/2026.`) : '';
    const parsed = parseUserDate(value);
    if (!parsed.ok) return this.fail(field, `The ${label}: ${parsed.message}`);
    const date = parsed.date;
    if (options.inCalendar && !this.rules.calendar.covers(date)) {
      const year = academicYearOf(date).label;
      return this.fail(field,
        `The ${label}, ${formatLongDate(date)}, is in ${year}, which has no term dates on the Calendar sheet, so its school days cannot be counted. ` +
          `Check the date, or add the term dates for ${year} to the Calendar sheet first.`);
    }
    if (options.notAfterToday && date > this.rules.today) {
      return this.fail(field, `The ${label}, ${formatLongDate(date)}, is in the future. Please enter a date up to today, ${formatLongDate(this.rules.today)}.`);
    }
    return date;
  }

  dateOfBirth(field: string, value: unknown): IsoDate | '' | undefined {
    const date = this.date(field, 'date of birth', value, { required: false, inCalendar: false, notAfterToday: true });
    if (date && date < `${Number(this.rules.today.slice(0, 4)) - 25}-01-01`) {
      return this.fail(field, `The date of birth, ${formatLongDate(date)}, would make the pupil over 25. Please check it.`);
    }
    return date;
  }

  yearGroup(field: string, value: unknown): string | undefined {
    if (isBlank(value)) return '';
    const result = validateYearGroup(value);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  email(field: string, label: string, value: unknown): string | undefined {
    if (isBlank(value)) return '';
    const result = validateEmail(value, label);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  phone(field: string, label: string, value: unknown): string | undefined {
    if (isBlank(value)) return '';
    const result = validateUkPhone(value, label);
    return result.ok ? result.value : this.fail(field, result.message);
  }

  /** Short free text (a form group): no formula, no more than maxLength. */
  shortText(field: string, label: string, value: unknown, maxLength: number): string | undefined {
    const raw = String(value ?? '').trim();
    if (isFormulaLike(raw)) {
      return this.fail(field, `The ${label} "${raw.slice(0, 40)}" starts with "${raw.charAt(0)}", which a spreadsheet could run as a formula. Please remove it.`);
    }
    if (raw.length > maxLength) return this.fail(field, `The ${label} is ${raw.length} characters long; the most it can be is ${maxLength}.`);
    return raw;
  }

  /** Longer free text (health detail): kept as typed, neutralised when written, capped in length. */
  longText(field: string, label: string, value: unknown, maxLength: number): string | undefined {
    const raw = String(value ?? '').replace(/\r\n?/g, '\n').trim();
    if (raw.length > maxLength) return this.fail(field, `The ${label} is ${raw.length} characters long; the most it can be is ${maxLength}. Please shorten it.`);
    return raw;
  }

  healthNeed(field: string, value: unknown): string | undefined {
    const text = String(value ?? '').trim();
    if (text === '') return this.fail(field, 'Please choose the kind of health need (choose "Not recorded" if the family has not said).');
    const found = this.rules.healthNeeds.find((k) => k.toLowerCase() === text.toLowerCase());
    return found ?? this.fail(field, `"${text.slice(0, 40)}" is not one of the kinds of health need: ${this.rules.healthNeeds.join(', ')}.`);
  }

  /** An arrangement a case can be in while open ('Closed' is reached by closing the case). */
  openArrangement(field: string, value: unknown): Arrangement | undefined {
    const text = String(value ?? '').trim();
    if (text === '') return this.fail(field, 'Please choose the current arrangement (choose "Not yet arranged" if nothing is set up yet).');
    if (text === 'Closed') return this.fail(field, 'To close a case, use Close case: it records the date and the pupil\u2019s return.');
    return isArrangement(text) ? text : this.fail(field, `"${text.slice(0, 40)}" is not one of the arrangements: ${ARRANGEMENT_LABELS.filter((a) => a !== 'Closed').join(', ')}.`);
  }

  /** A member of staff listed (and active) on the Staff sheet. */
  staffEmail(field: string, label: string, value: unknown): string | undefined {
    const email = this.email(field, label, value);
    if (!email) return email;
    const member = findStaff(this.rules.staff, email);
    return member ? member.email : this.fail(field, `The ${label} (${email}) is not an active member of staff on the Staff sheet. Choose someone listed there, or ask the coordinator to add them.`);
  }
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The expected return must come after the first day (it is the first day back in school). */
export function checkReturnAfterFirstDay(check: FieldChecker, field: string, firstDay: IsoDate, expectedReturn: IsoDate | ''): void {
  if (!expectedReturn) return;
  if (expectedReturn < firstDay) {
    check.fail(field, `The expected return, ${formatLongDate(expectedReturn)}, is before the first day of absence, ${formatLongDate(firstDay)}.`);
  } else if (expectedReturn === firstDay) {
    check.fail(field, `The expected return is the pupil\u2019s first day back in school, so it must be after the first day of absence, ${formatLongDate(firstDay)}.`);
  }
}
