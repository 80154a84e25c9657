/**
 * A fast, non-cryptographic fingerprint of table rows (two independent 32-bit FNV-1a lanes, as 16
 * hex characters), built up row by row so it can be continued: fingerprint(a + b) is
 * continueFingerprint(fingerprint(a), b). The daily check uses it to see that audit rows it
 * verified on earlier days are unchanged without re-computing 100,000 SHA-256 seals; any change it
 * reports is then located by the full seal check. It is not a seal: the stored value lives in
 * document properties, which staff cannot read or write.
 */
export const EMPTY_FINGERPRINT = '811c9dc5050c5d1f';

type Cell = string | number | boolean | Date | null | undefined;

/** Held locally: a global looked up in the inner loop is slow where globals are not plain (node:vm). */
const imul = Math.imul;
const toText = String;

/** `start` and `end` (exclusive) choose a run of the rows without copying them. */
export function continueFingerprint(from: string, rows: ReadonlyArray<ReadonlyArray<Cell>>, start = 0, end = rows.length): string {
  let a = parseInt(from.slice(0, 8), 16) | 0;
  let b = parseInt(from.slice(8, 16), 16) | 0;
  for (let r = Math.max(0, start); r < end && r < rows.length; r++) {
    const row = rows[r];
    for (let k = 0; k < row.length; k++) {
      const cell = row[k];
      // A date by its instant (never its text, which depends on the time zone and is slow to
      // make); tested by shape, since a date made in another realm is not `instanceof Date`.
      const text = cell === null || cell === undefined ? '' : typeof cell === 'object' ? `@${cell.getTime()}` : toText(cell);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = imul(a ^ c, 0x01000193);
        b = imul(b ^ c, 0x01000193) ^ (b >>> 15);
      }
      // A separator after each cell and row, so moving text between cells changes the result.
      a = imul(a ^ 0x1f, 0x01000193);
      b = imul(b ^ 0x1f, 0x01000193) ^ (b >>> 15);
    }
    a = imul(a ^ 0x1e, 0x01000193);
    b = imul(b ^ 0x1e, 0x01000193) ^ (b >>> 15);
  }
  return hex8(a) + hex8(b);
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
