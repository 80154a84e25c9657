/**
 * The annual report for governors, made as a Google Doc in the add-on's LA and governance folder
 * (never in a case folder: it is about no one). Anonymised: built only from the facts in
 * reportFacts.ts, small numbers suppressed, charts drawn as accessible text bars.
 */
import { buildGovernorsReport, governorsReportText } from '../../domain/la/governorsReport';
import { governorsReportName } from '../../domain/la/documents';
import type { DocumentResult } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { laFolder } from '../la/documents';
import { withLock } from '../la/common';
import { reportInput } from './reportFacts';

export function generateGovernorsReport(ctx: AppContext): DocumentResult {
  ctx.authorise('governance.report');
  return withLock(ctx, () => {
    const { input, year } = reportInput(ctx);
    const report = buildGovernorsReport(input);
    const name = governorsReportName(year.label, input.generatedOn);
    const doc = ctx.services.documents.createDocument(name, governorsReportText(report), laFolder(ctx).id);
    recordAudit(ctx, [{ action: 'Governors\u2019 report made', after: name }]);
    return { name: doc.name || name, url: doc.url };
  });
}
