/**
 * A sheet: its size, its cell layers and the things anchored to it (protections, conditional
 * formats, merges). Public methods mirror GoogleAppsScript.Spreadsheet.Sheet and charge the meter;
 * methods marked "emulator internals" are for the other fakes and the workspace only.
 */
import { FakeConditionalFormatRule, type ConditionalFormatSpec } from './conditionalFormat';
import type { FakeDataValidation } from './dataValidation';
import { Layer, intersects, shiftForDelete, shiftForInsert, type AnchoredRect } from './grid';
import { FakeProtection, PROTECTED_EDIT_MESSAGE, type ProtectionTypeName } from './protection';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';
import { coerceInput, parseA1, type CellValue } from './values';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

export interface StoredConditionalRule {
  spec: ConditionalFormatSpec;
  rects: AnchoredRect[];
}

type SortSpec = number | { column: number; ascending?: boolean };

export class FakeSheet {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  // Cell layers (0-based). Unset means the default (empty value, default format).
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly numberFormats = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontColors = new Layer<string>();
  readonly fontWeights = new Layer<'bold' | 'normal'>();
  readonly fontStyles = new Layer<'italic' | 'normal'>();
  readonly fontSizes = new Layer<number>();
  readonly wraps = new Layer<boolean>();
  readonly horizontalAlignments = new Layer<string>();
  readonly verticalAlignments = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly validations = new Layer<FakeDataValidation>();

  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  sheetProtection: FakeProtection | null = null;
  readonly rangeProtections: FakeProtection[] = [];
  conditionalRules: StoredConditionalRule[] = [];
  merges: AnchoredRect[] = [];
  /** Set by the FormApp fake when a form sends its responses to this sheet. */
  formUrl: string | null = null;

  constructor(readonly spreadsheet: FakeSpreadsheet, readonly sheetId: number, public name: string) {}

  private record(method: string, cells = 0): void {
    this.spreadsheet.record(`Sheet.${method}`, cells);
  }

  // ------------------------------------------------------------ identity

  getName(): string { this.record('getName'); return this.name; }

  setName(name: string): this {
    this.record('setName');
    this.spreadsheet.assertNameFree(name, this);
    this.spreadsheet.renameSheetReferences(this.name, name);
    this.name = name;
    return this;
  }

  getSheetId(): number { this.record('getSheetId'); return this.sheetId; }
  getSheetName(): string { this.record('getSheetName'); return this.name; }
  getIndex(): number { this.record('getIndex'); return this.spreadsheet.sheets.indexOf(this) + 1; }
  getParent(): FakeSpreadsheet { this.record('getParent'); return this.spreadsheet; }
  getFormUrl(): string | null { this.record('getFormUrl'); return this.formUrl; }

  activate(): this {
    this.record('activate');
    this.spreadsheet.activeSheet = this;
    this.hidden = false;
    return this;
  }

  // ------------------------------------------------------------ size and content extent

  getLastRow(): number { this.record('getLastRow'); return this.lastRow(); }
  getLastColumn(): number { this.record('getLastColumn'); return this.lastColumn(); }
  getMaxRows(): number { this.record('getMaxRows'); return this.maxRows; }
  getMaxColumns(): number { this.record('getMaxColumns'); return this.maxColumns; }

  // ------------------------------------------------------------ ranges

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.record('getRange');
    if (typeof a1OrRow === 'string') return this.rangeFromA1(a1OrRow);
    if (column === undefined) throw new Error('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    return this.rangeChecked(a1OrRow, column, numRows ?? 1, numColumns ?? 1);
  }

  /**
   * One call that returns a block's values (Apps Script's Sheet.getSheetValues), without making a
   * Range first. Only explicit positive sizes: Apps Script's -1 ("to the last row or column with
   * data") is not emulated, so a call relying on it fails here rather than passing by accident.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    if (numRows === -1 || numColumns === -1 || startRow === -1 || startColumn === -1) {
      throw new Error('The emulator does not model getSheetValues with -1; pass the sizes.');
    }
    // Charged like getValues (a failed call is still a round trip).
    this.record('getSheetValues', numRows > 0 && numColumns > 0 ? numRows * numColumns : 0);
    return this.rangeChecked(startRow, startColumn, numRows, numColumns).valuesUnmetered();
  }

  getDataRange(): FakeRange {
    this.record('getDataRange');
    return this.rangeAt(0, 0, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  getActiveRange(): FakeRange | null {
    this.record('getActiveRange');
    const active = this.spreadsheet.activeRange;
    return active && active.sheet === this ? active : null;
  }

  // ------------------------------------------------------------ writing rows

  /** Writes after the last row with content, adding rows (and columns) when the sheet is full. */
  appendRow(rowContents: unknown[]): this {
    this.record('appendRow', rowContents.length);
    const r = this.lastRow();
    if (r + 1 > this.maxRows) this.maxRows = r + 1;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    this.assertCanEdit({ r, c: 0, nr: 1, nc: Math.max(1, rowContents.length) });
    this.writeValues(r, 0, [rowContents]);
    return this;
  }

  insertRows(rowIndex: number, numRows = 1): this { this.record('insertRows'); this.insertRowsAt(rowIndex - 1, numRows); return this; }
  insertRowBefore(beforePosition: number): this { this.record('insertRowBefore'); this.insertRowsAt(beforePosition - 1, 1); return this; }
  insertRowAfter(afterPosition: number): this { this.record('insertRowAfter'); this.insertRowsAt(afterPosition, 1); return this; }
  insertRowsBefore(beforePosition: number, howMany: number): this { this.record('insertRowsBefore'); this.insertRowsAt(beforePosition - 1, howMany); return this; }
  insertRowsAfter(afterPosition: number, howMany: number): this { this.record('insertRowsAfter'); this.insertRowsAt(afterPosition, howMany); return this; }

  insertColumns(columnIndex: number, numColumns = 1): this { this.record('insertColumns'); this.insertColumnsAt(columnIndex - 1, numColumns); return this; }
  insertColumnBefore(beforePosition: number): this { this.record('insertColumnBefore'); this.insertColumnsAt(beforePosition - 1, 1); return this; }
  insertColumnAfter(afterPosition: number): this { this.record('insertColumnAfter'); this.insertColumnsAt(afterPosition, 1); return this; }
  insertColumnsBefore(beforePosition: number, howMany: number): this { this.record('insertColumnsBefore'); this.insertColumnsAt(beforePosition - 1, howMany); return this; }
  insertColumnsAfter(afterPosition: number, howMany: number): this { this.record('insertColumnsAfter'); this.insertColumnsAt(afterPosition, howMany); return this; }

  deleteRow(rowPosition: number): this { this.record('deleteRow'); this.deleteRowsAt(rowPosition - 1, 1); return this; }
  deleteRows(rowPosition: number, howMany: number): this { this.record('deleteRows'); this.deleteRowsAt(rowPosition - 1, howMany); return this; }
  deleteColumn(columnPosition: number): this { this.record('deleteColumn'); this.deleteColumnsAt(columnPosition - 1, 1); return this; }
  deleteColumns(columnPosition: number, howMany: number): this { this.record('deleteColumns'); this.deleteColumnsAt(columnPosition - 1, howMany); return this; }

  // ------------------------------------------------------------ view settings

  setFrozenRows(rows: number): this {
    this.record('setFrozenRows');
    if (rows < 0 || rows >= this.maxRows) throw new Error('You can\'t freeze all visible rows on the sheet.');
    this.frozenRows = rows;
    return this;
  }
  getFrozenRows(): number { this.record('getFrozenRows'); return this.frozenRows; }
  setFrozenColumns(columns: number): this {
    this.record('setFrozenColumns');
    if (columns < 0 || columns >= this.maxColumns) throw new Error('You can\'t freeze all visible columns on the sheet.');
    this.frozenColumns = columns;
    return this;
  }
  getFrozenColumns(): number { this.record('getFrozenColumns'); return this.frozenColumns; }

  hideSheet(): this {
    this.record('hideSheet');
    if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error('You can\'t hide all the sheets in a document.');
    }
    this.hidden = true;
    return this;
  }
  showSheet(): this { this.record('showSheet'); this.hidden = false; return this; }
  isSheetHidden(): boolean { this.record('isSheetHidden'); return this.hidden; }

  setTabColor(color: string | null): this { this.record('setTabColor'); this.tabColor = color ? color.toLowerCase() : null; return this; }
  getTabColor(): string | null { this.record('getTabColor'); return this.tabColor; }

  setColumnWidth(columnPosition: number, width: number): this { this.record('setColumnWidth'); this.columnWidths.set(columnPosition, width); return this; }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.record('setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number { this.record('getColumnWidth'); return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH; }
  /** Text is not measured; columns keep their width but the call is counted. */
  autoResizeColumns(_startColumn: number, _numColumns: number): this { this.record('autoResizeColumns'); return this; }
  autoResizeColumn(_columnPosition: number): this { this.record('autoResizeColumn'); return this; }
  setRowHeight(rowPosition: number, height: number): this { this.record('setRowHeight'); this.rowHeights.set(rowPosition, height); return this; }
  getRowHeight(rowPosition: number): number { this.record('getRowHeight'); return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT; }

  hideColumns(_columnIndex: number, _numColumns?: number): void { this.record('hideColumns'); }
  showColumns(_columnIndex: number, _numColumns?: number): void { this.record('showColumns'); }
  hideRows(_rowIndex: number, _numRows?: number): void { this.record('hideRows'); }
  showRows(_rowIndex: number, _numRows?: number): void { this.record('showRows'); }

  // ------------------------------------------------------------ clearing

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.record('clear');
    const all = { r: 0, c: 0, nr: this.maxRows, nc: this.maxColumns };
    this.assertCanEdit(all);
    if (!options?.formatOnly) this.clearContentRect(all);
    if (!options?.contentsOnly) this.clearFormatRect(all);
    return this;
  }

  clearContents(): this {
    this.record('clearContents');
    const all = { r: 0, c: 0, nr: this.maxRows, nc: this.maxColumns };
    this.assertCanEdit(all);
    this.clearContentRect(all);
    return this;
  }

  clearFormats(): this {
    this.record('clearFormats');
    const all = { r: 0, c: 0, nr: this.maxRows, nc: this.maxColumns };
    this.assertCanEdit(all);
    this.clearFormatRect(all);
    return this;
  }

  // ------------------------------------------------------------ protections, rules, named ranges

  /** Returns the sheet's protection, creating it if the sheet is not yet protected. */
  protect(): FakeProtection {
    this.record('protect');
    if (!this.sheetProtection) {
      this.sheetProtection = new FakeProtection(this, 'SHEET', null);
      this.sheetProtection.editors.add(this.spreadsheet.ctx.effectiveUser.email);
    }
    return this.sheetProtection;
  }

  getProtections(type: ProtectionTypeName): FakeProtection[] {
    this.record('getProtections');
    if (String(type) === 'SHEET') return this.sheetProtection ? [this.sheetProtection] : [];
    return [...this.rangeProtections];
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.record('setConditionalFormatRules');
    this.conditionalRules = rules.map((rule) => {
      for (const range of rule.ranges) {
        if (range.sheet !== this) throw new Error('Conditional format rule ranges must be on the sheet the rule is applied to.');
      }
      return { spec: { ...rule.spec }, rects: rule.ranges.map((range) => range.rect()) };
    });
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.record('getConditionalFormatRules');
    return this.conditionalRules.map((rule) => new FakeConditionalFormatRule({ ...rule.spec }, rule.rects.map((x) => this.rangeAt(x.r, x.c, x.nr, x.nc))));
  }

  clearConditionalFormatRules(): void { this.record('clearConditionalFormatRules'); this.conditionalRules = []; }

  getNamedRanges(): ReturnType<FakeSpreadsheet['namedRangeViews']> {
    this.record('getNamedRanges');
    return this.spreadsheet.namedRangeViews(this);
  }

  /** Sorts rows below the frozen rows by a column (1-based), as Sheet.sort does. */
  sort(columnPosition: number, ascending = true): this {
    this.record('sort');
    const last = this.lastRow();
    if (last > this.frozenRows) {
      this.sortRect({ r: this.frozenRows, c: 0, nr: last - this.frozenRows, nc: this.maxColumns }, { column: columnPosition, ascending });
    }
    return this;
  }

  // ================================================================ emulator internals

  /** A range without validation or metering. 0-based. */
  rangeAt(r: number, c: number, nr: number, nc: number): FakeRange {
    return new FakeRange(this, r, c, nr, nc);
  }

  /** getRange(row, column, numRows, numColumns) with Apps Script's checks and messages. 1-based. */
  rangeChecked(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row - 1, column - 1, numRows, numColumns);
  }

  rangeFromA1(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref) throw new Error('Range not found');
    const row = ref.row ?? 1;
    const column = ref.column ?? 1;
    const endRow = ref.endRow ?? this.maxRows;
    const endColumn = ref.endColumn ?? this.maxColumns;
    const [r0, r1] = row <= endRow ? [row, endRow] : [endRow, row];
    const [c0, c1] = column <= endColumn ? [column, endColumn] : [endColumn, column];
    return this.rangeChecked(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }

  /** Last 1-based row holding a value or formula; 0 when the sheet is empty. */
  lastRow(): number {
    const rows = this.values.rows;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (row && row.some((v) => v !== undefined)) return i + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.values.rows) {
      if (!row) continue;
      for (let j = row.length - 1; j >= last; j--) {
        if (row[j] !== undefined) { last = j + 1; break; }
      }
    }
    return last;
  }

  /**
   * Stores script-written values, applying Sheets' input rules per cell (see values.ts). The
   * caller has checked bounds; this checks protection.
   */
  writeValues(r: number, c: number, data: ReadonlyArray<ReadonlyArray<unknown>>): void {
    const nc = data.length ? data[0].length : 0;
    this.assertCanEdit({ r, c, nr: data.length, nc: Math.max(1, nc) });
    const tz = this.spreadsheet.timeZone;
    const values = this.values;
    const formulas = this.formulas;
    const formats = this.numberFormats;
    for (let i = 0; i < data.length; i++) {
      const input = data[i];
      const ri = r + i;
      let valueRow = values.rows[ri];
      if (!valueRow) { valueRow = []; values.rows[ri] = valueRow; }
      const formulaRow = formulas.rows[ri];
      const formatRow = formats.rows[ri];
      for (let j = 0; j < input.length; j++) {
        const cj = c + j;
        const raw = input[j];
        // Fast path for the common, unambiguous cases (large registers are mostly these).
        if (typeof raw === 'number' && Number.isFinite(raw)) {
          valueRow[cj] = raw;
          if (formulaRow) formulaRow[cj] = undefined;
          continue;
        }
        const coerced = coerceInput(raw, formatRow ? formatRow[cj] : undefined, tz);
        valueRow[cj] = coerced.value;
        if (coerced.formula !== undefined) formulas.set(ri, cj, coerced.formula);
        else if (formulaRow) formulaRow[cj] = undefined;
        if (coerced.inferredFormat && !(formatRow && formatRow[cj])) formats.set(ri, cj, coerced.inferredFormat);
      }
    }
  }

  userMayEdit(rect: AnchoredRect, email: string): boolean {
    if (this.sheetProtection?.blocks(rect, email)) return false;
    return !this.rangeProtections.some((p) => p.blocks(rect, email));
  }

  assertCanEdit(rect: AnchoredRect): void {
    if (!this.userMayEdit(rect, this.spreadsheet.ctx.effectiveUser.email)) throw new Error(PROTECTED_EDIT_MESSAGE);
  }

  private assertCanChangeStructure(): void {
    this.assertCanEdit({ r: 0, c: 0, nr: this.maxRows, nc: this.maxColumns });
  }

  private contentLayers(): Array<Layer<unknown>> {
    return [this.values, this.formulas] as Array<Layer<unknown>>;
  }

  private formatLayers(): Array<Layer<unknown>> {
    return [this.numberFormats, this.backgrounds, this.fontColors, this.fontWeights, this.fontStyles, this.fontSizes,
      this.wraps, this.horizontalAlignments, this.verticalAlignments] as Array<Layer<unknown>>;
  }

  allLayers(): Array<Layer<unknown>> {
    return [...this.contentLayers(), ...this.formatLayers(), this.notes, this.validations] as Array<Layer<unknown>>;
  }

  clearContentRect(x: AnchoredRect): void {
    for (const layer of this.contentLayers()) layer.fill(x.r, x.c, x.nr, x.nc, undefined);
  }

  clearFormatRect(x: AnchoredRect): void {
    for (const layer of this.formatLayers()) layer.fill(x.r, x.c, x.nr, x.nc, undefined);
  }

  /** Every rectangle that must follow inserted/deleted rows or columns. */
  private anchoredRects(): AnchoredRect[] {
    const rects: AnchoredRect[] = [...this.merges];
    for (const p of this.rangeProtections) if (p.rect) rects.push(p.rect);
    if (this.sheetProtection) rects.push(...this.sheetProtection.unprotected);
    for (const rule of this.conditionalRules) rects.push(...rule.rects);
    rects.push(...this.spreadsheet.namedRangeRects(this));
    return rects;
  }

  insertRowsAt(at: number, n: number): void {
    if (at < 0 || at > this.maxRows) throw new Error('Those rows are out of bounds.');
    this.assertCanChangeStructure();
    for (const layer of this.allLayers()) layer.insertRows(at, n);
    for (const rect of this.anchoredRects()) shiftForInsert(rect, 'rows', at, n);
    this.maxRows += n;
  }

  insertColumnsAt(at: number, n: number): void {
    if (at < 0 || at > this.maxColumns) throw new Error('Those columns are out of bounds.');
    this.assertCanChangeStructure();
    for (const layer of this.allLayers()) layer.insertColumns(at, n);
    for (const rect of this.anchoredRects()) shiftForInsert(rect, 'columns', at, n);
    this.maxColumns += n;
  }

  deleteRowsAt(at: number, n: number): void {
    if (at < 0 || n < 1 || at + n > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (this.maxRows - n <= this.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.assertCanChangeStructure();
    for (const layer of this.allLayers()) layer.deleteRows(at, n);
    this.dropDeleted('rows', at, n);
    this.maxRows -= n;
  }

  deleteColumnsAt(at: number, n: number): void {
    if (at < 0 || n < 1 || at + n > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (n >= this.maxColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    this.assertCanChangeStructure();
    for (const layer of this.allLayers()) layer.deleteColumns(at, n);
    this.dropDeleted('columns', at, n);
    this.maxColumns -= n;
  }

  /** Shifts anchored rectangles after a deletion and drops those whose cells all went. */
  private dropDeleted(axis: 'rows' | 'columns', at: number, n: number): void {
    this.merges = this.merges.filter((m) => shiftForDelete(m, axis, at, n));
    for (let i = this.rangeProtections.length - 1; i >= 0; i--) {
      const p = this.rangeProtections[i];
      if (p.rect && !shiftForDelete(p.rect, axis, at, n)) { p.removed = true; this.rangeProtections.splice(i, 1); }
    }
    if (this.sheetProtection) this.sheetProtection.unprotected = this.sheetProtection.unprotected.filter((u) => shiftForDelete(u, axis, at, n));
    this.conditionalRules = this.conditionalRules
      .map((rule) => ({ ...rule, rects: rule.rects.filter((x) => shiftForDelete(x, axis, at, n)) }))
      .filter((rule) => rule.rects.length > 0);
    this.spreadsheet.shiftNamedRangesForDelete(this, axis, at, n);
  }

  addRangeProtection(rect: AnchoredRect): FakeProtection {
    const p = new FakeProtection(this, 'RANGE', { ...rect });
    p.editors.add(this.spreadsheet.ctx.effectiveUser.email);
    this.rangeProtections.push(p);
    return p;
  }

  removeProtection(p: FakeProtection): void {
    if (this.sheetProtection === p) this.sheetProtection = null;
    const i = this.rangeProtections.indexOf(p);
    if (i >= 0) this.rangeProtections.splice(i, 1);
  }

  addMerge(rect: AnchoredRect): void {
    if (this.merges.some((m) => intersects(m, rect))) {
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    }
    if (rect.nr * rect.nc > 1) this.merges.push({ ...rect });
  }

  breakMerges(rect: AnchoredRect): void {
    this.merges = this.merges.filter((m) => !intersects(m, rect));
  }

  mergesIntersecting(rect: AnchoredRect): AnchoredRect[] {
    return this.merges.filter((m) => intersects(m, rect));
  }

  copyRect(src: AnchoredRect, dest: FakeSheet, r: number, c: number, options: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    const layers: Array<[Layer<unknown>, Layer<unknown>]> = [];
    const mine = this.allLayers();
    const theirs = dest.allLayers();
    const contentCount = this.contentLayers().length;
    const formatCount = this.formatLayers().length;
    mine.forEach((layer, k) => {
      const isContent = k < contentCount;
      const isFormat = k >= contentCount && k < contentCount + formatCount;
      if (options.contentsOnly && !isContent) return;
      if (options.formatOnly && !isFormat) return;
      layers.push([layer, theirs[k]]);
    });
    if (r + src.nr > dest.maxRows || c + src.nc > dest.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    dest.assertCanEdit({ r, c, nr: src.nr, nc: src.nc });
    for (const [from, to] of layers) {
      const snapshot: unknown[][] = [];
      for (let i = 0; i < src.nr; i++) {
        const row: unknown[] = [];
        for (let j = 0; j < src.nc; j++) {
          const v = from.get(src.r + i, src.c + j);
          row.push(v instanceof Date ? new Date(v.getTime()) : v);
        }
        snapshot.push(row);
      }
      for (let i = 0; i < src.nr; i++) for (let j = 0; j < src.nc; j++) to.set(r + i, c + j, snapshot[i][j]);
    }
  }

  sortRect(rect: AnchoredRect, spec: SortSpec | SortSpec[]): void {
    this.assertCanEdit(rect);
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) => (typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending ?? true }));
    const layers = this.allLayers();
    // Take each row's slice across every layer, sort the rows, write them back.
    const rows = Array.from({ length: rect.nr }, (_, i) => layers.map((layer) => Array.from({ length: rect.nc }, (_u, j) => layer.get(rect.r + i, rect.c + j))));
    const rank = (v: unknown): number => (v === undefined ? 3 : typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'boolean' ? 2 : 1);
    rows.sort((a, b) => {
      for (const s of specs) {
        const j = s.column - 1 - rect.c;
        const va = a[0][j];
        const vb = b[0][j];
        // Empty cells always sort last, whatever the direction.
        if (va === undefined || vb === undefined) {
          if (va === vb) continue;
          return va === undefined ? 1 : -1;
        }
        let cmp = rank(va) - rank(vb);
        if (cmp === 0) {
          const na = va instanceof Date ? va.getTime() : va;
          const nb = vb instanceof Date ? vb.getTime() : vb;
          cmp = typeof na === 'string' && typeof nb === 'string' ? na.localeCompare(nb, 'en-GB', { sensitivity: 'base' }) : na === nb ? 0 : (na as number) < (nb as number) ? -1 : 1;
        }
        if (cmp !== 0) return s.ascending ? cmp : -cmp;
      }
      return 0;
    });
    rows.forEach((row, i) => layers.forEach((layer, k) => row[k].forEach((v, j) => layer.set(rect.r + i, rect.c + j, v))));
  }
}
