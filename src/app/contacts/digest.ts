/**
 * The coordinator's morning email: who to call today. Deliberately thin: the subject names no
 * pupil (subjects show on lock screens and in notifications), and the body gives only each
 * pupil's name, year, case reference, how long since contact and a link to their row. Anything
 * more is in the register, behind the school's sign-in.
 */
import { formatLongDate, isValidIso, type IsoDate } from '../../domain/dates';
import type { OutgoingMail } from '../../ports';

export interface DigestLine {
  readonly ref: string;
  readonly pupilName: string;
  readonly yearGroup: string;
  readonly rowNumber: number;
  readonly days: number;
  readonly lastContact: IsoDate | '';
}

export interface DigestInput {
  readonly to: string;
  readonly schoolName: string;
  readonly today: IsoDate;
  /** The Cases sheet's URL with its gid. */
  readonly casesUrl: string;
  readonly registerUrl: string;
  /** The Contact compliance sheet (every open case's contact, listed in full), for what the email leaves out. */
  readonly complianceUrl?: string;
  readonly lines: readonly DigestLine[];
  /** Other areas' reminders (LA arrangements, reintegration, policy review), in the same one email. */
  readonly reminders?: ReadonlyArray<{ readonly ref: string; readonly pupilName: string; readonly text: string }>;
}

export function rowLink(casesUrl: string, rowNumber: number): string {
  return `${casesUrl}&range=A${rowNumber}`;
}

/**
 * MailApp refuses a message whose body is over its limit ("Limit Exceeded: Email Body Size": 200 KB
 * for a consumer account, 400 KB per message in Google Workspace, plain and HTML bodies together),
 * and that would fail the whole daily check. So the email lists at most this many pupils and this
 * many reminders (the longest without contact first), says how many more there are and where they
 * are listed, and is cut further if long names or reminders still make it larger than
 * DIGEST_MAX_BYTES, well inside the smaller limit.
 */
export const DIGEST_MAX_LISTED = 200;
export const DIGEST_MAX_BYTES = 150 * 1024;

export function composeDigest(input: DigestInput): OutgoingMail {
  let pupils = Math.min(input.lines.length, DIGEST_MAX_LISTED);
  let reminders = Math.min(input.reminders?.length ?? 0, DIGEST_MAX_LISTED);
  for (;;) {
    const mail = composeListing(input, pupils, reminders);
    const bytes = utf8Length(mail.body) + utf8Length(mail.htmlBody ?? '');
    if (bytes <= DIGEST_MAX_BYTES || (pupils === 0 && reminders === 0)) return mail;
    pupils = Math.floor(pupils / 2);
    reminders = Math.floor(reminders / 2);
  }
}

function composeListing(input: DigestInput, listedPupils: number, listedReminders: number): OutgoingMail {
  const n = input.lines.length;
  const allReminders = input.reminders ?? [];
  const reminders = allReminders.slice(0, listedReminders);
  const lines = input.lines.slice(0, listedPupils);
  const morePupils = n - lines.length;
  const moreReminders = allReminders.length - reminders.length;
  const where = input.complianceUrl || input.registerUrl;
  const morePupilsText = morePupils
    ? `and ${morePupils} more pupil${morePupils === 1 ? '' : 's'}: see the Contact compliance sheet`
    : '';
  const moreRemindersText = moreReminders ? `and ${moreReminders} more reminder${moreReminders === 1 ? '' : 's'}: open the register` : '';
  const extra = allReminders.length ? `${n ? ', ' : ''}${allReminders.length} reminder${allReminders.length === 1 ? '' : 's'}` : '';
  const subject = `Health Needs Register: ${n || !extra ? `${n} pupil${n === 1 ? '' : 's'} to contact today` : ''}${extra} (${formatLongDate(input.today)})`;
  const remind = (r: { ref: string; pupilName: string; text: string }) => `${r.ref ? `${r.pupilName}, case ${r.ref}: ` : ''}${r.text}`;
  const describe = (l: DigestLine) => {
    const since = isValidIso(l.lastContact) ? `last contact ${formatLongDate(l.lastContact)}` : 'no contact logged yet';
    return `${l.days} school day${l.days === 1 ? '' : 's'} without contact, ${since}`;
  };
  const who = (l: DigestLine) => `${l.pupilName}${l.yearGroup ? ` (${l.yearGroup})` : ''}, case ${l.ref}`;
  const body = [
    `${input.schoolName}: pupils absent for health reasons who need a call today.`,
    '',
    ...lines.map((l) => `\u2022 ${who(l)}: ${describe(l)}.\n  ${rowLink(input.casesUrl, l.rowNumber)}`),
    ...(morePupilsText ? [`\u2022 ${morePupilsText}: ${where}`] : []),
    '',
    ...(reminders.length || moreRemindersText ? ['Also due:', ...reminders.map((r) => `\u2022 ${remind(r)}.`), ...(moreRemindersText ? [`\u2022 ${moreRemindersText}: ${input.registerUrl}`] : []), ''] : []),
    `Open the register: ${input.registerUrl}`,
    'Log each call on the contact Form or in the sidebar. This email gives names and case references only.',
  ].join('\n');
  const htmlBody = [
    `<p>${escapeHtml(input.schoolName)}: pupils absent for health reasons who need a call today.</p>`,
    '<ul>',
    ...lines.map((l) => `<li><a href="${escapeHtml(rowLink(input.casesUrl, l.rowNumber))}">${escapeHtml(who(l))}</a>: ${escapeHtml(describe(l))}.</li>`),
    ...(morePupilsText ? [`<li><a href="${escapeHtml(where)}">${escapeHtml(morePupilsText)}</a>.</li>`] : []),
    '</ul>',
    ...(reminders.length || moreRemindersText
      ? ['<p>Also due:</p>', '<ul>', ...reminders.map((r) => `<li>${escapeHtml(remind(r))}.</li>`), ...(moreRemindersText ? [`<li><a href="${escapeHtml(input.registerUrl)}">${escapeHtml(moreRemindersText)}</a>.</li>`] : []), '</ul>']
      : []),
    `<p><a href="${escapeHtml(input.registerUrl)}">Open the register</a>. Log each call on the contact Form or in the sidebar. This email gives names and case references only.</p>`,
  ].join('\n');
  return { to: input.to, subject, body, htmlBody };
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a surrogate pair: 2 + 2
  }
  return bytes;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
