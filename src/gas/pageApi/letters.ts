/** google.script.run targets for letters to parents: thin shims over the use cases. */
import { previewLetter as preview } from '../../app/letters/prepare';
import { generateLetters as generate } from '../../app/letters/queue';
import { retryFailedLetters as retry, runLetterBatch as runBatch } from '../../app/letters/runBatch';
import type { GenerateLettersResult, LetterPreview, LetterProgress, LetterRequestInput } from '../../shared/workApi';
import { fromPage } from '../runEntry';

export function previewLetter(input: LetterRequestInput): LetterPreview {
  return fromPage((ctx) => preview(ctx, input));
}

export function generateLetters(input: LetterRequestInput): GenerateLettersResult {
  return fromPage((ctx) => generate(ctx, input));
}

/** The page calls this again while the result says `more`. */
export function runLetterBatch(): LetterProgress {
  return fromPage((ctx) => runBatch(ctx));
}

export function retryFailedLetters(letterIds?: string[]): LetterProgress {
  return fromPage((ctx) => retry(ctx, letterIds));
}
