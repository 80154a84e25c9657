/**
 * Embedded Sheets charts: Sheet.newChart / insertChart / getCharts / removeChart / updateChart and
 * the `Charts` global's ChartType enum. A chart keeps its type, ranges, position and options, so a
 * test can check what the dashboard drew and over which cells; nothing is rendered.
 */
import { FakeSheet } from './spreadsheet/sheet';
import type { FakeRange } from './spreadsheet/range';
import { extraServiceFactories } from './workspace';

export const CHART_TYPES = ['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE', 'COMBO', 'HISTOGRAM'] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];

let nextChartId = 1;

export class FakeEmbeddedChart {
  constructor(
    readonly chartId: number,
    readonly chartType: ChartTypeName,
    readonly ranges: readonly FakeRange[],
    readonly position: { row: number; column: number; offsetX: number; offsetY: number },
    readonly options: ReadonlyMap<string, unknown>,
  ) {}
  getChartId(): number { return this.chartId; }
  getRanges(): FakeRange[] { return [...this.ranges]; }
  getOptions(): { get(option: string): unknown } { return { get: (o: string) => this.options.get(o) ?? null }; }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number } {
    return { getAnchorRow: () => this.position.row, getAnchorColumn: () => this.position.column };
  }
  modify(): FakeChartBuilder {
    const b = new FakeChartBuilder(this.ranges[0]?.getSheet());
    b.chartType = this.chartType;
    b.ranges = [...this.ranges];
    b.position = { ...this.position };
    b.options = new Map(this.options);
    b.replacing = this.chartId;
    return b;
  }
}

export class FakeChartBuilder {
  chartType: ChartTypeName = 'COLUMN';
  ranges: FakeRange[] = [];
  position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  options = new Map<string, unknown>();
  replacing: number | null = null;
  constructor(readonly sheet: FakeSheet | undefined) {}
  setChartType(type: unknown): this {
    const name = String(type);
    if (!(CHART_TYPES as readonly string[]).includes(name)) throw new Error(`Invalid chart type: ${name}`);
    this.chartType = name as ChartTypeName;
    return this;
  }
  addRange(range: FakeRange): this { this.ranges.push(range); return this; }
  clearRanges(): this { this.ranges = []; return this; }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    if (row < 1 || column < 1) throw new Error('Those rows are out of bounds.');
    this.position = { row, column, offsetX, offsetY };
    return this;
  }
  setOption(option: string, value: unknown): this { this.options.set(option, value); return this; }
  asBarChart(): this { return this.setChartType('BAR'); }
  asColumnChart(): this { return this.setChartType('COLUMN'); }
  asPieChart(): this { return this.setChartType('PIE'); }
  build(): FakeEmbeddedChart {
    if (this.ranges.length === 0) throw new Error('The chart has no data: add a range before building it.');
    return new FakeEmbeddedChart(this.replacing ?? nextChartId++, this.chartType, [...this.ranges], { ...this.position }, new Map(this.options));
  }
}

const charts = new WeakMap<FakeSheet, FakeEmbeddedChart[]>();

function chartsOf(sheet: FakeSheet): FakeEmbeddedChart[] {
  let list = charts.get(sheet);
  if (!list) {
    list = [];
    charts.set(sheet, list);
  }
  return list;
}

function meter(sheet: FakeSheet, method: string): void {
  sheet.spreadsheet.record(`Sheet.${method}`, 0);
}

interface ChartMethods {
  newChart(): FakeChartBuilder;
  insertChart(chart: FakeEmbeddedChart): void;
  getCharts(): FakeEmbeddedChart[];
  removeChart(chart: FakeEmbeddedChart): void;
  updateChart(chart: FakeEmbeddedChart): void;
}

const methods: ChartMethods & ThisType<FakeSheet> = {
  newChart() { meter(this, 'newChart'); return new FakeChartBuilder(this); },
  insertChart(chart) { meter(this, 'insertChart'); chartsOf(this).push(chart); },
  getCharts() { meter(this, 'getCharts'); return [...chartsOf(this)]; },
  removeChart(chart) {
    meter(this, 'removeChart');
    const list = chartsOf(this);
    const i = list.findIndex((c) => c.chartId === chart.chartId);
    if (i < 0) throw new Error('The chart is not on this sheet.');
    list.splice(i, 1);
  },
  updateChart(chart) {
    meter(this, 'updateChart');
    const list = chartsOf(this);
    const i = list.findIndex((c) => c.chartId === chart.chartId);
    if (i < 0) throw new Error('The chart is not on this sheet.');
    list[i] = chart;
  },
};
Object.assign(FakeSheet.prototype, methods);

/** The `Charts` global: only the ChartType enum is used by the product. */
export const FAKE_CHARTS = { ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])) };

extraServiceFactories.push((workspace) => workspace.registerGlobal('Charts', FAKE_CHARTS));

/** For tests: the charts on a sheet, without metering. */
export function chartsOnSheet(sheet: FakeSheet): readonly FakeEmbeddedChart[] {
  return chartsOf(sheet);
}
