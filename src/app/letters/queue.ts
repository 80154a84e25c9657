/**
 * Asking for letters: checked first (template and each letter's data), then every letter that
 * can be made gets its row on the Parent letters sheet with status Queued, in one write, before
 * any document is made. Batches (runBatch.ts) then work through the queue. Asking twice for the
 * same letter does not queue it twice.
 */
import { PARENT_LETTERS } from '../../domain/schema';
import { encodeContent } from '../../domain/letters/content';
import { LETTER_STATUS, isFailedStatus } from '../../domain/work/vocabulary';
import type { RowValues } from '../../ports';
import type { GenerateLettersResult, LetterRequestInput } from '../../shared/workApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { nextIds } from '../work/workIds';
import { withRegisterLock } from '../registerLock';
import { prepareLetters, toPreview } from './prepare';
import { letterProgress } from './progress';

export function generateLetters(ctx: AppContext, input: LetterRequestInput): GenerateLettersResult {
  ctx.authorise('letter.send');
  const prepared = prepareLetters(ctx, input);
  const preview = toPreview(prepared);
  if (prepared.templateProblems.length > 0) {
    return { preview, queued: 0, progress: letterProgress(ctx, 0, false, 'Nothing was made: the template has problems to fix first.') };
  }
  const ready = prepared.letters.filter((l) => l.problems.length === 0);
  const queued = withRegisterLock(ctx, () => {
    const existing = ctx.services.tables.readAll(PARENT_LETTERS);
    const alreadyAsked = new Map<string, string>();
    for (const row of existing) {
      const status = String(row.values.status);
      // A failed letter is still asked for: "Retry failed letters" makes it (reusing its document).
      // Queuing it again as well would send the family the same letter twice.
      alreadyAsked.set(`${String(row.values.caseRef).toUpperCase()}|${String(row.values.kind)}|${String(row.values.how)}|${String(row.values.content)}`, `${String(row.values.letterId)} (${status})${isFailedStatus(status) ? '; choose "Retry failed letters" to make it again' : ''}`);
    }
    const fresh = ready.filter((l) => {
      const content = encodeContent({ values: l.values, emailTo: l.emailTo });
      const earlier = alreadyAsked.get(`${l.ref.toUpperCase()}|${prepared.kind}|${prepared.how}|${content}`);
      if (earlier) prepared.skipped.push({ ref: l.ref, reason: `This letter was already asked for: ${earlier}.` });
      return !earlier;
    });
    if (fresh.length === 0) return 0;
    const ids = nextIds(ctx, PARENT_LETTERS, 'letterId', 'L', fresh.length);
    const at = ctx.now();
    const rows: RowValues[] = fresh.map((l, i) => ({
      letterId: ids[i],
      caseRef: l.ref,
      kind: prepared.kind,
      to: l.to,
      how: prepared.how,
      status: LETTER_STATUS.queued,
      createdAt: at,
      by: ctx.actorEmail,
      updatedAt: at,
      content: encodeContent({ values: l.values, emailTo: l.emailTo }),
    }));
    ctx.services.tables.append(PARENT_LETTERS, rows);
    recordAudit(ctx, fresh.map((l, i) => ({ action: 'Letter queued', caseRef: l.ref, after: `${ids[i]}: ${prepared.kind} to ${l.to} (${prepared.how})` })));
    return fresh.length;
  });
  const finalPreview = toPreview(prepared);
  const blocked = prepared.letters.length - ready.length;
  const message = `${queued} letter${queued === 1 ? '' : 's'} queued${blocked ? `; ${blocked} not queued because of the problems listed` : ''}.`;
  return { preview: finalPreview, queued, progress: letterProgress(ctx, 0, true, message) };
}
