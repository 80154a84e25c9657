import type { CaseSummary } from '../../shared/api';

/** The summary with a follow-up (something left to finish after the change was saved) first among its next actions. */
export function withFollowUp(summary: CaseSummary, followUp: string | null): CaseSummary {
  return followUp ? { ...summary, nextActions: [followUp, ...summary.nextActions] } : summary;
}
