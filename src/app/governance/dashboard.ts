/**
 * The coordinator's Dashboard sheet: the governors' report figures as a table (chart, label,
 * value) with a real bar chart over each block. The sheet stays inside the register, so figures
 * are true counts, not suppressed; it names no pupil.
 */
import { DASHBOARD } from '../../domain/schema';
import { buildGovernorsReport } from '../../domain/la/governorsReport';
import type { BarChartBlock } from '../../ports';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { withLock } from '../la/common';
import { reportInput } from './reportFacts';

export function refreshDashboard(ctx: AppContext): { status: string; charts: number } {
  ctx.authorise('governance.report');
  return withLock(ctx, () => {
    const { input } = reportInput(ctx);
    const figures = buildGovernorsReport(input).dashboard;
    ctx.services.tables.replaceAll(DASHBOARD, figures.map((f) => ({ chart: f.chart, label: f.label, value: f.value })));
    const blocks: BarChartBlock[] = [];
    figures.forEach((f, i) => {
      const last = blocks[blocks.length - 1];
      if (last && last.title === f.chart) blocks[blocks.length - 1] = { ...last, rowCount: last.rowCount + 1 };
      else blocks.push({ title: f.chart, firstRow: i + 2, rowCount: 1 });
    });
    const charts = ctx.services.charts.drawBarCharts(DASHBOARD, 'label', 'value', blocks);
    recordAudit(ctx, [{ action: 'Dashboard refreshed', after: `${figures.length} figures, ${charts} charts` }]);
    return { status: `The Dashboard shows ${input.cases.length} case${input.cases.length === 1 ? '' : 's'} for ${input.yearLabel}, in ${charts} charts.`, charts };
  });
}
