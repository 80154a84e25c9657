/**
 * The DfE Unique Pupil Number (UPN): 13 characters — a check letter, then the LA number (3 digits), the
 * establishment number (4), the last two digits of the year allocated (2) and a serial (3). A temporary
 * UPN has 2 serial digits and a letter in place of the last digit.
 *
 * Check letter, as published in the UK Government Data Standards Catalogue entry "Unique Pupil Number"
 * v2.0 (DfE, agreed 18 Nov 2004, govtalk.gov.uk/gdsc) and repeated in the DfE census validation rule 1510
 * ("wrong check letter at character 1"; quoted with a worked example by Arbor's and Pupil Asset's census
 * help pages): multiply characters 2–13 by weights 2–13, add, take the remainder on division by 23, and
 * read the letter at that index of ABCDEFGHJKLMNPQRTUVWXYZ (I, O and S are never used). For a temporary
 * UPN the final letter counts as its index in that same table ("an A would be 0, a B would be 1 …").
 * Checked against python-stdnum's documented valid UPN B801200005001. (The census help's worked example
 * lists the products for 207000016049 correctly, summing to 266 → P, but states 267 → Q: a slip there.)
 */

/** The 23 letters a check letter (or a temporary UPN's last character) may be; I, O and S are left out. */
export const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export type UpnResult = { ok: true; upn: string; temporary: boolean } | { ok: false; message: string };

/**
 * The check letter for the 12 characters after it: 11 digits, then a digit (permanent UPN) or one of
 * UPN_LETTERS (temporary UPN). Throws on any other input, since callers (tests, demo data) pass
 * well-formed values; use validateUpn for anything a person typed.
 */
export function upnCheckLetter(twelveChars: string): string {
  if (!/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/.test(twelveChars)) {
    throw new RangeError(`upnCheckLetter needs 11 digits then a digit or a letter from ${UPN_LETTERS}; got "${twelveChars}"`);
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = twelveChars.charAt(i);
    const value = i === 11 && /[A-Z]/.test(ch) ? UPN_LETTERS.indexOf(ch) : Number(ch);
    sum += value * (i + 2);
  }
  return UPN_LETTERS.charAt(sum % 23);
}

/** Shows a value inside a message without letting a very long paste swamp it. */
function shown(value: string): string {
  return value.length > 30 ? `${value.slice(0, 27)}…` : value;
}

/**
 * Checks a UPN typed or imported by a person. Surrounding spaces are ignored and letters upper-cased;
 * spaces inside (as in "H801 2000 01001") are also ignored, since people copy UPNs in groups.
 */
export function validateUpn(input: string): UpnResult {
  const raw = String(input ?? '').trim();
  if (raw === '') {
    return { ok: false, message: 'Please enter the UPN: 13 characters, a letter followed by 12 digits, as shown in the MIS.' };
  }
  const upn = raw.replace(/\s+/g, '').toUpperCase();
  if (upn.length !== 13) {
    return { ok: false, message: `A UPN has 13 characters; "${shown(raw)}" has ${upn.length}.` };
  }
  const first = upn.charAt(0);
  if (!/[A-Z]/.test(first)) {
    return {
      ok: false,
      message: `A UPN starts with a letter (its check letter); "${upn}" starts with "${first}". Please check it against the MIS.`,
    };
  }
  for (let i = 1; i < 12; i++) {
    const ch = upn.charAt(i);
    if (!/\d/.test(ch)) {
      return {
        ok: false,
        message: `Characters 2 to 12 of a UPN are all digits; "${upn}" has "${ch}" at character ${i + 1}. Please check it against the MIS.`,
      };
    }
  }
  const last = upn.charAt(12);
  const temporary = /[A-Z]/.test(last);
  if (temporary && !UPN_LETTERS.includes(last)) {
    return {
      ok: false,
      message: `The UPN "${upn}" ends in "${last}". A UPN ends in a digit, or for a temporary UPN in a letter other than I, O or S. Please check it against the MIS.`,
    };
  }
  if (!temporary && !/\d/.test(last)) {
    return {
      ok: false,
      message: `The UPN "${upn}" ends in "${last}". A UPN ends in a digit, or for a temporary UPN in a letter. Please check it against the MIS.`,
    };
  }
  const expected = upnCheckLetter(upn.slice(1));
  if (first !== expected) {
    return {
      ok: false,
      message: `The UPN ${upn} does not check out: its first letter should be ${expected} for these digits. Please check it against the MIS.`,
    };
  }
  return { ok: true, upn, temporary };
}
