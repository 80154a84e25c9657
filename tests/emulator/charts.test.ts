import { createWorkspace, chartsOnSheet } from '../../emulator';

describe('embedded charts on a sheet', () => {
  it('builds, inserts, lists, updates and removes charts over ranges', () => {
    const ws = createWorkspace();
    ws.install(globalThis as never);
    const sheet = SpreadsheetApp.getActive().insertSheet('Figures');
    sheet.getRange(1, 1, 3, 2).setValues([['Label', 'Value'], ['A', 3], ['B', 5]]);
    const chart = sheet.newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange('A2:A3'))
      .addRange(sheet.getRange('B2:B3'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Figures')
      .build();
    sheet.insertChart(chart);
    expect(sheet.getCharts()).toHaveLength(1);
    const [stored] = chartsOnSheet(sheet as never);
    expect(stored.chartType).toBe('BAR');
    expect(stored.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A3', 'B2:B3']);
    expect(stored.getOptions().get('title')).toBe('Figures');
    expect(stored.getContainerInfo().getAnchorColumn()).toBe(4);
    sheet.updateChart(sheet.getCharts()[0].modify().setOption('title', 'Renamed').build());
    expect(chartsOnSheet(sheet as never)[0].getOptions().get('title')).toBe('Renamed');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(() => sheet.newChart().build()).toThrow(/no data/);
    expect(ws.meter.total('SpreadsheetApp.Sheet.insertChart')).toBe(1);
  });
});
