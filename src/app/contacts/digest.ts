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
  readonly lines: readonly DigestLine[];
  /** Other areas' reminders (LA arrangements, reintegration, policy review), in the same one email. */
  readonly reminders?: ReadonlyArray<{ readonly ref: string; readonly pupilName: string; readonly text: string }>;
}

export function rowLink(casesUrl: string, rowNumber: number): string {
  return `${casesUrl}&range=A${rowNumber}`;
}

export function composeDigest(input: DigestInput): OutgoingMail {
  const n = input.lines.length;
  const reminders = input.reminders ?? [];
  const extra = reminders.length ? `${n ? ', ' : ''}${reminders.length} reminder${reminders.length === 1 ? '' : 's'}` : '';
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
    ...input.lines.map((l) => `\u2022 ${who(l)}: ${describe(l)}.\n  ${rowLink(input.casesUrl, l.rowNumber)}`),
    '',
    ...(reminders.length ? ['Also due:', ...reminders.map((r) => `\u2022 ${remind(r)}.`), ''] : []),
    `Open the register: ${input.registerUrl}`,
    'Log each call on the contact Form or in the sidebar. This email gives names and case references only.',
  ].join('\n');
  const htmlBody = [
    `<p>${escapeHtml(input.schoolName)}: pupils absent for health reasons who need a call today.</p>`,
    '<ul>',
    ...input.lines.map((l) => `<li><a href="${escapeHtml(rowLink(input.casesUrl, l.rowNumber))}">${escapeHtml(who(l))}</a>: ${escapeHtml(describe(l))}.</li>`),
    '</ul>',
    ...(reminders.length ? ['<p>Also due:</p>', '<ul>', ...reminders.map((r) => `<li>${escapeHtml(remind(r))}.</li>`), '</ul>'] : []),
    `<p><a href="${escapeHtml(input.registerUrl)}">Open the register</a>. Log each call on the contact Form or in the sidebar. This email gives names and case references only.</p>`,
  ].join('\n');
  return { to: input.to, subject, body, htmlBody };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
