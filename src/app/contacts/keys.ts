/**
 * What the contact area keeps in document properties: the Form's ids, the cursor over the
 * responses sheet, and the trigger-health stamps. One place so the names never drift.
 */
import { CONTACT_FORM_RESPONSES } from '../../domain/contactForm';

export const KEY = {
  formId: 'contacts.formId',
  pupilItemId: 'contacts.pupilItemId',
  publishedUrl: 'contacts.formUrl',
  linkTemplate: 'contacts.linkTemplate',
  /** SHA-256 of the pupil choices last sent to the Form, so unchanged lists are not re-sent. */
  choicesHash: 'contacts.choicesHash',
  /** '<sheetId>:<row>': the last response row copied to the log. */
  cursor: 'contacts.cursor',
  /** '<sheetId>:<row>' while a batch is being written: found set only after a run stopped half-way. */
  pending: 'contacts.pending',
  dailyHour: 'contacts.dailyHour',
  dailyTriggerId: 'contacts.dailyTriggerId',
  lastDailyCheck: 'contacts.lastDailyCheck',
  lastSweep: 'contacts.lastSweep',
  /**
   * '<row>|<contact ID>|<day>': the last Contact log row the daily check's contact records (on the
   * Contact compliance sheet) include, and the day it ran. A summary reads only the rows after it.
   */
  recordAnchor: 'contacts.recordAnchor',
  digestSentOn: 'contacts.digestSentOn',
  reauthMailedOn: 'contacts.reauthMailedOn',
  /**
   * The table store finds a sheet by the id kept under 'sheet.<table key>'; the responses sheet is
   * made by Forms, not by the table store, so set-up records its id here.
   */
  responsesSheet: `sheet.${CONTACT_FORM_RESPONSES.key}`,
} as const;

export const SUBMIT_HANDLER = 'onContactFormSubmit';
export const DAILY_HANDLER = 'runDailyCheck';

export interface Cursor {
  readonly sheetId: string;
  readonly row: number;
}

/** The cursor for this responses sheet; row 1 (the header) when there is none or it was for another sheet. */
export function readCursor(value: string | null, sheetId: string): Cursor {
  const m = /^(-?\d+):(\d+)$/.exec(value ?? '');
  return m && m[1] === sheetId ? { sheetId, row: Number(m[2]) } : { sheetId, row: 1 };
}

export function writeCursor(cursor: Cursor): string {
  return `${cursor.sheetId}:${cursor.row}`;
}
