/**
 * Small-number suppression for anything shown outside the register (the governors' report):
 * a count from 1 to k-1 could point to a pupil in a small school, so it is shown as "fewer than k";
 * a figure worked out from fewer than k cases (a total, an average, a percentage) is not shown.
 * In a breakdown whose total is shown, one hidden count could be found by subtraction, so a
 * second count is hidden with it (complementary suppression).
 */

/** A figure as published: the number, or null with the words shown in its place. */
export interface Published {
  readonly value: number | null;
  readonly text: string;
}

export function fewerThan(k: number): string {
  return `fewer than ${k}`;
}

export function publishCount(n: number, k: number): Published {
  if (n === 0) return { value: 0, text: '0' };
  if (n < k) return { value: null, text: fewerThan(k) };
  return { value: n, text: String(n) };
}

/** A figure derived from `basis` cases: shown only when the basis is at least k. */
export function publishDerived(value: number, text: string, basis: number, k: number): Published {
  if (basis < k) return { value: null, text: `not shown (${fewerThan(k)} cases)` };
  return { value, text };
}

/**
 * Counts of a breakdown, suppressed so that none can be recovered from the others and the total:
 * when exactly one count is hidden, the smallest shown non-zero count is hidden too.
 */
export function publishBreakdown(counts: readonly number[], k: number): Published[] {
  const out = counts.map((n) => publishCount(n, k));
  const hidden = out.filter((p) => p.value === null).length;
  if (hidden === 1) {
    let smallest = -1;
    out.forEach((p, i) => {
      if (p.value !== null && p.value > 0 && (smallest < 0 || counts[i] < counts[smallest])) smallest = i;
    });
    if (smallest >= 0) out[smallest] = { value: null, text: `${k} or more (not shown, so that the smaller figure cannot be worked out)` };
  }
  return out;
}
