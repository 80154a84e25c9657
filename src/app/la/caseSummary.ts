/**
 * The LA area's part of a case summary: `sections.la`, the case's LA provision, keep in touch,
 * part-time timetables, reintegration plans, reasonable adjustments and information shared (see
 * caseSection.ts). A sheet that cannot be read does not stop the summary: the section says why.
 */
import { UserFacingError } from '../../domain/errors';
import type { CaseSummaryContributor } from '../cases/summary';
import { emptyLaSection, laSectionFor } from './caseSection';

export const LA_SUMMARY: CaseSummaryContributor = {
  name: 'LA arrangements and reintegration',
  contribute(ctx, record, register) {
    try {
      return { sections: { la: laSectionFor(ctx, record.ref, register) } };
    } catch (error) {
      if (error instanceof UserFacingError) return { sections: { la: emptyLaSection(error.message) } };
      throw error;
    }
  },
};
