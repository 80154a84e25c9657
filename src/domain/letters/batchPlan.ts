/**
 * How much of a queue of letters one execution takes on. Apps Script stops an execution at six
 * minutes, so a run works within a time budget well short of that, stops before a letter that
 * might not finish, and leaves the rest queued for the next run. Email is checked against the
 * day's remaining allowance first: letters that would exceed it are held, not lost.
 */

/**
 * Stop starting new letters after this long: 5 minutes. A run ends within one letter (about 4 s)
 * of it, leaving most of a minute of Apps Script's six for writing statuses; at about 4.3 s a
 * letter that is some 69 letters an execution.
 */
export const LETTER_RUN_BUDGET_MS = 300_000;
/** A run never takes more than this many letters, however fast they go. */
export const MAX_LETTERS_PER_RUN = 60;
/** Before any letter has been timed, assume this much for one (copy, fill, export, send). */
export const FIRST_LETTER_ESTIMATE_MS = 8_000;
/** A row left "Sending" longer than this belongs to an execution that cannot still be running. */
export const STALE_CLAIM_MS = 7 * 60_000;

export interface QueuedLetter {
  readonly letterId: string;
  readonly needsEmail: boolean;
}

export interface BatchPlan {
  /** Letters to take on this run, in queue order. */
  readonly take: readonly string[];
  /** Letters to mark "Held: email quota". */
  readonly hold: readonly string[];
}

/**
 * Letters to take and to hold. `remainingEmails` is the day's allowance left (each letter emails
 * one parent/carer), less the reserve kept for the daily digest. Email letters beyond it are
 * held; letters that need no email are unaffected.
 */
export function planBatch(queue: readonly QueuedLetter[], remainingEmails: number, reserve: number, maxCount = MAX_LETTERS_PER_RUN): BatchPlan {
  let emailsLeft = Math.max(0, remainingEmails - reserve);
  const take: string[] = [];
  const hold: string[] = [];
  for (const letter of queue) {
    if (letter.needsEmail) {
      if (emailsLeft <= 0) {
        hold.push(letter.letterId);
        continue;
      }
      if (take.length >= maxCount) continue;
      emailsLeft -= 1;
    } else if (take.length >= maxCount) {
      continue;
    }
    take.push(letter.letterId);
  }
  return { take, hold };
}

/**
 * Whether there is time to start one more letter: the time used so far plus the longest a
 * letter has taken this run (or a cautious first estimate) must stay within the budget.
 */
export function timeForAnother(elapsedMs: number, longestLetterMs: number, budgetMs = LETTER_RUN_BUDGET_MS): boolean {
  const estimate = longestLetterMs > 0 ? longestLetterMs : FIRST_LETTER_ESTIMATE_MS;
  return elapsedMs + estimate <= budgetMs;
}

/**
 * Errors after which nothing else should be tried this run: Google's daily or per-minute limits,
 * and the six-minute limit itself. Anything else is a fault of one letter.
 */
export function isRunStoppingError(message: string): boolean {
  return /too many times|limit exceeded|quota|rate limit|user-rate|resource_exhausted|exceeded maximum execution time|backend error|service unavailable|internal error/i.test(message);
}
