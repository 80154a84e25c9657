/**
 * The few facts about a case that work set and letters need, read from the Cases sheet in one
 * read. Health columns are never read into these.
 */
import { CASES } from '../../domain/schema';
import { UserFacingError } from '../../domain/errors';
import type { AppContext } from '../context';

export interface CaseFacts {
  readonly ref: string;
  readonly status: string;
  readonly pupilName: string;
  readonly yearGroup: string;
  readonly parentName: string;
  readonly parentEmail: string;
}

export function readCaseFacts(ctx: AppContext): CaseFacts[] {
  return ctx.services.tables.readAll(CASES).map((r) => ({
    ref: String(r.values.ref).trim(),
    status: String(r.values.status).trim(),
    pupilName: String(r.values.pupilName).trim(),
    yearGroup: String(r.values.yearGroup).trim(),
    parentName: String(r.values.parentName).trim(),
    parentEmail: String(r.values.parentEmail).trim(),
  })).filter((c) => c.ref !== '');
}

export function findCase(cases: readonly CaseFacts[], ref: string): CaseFacts {
  const wanted = ref.trim().toUpperCase();
  const found = cases.find((c) => c.ref.toUpperCase() === wanted);
  if (!found) throw new UserFacingError(`There is no case ${ref.trim() || '(no reference given)'} on the Cases sheet. Check the reference, or open the case first.`);
  return found;
}

export function requireCase(ctx: AppContext, ref: string): CaseFacts {
  return findCase(readCaseFacts(ctx), ref);
}
