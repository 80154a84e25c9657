/**
 * Names and subject lines for letters. Drive file names, PDF names and email subjects are seen
 * by anyone who glimpses a folder listing or an inbox, so they carry the kind of letter, the case
 * reference and the date: never a health detail, never the pupil's name.
 */
import type { LetterKind } from '../work/vocabulary';

/** "Work set letter – HN-2026-0007 – 2026-11-27". */
export function letterFileName(kind: LetterKind, caseRef: string, date: string): string {
  return `${kind} \u2013 ${safe(caseRef)} \u2013 ${date}`;
}

export function letterPdfName(kind: LetterKind, caseRef: string, date: string): string {
  return `${letterFileName(kind, caseRef, date)}.pdf`;
}

/** "Work set letter from Our School": the school, not the pupil or the reason. */
export function letterEmailSubject(kind: LetterKind, schoolName: string): string {
  return `${kind} from ${schoolName.trim() || 'school'}`;
}

export function letterEmailBody(parentName: string, schoolName: string, signOff: string): string {
  return [
    `Dear ${parentName},`,
    '',
    `Please find attached a letter from ${schoolName.trim() || 'school'}.`,
    '',
    'If you have any questions, please reply to this email or contact the school office.',
    '',
    signOff,
  ].join('\n');
}

/** The folder of one case's letters: its reference only. */
export function caseFolderName(caseRef: string): string {
  return safe(caseRef);
}

/** Strips characters Drive search or a file system would trip on. */
function safe(text: string): string {
  return text.replace(/['"\\/]/g, '-').trim();
}
