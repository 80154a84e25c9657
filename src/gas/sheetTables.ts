/**
 * The register's sheets through SpreadsheetApp, addressed by table and header.
 *
 * Costs are fixed per call whatever the size of the sheet: the sheet is found by the id kept in
 * document properties (so a renamed sheet is still found), its header row is read once per
 * execution, and every read or write is one batched Range call.
 */
import type { ColumnSpec, TableSpec } from '../domain/schema/types';
import { normaliseHeader } from '../domain/schema/types';
import { fromCell, textForCell, toCell, type RawCell } from '../domain/cells';
import { UserFacingError } from '../domain/errors';
import type {
  CellValue,
  DocumentState,
  EnsureTableOptions,
  EnsureTableReport,
  RawRows,
  RowChange,
  RowValues,
  StoredRow,
  TableStore,
} from '../ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every protection the add-on makes starts with this, so repair can find and replace its own. */
export const PROTECTION_PREFIX = 'Health Needs Register:';

const HEADER_BACKGROUND = '#e8eaed';
const COMPUTED_BACKGROUND = '#f1f3f4';

interface Handle {
  readonly sheet: Sheet;
  /** Column key → 1-based column number. */
  readonly columns: Map<string, number>;
  /** Header row as it stands on the sheet (including staff's own columns). */
  readonly headers: string[];
}

export class SheetTableStore implements TableStore {
  private readonly handles = new Map<string, Handle>();

  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly state: DocumentState,
  ) {}

  // ---------------------------------------------------------------- reads

  readAll(spec: TableSpec): StoredRow[] {
    const cached = this.handles.get(spec.key);
    if (cached) {
      const lastRow = cached.sheet.getLastRow();
      if (lastRow < 2) return [];
      const values = cached.sheet.getSheetValues(2, 1, lastRow - 1, cached.headers.length) as RawCell[][];
      return this.toStoredRows(spec, cached, values, 2);
    }
    // Not yet known this execution: one read gives both the header and the data.
    const sheet = this.requireSheet(spec);
    const all = sheet.getDataRange().getValues() as RawCell[][];
    const handle = this.remember(spec, sheet, all[0] ?? []);
    return this.toStoredRows(spec, handle, all.slice(1), 2);
  }

  readRaw(spec: TableSpec, columnKeys: readonly string[]): RawRows {
    const pick = (handle: Handle, block: RawCell[][], left: number): RawCell[][] => {
      const at = columnKeys.map((key) => (handle.columns.get(key) ?? 0) - left);
      // The block itself when it is exactly the columns asked for, in order (no copy per row).
      if (at.every((p, i) => p === i) && block.every((row) => row.length === at.length)) return block;
      return block.map((row) => at.map((p) => (p >= 0 ? row[p] : '')));
    };
    const cached = this.handles.get(spec.key);
    if (!cached) {
      // Not yet known this execution: one read gives both the header and the data (as readAll).
      const sheet = this.requireSheet(spec);
      const all = sheet.getDataRange().getValues() as RawCell[][];
      const handle = this.remember(spec, sheet, all[0] ?? []);
      return { firstRow: 2, rows: pick(handle, all.slice(1), 1) };
    }
    const columns = columnKeys.map((key) => cached.columns.get(key)).filter((c): c is number => c !== undefined);
    const lastRow = cached.sheet.getLastRow();
    if (lastRow < 2 || columns.length === 0) return { firstRow: 2, rows: [] };
    const left = Math.min(...columns);
    const right = Math.max(...columns);
    return { firstRow: 2, rows: pick(cached, cached.sheet.getSheetValues(2, left, lastRow - 1, right - left + 1) as RawCell[][], left) };
  }

  readColumn(spec: TableSpec, columnKey: string, options?: { readonly upToRow?: number }): Array<{ rowNumber: number; value: CellValue }> {
    const handle = this.handle(spec);
    const column = handle.columns.get(columnKey);
    if (!column) return [];
    const type = columnSpec(spec, columnKey).type;
    const upTo = Math.floor(options?.upToRow ?? 0);
    if (upTo >= 2) {
      // Sized by the caller, so the sheet is not asked its last row (a round trip). Rows past the
      // last are blank; a sheet now smaller than that (rows deleted) is read as usual instead.
      try {
        const values = handle.sheet.getSheetValues(2, column, upTo - 1, 1) as RawCell[][];
        return values.map((row, i) => ({ rowNumber: i + 2, value: fromCell(type, row[0]) }));
      } catch {
        // Outside the sheet's dimensions: fall through.
      }
    }
    const lastRow = handle.sheet.getLastRow();
    if (lastRow < 2) return [];
    const values = handle.sheet.getSheetValues(2, column, lastRow - 1, 1) as RawCell[][];
    return values.map((row, i) => ({ rowNumber: i + 2, value: fromCell(type, row[0]) }));
  }

  readColumns(spec: TableSpec, columnKeys: readonly string[]): StoredRow[] {
    const handle = this.handle(spec);
    const wanted = columnKeys.flatMap((key) => {
      const column = handle.columns.get(key);
      return column ? [{ key, column, type: columnSpec(spec, key).type }] : [];
    });
    const lastRow = handle.sheet.getLastRow();
    if (lastRow < 2 || wanted.length === 0) return [];
    const left = Math.min(...wanted.map((w) => w.column));
    const right = Math.max(...wanted.map((w) => w.column));
    const values = handle.sheet.getSheetValues(2, left, lastRow - 1, right - left + 1) as RawCell[][];
    return values.map((row, i) => ({
      rowNumber: i + 2,
      values: Object.fromEntries(wanted.map((w) => [w.key, fromCell(w.type, row[w.column - left])])) as RowValues,
    }));
  }

  readRows(spec: TableSpec, rowNumbers: readonly number[]): StoredRow[] {
    if (rowNumbers.length === 0) return [];
    const handle = this.handle(spec);
    const first = Math.min(...rowNumbers);
    const last = Math.max(...rowNumbers);
    if (first < 2) throw new Error(`Row ${first} is the header of ${spec.title}`);
    const values = handle.sheet.getSheetValues(first, 1, last - first + 1, handle.headers.length) as RawCell[][];
    const wanted = new Set(rowNumbers);
    return values
      .map((row, i) => ({ rowNumber: first + i, values: this.rowValues(spec, handle, row) }))
      .filter((r) => wanted.has(r.rowNumber));
  }

  readTail(spec: TableSpec, count: number): StoredRow[] {
    const handle = this.handle(spec);
    const lastRow = handle.sheet.getLastRow();
    if (lastRow < 2 || count <= 0) return [];
    const first = Math.max(2, lastRow - count + 1);
    const values = handle.sheet.getSheetValues(first, 1, lastRow - first + 1, handle.headers.length) as RawCell[][];
    return this.toStoredRows(spec, handle, values, first);
  }

  readAfter(spec: TableSpec, afterRow: number, maxCount: number): StoredRow[] {
    const handle = this.handle(spec);
    const lastRow = handle.sheet.getLastRow();
    const first = Math.max(2, afterRow + 1);
    const last = Math.min(lastRow, first + maxCount - 1);
    if (maxCount <= 0 || last < first) return [];
    const values = handle.sheet.getSheetValues(first, 1, last - first + 1, handle.headers.length) as RawCell[][];
    return this.toStoredRows(spec, handle, values, first);
  }

  // ---------------------------------------------------------------- writes

  append(spec: TableSpec, rows: readonly RowValues[], options?: { readonly rowNumbers?: boolean }): number[] {
    if (rows.length === 0) return [];
    const handle = this.handle(spec);
    const cells = rows.map((row) => this.toSheetRow(spec, handle, row));
    if (cells.length === 1) {
      // appendRow is atomic against other appends and grows the sheet by itself.
      handle.sheet.appendRow(cells[0]);
      return options?.rowNumbers === false ? [] : [handle.sheet.getLastRow()];
    }
    const lastRow = handle.sheet.getLastRow();
    // Always insert the rows written (one call), rather than asking the sheet's size and
    // inserting only when it is full: the same calls whether the sheet has room or not.
    handle.sheet.insertRowsAfter(Math.max(1, lastRow), cells.length);
    handle.sheet.getRange(lastRow + 1, 1, cells.length, handle.headers.length).setValues(cells);
    return cells.map((_, i) => lastRow + 1 + i);
  }

  update(spec: TableSpec, changes: readonly RowChange[]): void {
    const handle = this.handle(spec);
    const cellChanges: Array<{ row: number; column: number; value: RawCell }> = [];
    for (const change of changes) {
      for (const [key, value] of Object.entries(change.values)) {
        const column = handle.columns.get(key);
        if (!column || value === undefined) continue;
        cellChanges.push({ row: change.rowNumber, column, value: toCell(columnSpec(spec, key).type, value) });
      }
    }
    if (cellChanges.length === 0) return;
    const runs = contiguousRuns(cellChanges);
    if (runs.length <= 3) {
      // A few runs (the usual single-case change): write each directly, no read needed.
      for (const run of runs) handle.sheet.getRange(run.row, run.column, 1, run.values.length).setValues([run.values]);
      return;
    }
    // Many scattered cells (the daily check): one read and one write of their bounding box.
    // Cells in the box that are not changing are written back as they were: formulas as
    // formulas and text as text, so nothing a person typed is altered.
    const top = Math.min(...cellChanges.map((c) => c.row));
    const bottom = Math.max(...cellChanges.map((c) => c.row));
    const left = Math.min(...cellChanges.map((c) => c.column));
    const right = Math.max(...cellChanges.map((c) => c.column));
    const range = handle.sheet.getRange(top, left, bottom - top + 1, right - left + 1);
    const values = range.getValues() as RawCell[][];
    const formulas = range.getFormulas();
    const box: RawCell[][] = values.map((row, r) =>
      row.map((cell, c) => (formulas[r][c] ? formulas[r][c] : typeof cell === 'string' ? textForCell(cell) : cell)),
    );
    for (const c of cellChanges) box[c.row - top][c.column - left] = c.value;
    range.setValues(box);
  }

  replaceAll(spec: TableSpec, rows: readonly RowValues[]): void {
    const handle = this.handle(spec);
    const lastRow = handle.sheet.getLastRow();
    const cells = rows.map((row) => this.toSheetRow(spec, handle, row));
    const width = handle.headers.length;
    // Pad with blank rows so one write both replaces and clears what was there.
    const oldCount = Math.max(0, lastRow - 1);
    while (cells.length < oldCount) cells.push(new Array(width).fill(''));
    if (cells.length === 0) return;
    this.ensureRows(handle.sheet, cells.length + 1);
    handle.sheet.getRange(2, 1, cells.length, width).setValues(cells);
  }

  deleteRows(spec: TableSpec, rowNumbers: readonly number[]): void {
    const handle = this.handle(spec);
    const sorted = [...new Set(rowNumbers)].filter((r) => r >= 2).sort((a, b) => b - a);
    let i = 0;
    while (i < sorted.length) {
      // Group consecutive rows into one deleteRows call, highest first so numbers stay valid.
      let start = sorted[i];
      let count = 1;
      while (i + count < sorted.length && sorted[i + count] === start - 1) {
        start -= 1;
        count += 1;
      }
      handle.sheet.deleteRows(start, count);
      i += count;
    }
  }

  sheetUrl(spec: TableSpec): string {
    const sheet = this.requireSheet(spec);
    return `${this.spreadsheet.getUrl()}#gid=${sheet.getSheetId()}`;
  }

  removeEmptySheet(name: string): boolean {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet || this.spreadsheet.getSheets().length < 2) return false;
    const ours = new Set(Object.entries(this.state.getAll()).filter(([k]) => k.startsWith('sheet.')).map(([, v]) => v));
    if (ours.has(String(sheet.getSheetId())) || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return false;
    this.spreadsheet.deleteSheet(sheet);
    return true;
  }

  // ---------------------------------------------------------------- setup and repair

  ensure(spec: TableSpec, options: EnsureTableOptions): EnsureTableReport {
    let sheet = this.findSheet(spec);
    const created = !sheet;
    if (!sheet) {
      sheet = this.spreadsheet.insertSheet(spec.title);
      if (spec.tabColour) sheet.setTabColor(spec.tabColour);
    }
    const id = String(sheet.getSheetId());
    if (this.state.get(sheetIdKey(spec)) !== id) this.state.set({ [sheetIdKey(spec)]: id });

    // Header: keep what is there (staff's order and own columns), add what is missing at the end.
    const lastColumn = sheet.getLastColumn();
    const existing = lastColumn > 0 ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as RawCell[]).map((h) => String(h ?? '')) : [];
    const known = new Map(existing.map((h, i) => [normaliseHeader(h), i]));
    const headers = [...existing];
    const addedColumns: string[] = [];
    for (const col of spec.columns) {
      if (!known.has(normaliseHeader(col.header))) {
        headers.push(col.header);
        known.set(normaliseHeader(col.header), headers.length - 1);
        if (!created) addedColumns.push(col.header);
      }
    }
    const specHeaders = new Set(spec.columns.map((c) => normaliseHeader(c.header)));
    const extraColumns = existing.filter((h) => h.trim() !== '' && !specHeaders.has(normaliseHeader(h)));
    if (sheet.getMaxColumns() < headers.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());

    const headerRange = sheet.getRange(1, 1, 1, headers.length);
    headerRange.setValues([headers]);
    headerRange.setFontWeight('bold');
    headerRange.setNotes([headers.map((h) => spec.columns.find((c) => normaliseHeader(c.header) === normaliseHeader(h))?.note ?? '')]);
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);

    const handle = this.remember(spec, sheet, headers);
    this.applyColumnRules(spec, handle, options);
    this.applyProtections(spec, handle, options.editors);
    this.applyHighlights(spec, handle);

    if (created && spec.hidden) sheet.hideSheet();
    if (options.seedRows && options.seedRows.length > 0 && sheet.getLastRow() < 2) this.append(spec, options.seedRows);

    return { table: spec.key, sheetName: sheet.getName(), created, addedColumns, extraColumns };
  }

  protect(spec: TableSpec, editors: readonly string[]): void {
    if (!spec.appendOnly && !spec.coordinatorsOnly && !spec.columns.some((c) => c.computed)) return;
    this.applyProtections(spec, this.handle(spec), editors);
  }

  /** Number formats, dropdowns, checkboxes and shading, one batched call each over the data rows. */
  private applyColumnRules(spec: TableSpec, handle: Handle, options: EnsureTableOptions): void {
    const sheet = handle.sheet;
    const dataRows = Math.max(1, sheet.getMaxRows() - 1);
    const width = handle.headers.length;
    const formats: string[][] = [];
    const validations: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> = [];
    const backgrounds: Array<Array<string | null>> = [];
    const columnRule: Array<{ format: string; validation: GoogleAppsScript.Spreadsheet.DataValidation | null; background: string | null }> = [];
    for (let c = 1; c <= width; c += 1) {
      const col = spec.columns.find((s) => handle.columns.get(s.key) === c);
      columnRule.push(col ? this.ruleFor(spec, col, options) : { format: '', validation: null, background: null });
    }
    const existingFormats = sheet.getRange(2, 1, dataRows, width).getNumberFormats();
    for (let r = 0; r < dataRows; r += 1) {
      formats.push(columnRule.map((rule, c) => rule.format || existingFormats[r][c]));
      validations.push(columnRule.map((rule) => rule.validation));
      backgrounds.push(columnRule.map((rule) => rule.background));
    }
    const data = sheet.getRange(2, 1, dataRows, width);
    data.setNumberFormats(formats);
    data.setDataValidations(validations);
    data.setBackgrounds(backgrounds);
    sheet.getRange(1, 1, 1, width).setBackground(HEADER_BACKGROUND);
  }

  private ruleFor(spec: TableSpec, col: ColumnSpec, options: EnsureTableOptions) {
    const background = col.computed ? COMPUTED_BACKGROUND : null;
    let validation: GoogleAppsScript.Spreadsheet.DataValidation | null = null;
    let format = '@';
    switch (col.type) {
      case 'date':
        format = 'ddd d mmm yyyy';
        validation = SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false)
          .setHelpText(`${col.header}: enter a date, for example 07/09/2026.`).build();
        break;
      case 'dateTime':
        format = 'd mmm yyyy, hh:mm';
        break;
      case 'number':
        format = '0';
        break;
      case 'boolean':
        format = '';
        validation = SpreadsheetApp.newDataValidation().requireCheckbox().build();
        break;
      case 'email':
        validation = SpreadsheetApp.newDataValidation().requireTextIsEmail().setAllowInvalid(true)
          .setHelpText(`${col.header}: an email address.`).build();
        break;
      default:
        break;
    }
    if (col.list && spec.key !== options.lists.key) {
      const lists = this.handle(options.lists);
      const listColumn = lists.columns.get(col.list);
      if (listColumn) {
        const source = lists.sheet.getRange(2, listColumn, Math.max(1, lists.sheet.getMaxRows() - 1), 1);
        validation = SpreadsheetApp.newDataValidation().requireValueInRange(source, true).setAllowInvalid(false)
          .setHelpText(`${col.header}: choose from the list. Coordinators can add values on the "${lists.sheet.getName()}" sheet.`).build();
      }
    }
    return { format, validation, background };
  }

  private applyProtections(spec: TableSpec, handle: Handle, editors: readonly string[]): void {
    const sheet = handle.sheet;
    // Replace the add-on's own protections (columns may have moved); never touch the school's.
    for (const p of [...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET), ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)]) {
      if (p.getDescription().startsWith(PROTECTION_PREFIX)) p.remove();
    }
    const allowed = [...new Set(editors.filter((e) => e))];
    const restrict = (p: GoogleAppsScript.Spreadsheet.Protection) => {
      if (allowed.length) p.addEditors(allowed);
      const others = p.getEditors().map((u) => u.getEmail()).filter((e) => !allowed.includes(e));
      if (others.length) p.removeEditors(others);
      if (p.canDomainEdit()) p.setDomainEdit(false);
    };
    if (spec.coordinatorsOnly) {
      restrict(sheet.protect().setDescription(`${PROTECTION_PREFIX} changed by coordinators only`));
      return;
    }
    if (spec.appendOnly) {
      const p = sheet.protect().setDescription(`${PROTECTION_PREFIX} written by the add-on only`);
      restrict(p);
      return;
    }
    for (const col of spec.columns.filter((c) => c.computed)) {
      const column = handle.columns.get(col.key);
      if (!column) continue;
      const p = sheet.getRange(1, column, sheet.getMaxRows(), 1).protect()
        .setDescription(`${PROTECTION_PREFIX} "${col.header}" is worked out by the add-on`);
      restrict(p);
    }
  }

  private applyHighlights(spec: TableSpec, handle: Handle): void {
    if (!spec.highlights?.length) return;
    const sheet = handle.sheet;
    const width = handle.headers.length;
    const rows = Math.max(1, sheet.getMaxRows() - 1);
    const whole = sheet.getRange(2, 1, rows, width);
    const ours = spec.highlights.flatMap((h) => {
      const column = handle.columns.get(h.column);
      if (!column) return [];
      const cell = `$${columnLetter(column)}2`;
      const formula = 'notEmpty' in h.when
        ? `=LEN(${cell})>0`
        : 'startsWith' in h.when
          ? `=LEFT(${cell},${h.when.startsWith.length})="${h.when.startsWith.replace(/"/g, '""')}"`
          : `=AND(ISNUMBER(${cell}),${cell}>=${h.when.atLeast})`;
      return [SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(h.background).setRanges([whole]).build()];
    });
    // Keep rules the school added; ours are the ones covering the whole data area from A2.
    const theirs = sheet.getConditionalFormatRules().filter((rule) => !rule.getRanges().some((r) => r.getRow() === 2 && r.getColumn() === 1));
    sheet.setConditionalFormatRules([...ours, ...theirs]);
  }

  // ---------------------------------------------------------------- helpers

  private findSheet(spec: TableSpec): Sheet | null {
    const id = this.state.get(sheetIdKey(spec));
    if (id) {
      const byId = this.spreadsheet.getSheetById(Number(id));
      if (byId) return byId;
    }
    return this.spreadsheet.getSheetByName(spec.title);
  }

  private requireSheet(spec: TableSpec): Sheet {
    const cached = this.handles.get(spec.key);
    if (cached) return cached.sheet;
    const sheet = this.findSheet(spec);
    if (!sheet) {
      throw new UserFacingError(
        `The "${spec.title}" sheet is missing. Choose Extensions › Health Needs Register › Set up / repair register to create it again; nothing already recorded elsewhere is lost.`,
      );
    }
    return sheet;
  }

  private handle(spec: TableSpec): Handle {
    const cached = this.handles.get(spec.key);
    if (cached) return cached;
    const sheet = this.requireSheet(spec);
    return this.remember(spec, sheet, readHeader(sheet, spec));
  }

  private remember(spec: TableSpec, sheet: Sheet, headerRow: readonly RawCell[]): Handle {
    const headers = headerRow.map((h) => String(h ?? ''));
    const positions = new Map<string, number>();
    headers.forEach((h, i) => {
      const norm = normaliseHeader(h);
      if (norm && !positions.has(norm)) positions.set(norm, i + 1);
    });
    const columns = new Map<string, number>();
    const missing: string[] = [];
    for (const col of spec.columns) {
      const at = positions.get(normaliseHeader(col.header));
      if (at) columns.set(col.key, at);
      else if (col.required) missing.push(col.header);
    }
    if (missing.length > 0) {
      const list = missing.map((m) => `"${m}"`).join(', ');
      throw new UserFacingError(
        `The "${sheet.getName()}" sheet has no ${list} column${missing.length > 1 ? 's' : ''}. ` +
          `Rename the column back, or choose Extensions › Health Needs Register › Set up / repair register to add ${missing.length > 1 ? 'them' : 'it'} again.`,
      );
    }
    const handle: Handle = { sheet, columns, headers };
    this.handles.set(spec.key, handle);
    return handle;
  }

  private toStoredRows(spec: TableSpec, handle: Handle, values: RawCell[][], firstRow: number): StoredRow[] {
    // Each column's place and type found once, not per cell: a log of 100,000 rows is converted here.
    const columns = spec.columns.map((col) => ({ key: col.key, type: col.type, index: (handle.columns.get(col.key) ?? 0) - 1 }));
    const out: StoredRow[] = [];
    for (let i = 0; i < values.length; i++) {
      const row = values[i];
      if (isBlankRow(row)) continue;
      const rowValues: RowValues = {};
      for (const col of columns) rowValues[col.key] = col.index >= 0 ? fromCell(col.type, row[col.index]) : '';
      out.push({ rowNumber: firstRow + i, values: rowValues });
    }
    return out;
  }

  private rowValues(spec: TableSpec, handle: Handle, row: readonly RawCell[]): RowValues {
    const values: RowValues = {};
    for (const col of spec.columns) {
      const at = handle.columns.get(col.key);
      values[col.key] = at ? fromCell(col.type, row[at - 1]) : '';
    }
    return values;
  }

  private toSheetRow(spec: TableSpec, handle: Handle, row: RowValues): RawCell[] {
    const cells: RawCell[] = new Array(handle.headers.length).fill('');
    for (const col of spec.columns) {
      const at = handle.columns.get(col.key);
      if (at) cells[at - 1] = toCell(col.type, row[col.key]);
    }
    return cells;
  }

  private ensureRows(sheet: Sheet, lastRowNeeded: number): void {
    const max = sheet.getMaxRows();
    if (max < lastRowNeeded) sheet.insertRowsAfter(max, lastRowNeeded - max);
  }
}

/**
 * The header row, read afresh every execution (staff may reorder, rename or add columns at any
 * time, so a header kept from an earlier execution could put values under the wrong heading).
 * Usually one call: the first row as wide as the table's own columns. When that does not show
 * every column of the table (staff inserted columns among ours, or the sheet is narrower), the
 * whole first row is read instead (two calls).
 */
function readHeader(sheet: Sheet, spec: TableSpec): RawCell[] {
  const width = spec.columns.length;
  try {
    const row = sheet.getSheetValues(1, 1, 1, width)[0] as RawCell[];
    const found = new Set(row.map((h) => normaliseHeader(String(h ?? ''))));
    if (spec.columns.every((c) => found.has(normaliseHeader(c.header)))) return trimTrailingBlanks(row);
  } catch {
    // Fewer columns than the table has: the whole row below says what is there.
  }
  return trimTrailingBlanks(sheet.getRange('1:1').getValues()[0] as RawCell[]);
}

/** Blank header cells after the last heading are dropped, so the table is as wide as its headings. */
function trimTrailingBlanks(row: RawCell[]): RawCell[] {
  let width = row.length;
  while (width > 1 && (row[width - 1] === '' || row[width - 1] === null || row[width - 1] === undefined)) width -= 1;
  return row.slice(0, width);
}

export function sheetIdKey(spec: TableSpec): string {
  return `sheet.${spec.key}`;
}

function columnSpec(spec: TableSpec, key: string): ColumnSpec {
  const col = spec.columns.find((c) => c.key === key);
  if (!col) throw new Error(`Table ${spec.key} has no column ${key}`);
  return col;
}

/** Groups cell changes into horizontal runs of adjacent columns in the same row. */
function contiguousRuns(changes: ReadonlyArray<{ row: number; column: number; value: RawCell }>) {
  const sorted = [...changes].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: Array<{ row: number; column: number; values: RawCell[] }> = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.column + last.values.length === c.column) last.values.push(c.value);
    else if (last && last.row === c.row && last.column + last.values.length - 1 === c.column) last.values[last.values.length - 1] = c.value;
    else runs.push({ row: c.row, column: c.column, values: [c.value] });
  }
  return runs;
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function isBlankRow(row: readonly RawCell[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell !== '' && cell !== null && cell !== undefined) return false;
  }
  return true;
}
