/**
 * The work and letters areas' part of a case summary: `sections.workSet` (what was set, what is
 * outstanding and overdue) and `sections.letters` (letters to the family and their status). Each
 * reads its sheet once. Neither holds health detail.
 */
import { UserFacingError } from '../../domain/errors';
import type { CaseSummaryContributor } from '../cases/summary';
import { lettersSectionFor, workSectionFor } from './summary';

function orProblem<T>(read: () => T, empty: T): T | (T & { problem: string }) {
  try {
    return read();
  } catch (error) {
    if (error instanceof UserFacingError) return { ...empty, problem: error.message };
    throw error;
  }
}

export const WORK_AND_LETTERS_SUMMARY: CaseSummaryContributor = {
  name: 'Work set and letters',
  contribute(ctx, record) {
    return {
      sections: {
        workSet: orProblem(() => workSectionFor(ctx, record.ref), { items: [], outstanding: 0, overdue: 0, returned: 0 }),
        letters: orProblem(() => lettersSectionFor(ctx, record.ref), { letters: [], failed: 0, held: 0 }),
      },
    };
  },
};
