import { PARENT_LETTERS } from '../../domain/schema';
import { LETTER_STATUS, isFailedStatus } from '../../domain/work/vocabulary';
import type { StoredRow } from '../../ports';
import type { LetterProgress } from '../../shared/workApi';
import type { AppContext } from '../context';

/** Where the whole queue stands, from the Parent letters rows (read once unless given). */
export function letterProgress(ctx: AppContext, done: number, mayContinue: boolean, message: string, rows?: readonly StoredRow[]): LetterProgress {
  const statuses = (rows ?? ctx.services.tables.readAll(PARENT_LETTERS)).map((r) => String(r.values.status));
  const remaining = statuses.filter((s) => s === LETTER_STATUS.queued).length;
  return {
    done,
    remaining,
    held: statuses.filter((s) => s === LETTER_STATUS.held).length,
    failed: statuses.filter(isFailedStatus).length,
    more: mayContinue && remaining > 0,
    message,
  };
}
