/**
 * The Dashboard's charts through EmbeddedChartBuilder: real Sheets charts over the figures the
 * add-on writes, redrawn on every refresh (the old ones removed first, so they never pile up).
 */
import type { TableSpec } from '../domain/schema/types';
import { normaliseHeader } from '../domain/schema/types';
import { UserFacingError } from '../domain/errors';
import type { BarChartBlock, DocumentState, SheetCharts } from '../ports';
import { sheetIdKey } from './sheetTables';

export class EmbeddedSheetCharts implements SheetCharts {
  constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly state: DocumentState,
  ) {}

  drawBarCharts(spec: TableSpec, labelColumn: string, valueColumn: string, blocks: readonly BarChartBlock[]): number {
    const id = this.state.get(sheetIdKey(spec));
    const sheet = (id ? this.spreadsheet.getSheetById(Number(id)) : null) ?? this.spreadsheet.getSheetByName(spec.title);
    if (!sheet) throw new UserFacingError(`The "${spec.title}" sheet is missing. Choose Set up / repair register to make it again.`);
    const width = Math.max(sheet.getLastColumn(), 1);
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => normaliseHeader(String(h)));
    const find = (key: string) => {
      const header = spec.columns.find((c) => c.key === key)?.header ?? key;
      const at = headers.indexOf(normaliseHeader(header));
      if (at < 0) throw new UserFacingError(`The "${spec.title}" sheet has no "${header}" column. Choose Set up / repair register to put it back.`);
      return at + 1;
    };
    const labelAt = find(labelColumn);
    const valueAt = find(valueColumn);
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    const chartColumn = width + 2;
    blocks.forEach((block, i) => {
      if (block.rowCount < 1) return;
      const builder = sheet.newChart()
        .setChartType(Charts.ChartType.BAR)
        .addRange(sheet.getRange(block.firstRow, labelAt, block.rowCount, 1))
        .addRange(sheet.getRange(block.firstRow, valueAt, block.rowCount, 1))
        .setPosition(2 + i * 18, chartColumn, 0, 0)
        .setOption('title', block.title)
        .setOption('legend', { position: 'none' });
      sheet.insertChart(builder.build());
    });
    return blocks.filter((b) => b.rowCount > 0).length;
  }
}
