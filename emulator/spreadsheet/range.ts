/**
 * A Range is a fixed rectangle on a sheet (it does not move when rows are inserted, as in Apps
 * Script). All storage lives in the sheet's layers; this class validates input, charges the meter
 * and translates between the 1-based API and 0-based storage.
 */
import { runtimeFor } from '../runtime';
import type { AnchoredRect, Layer } from './grid';
import { FakeDataValidation } from './dataValidation';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import { DEFAULT_NUMBER_FORMAT, displayValue, toA1, type CellValue } from './values';

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';

/** Sheets returns colours as lowercase hex; named CSS colours are resolved. */
const NAMED_COLOURS: Record<string, string> = {
  white: '#ffffff', black: '#000000', red: '#ff0000', green: '#00ff00', blue: '#0000ff', yellow: '#ffff00',
  orange: '#ffa500', grey: '#808080', gray: '#808080', purple: '#800080', pink: '#ffc0cb',
};

export function normaliseColour(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const lower = color.toLowerCase();
  return NAMED_COLOURS[lower] ?? lower;
}


export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    /** 0-based top row. */
    readonly r: number,
    /** 0-based left column. */
    readonly c: number,
    readonly nr: number,
    readonly nc: number,
  ) {}

  private record(method: string, cells = 0): void {
    this.sheet.spreadsheet.record(`Range.${method}`, cells);
  }

  private get cells(): number {
    return this.nr * this.nc;
  }

  rect(): AnchoredRect {
    return { r: this.r, c: this.c, nr: this.nr, nc: this.nc };
  }

  /** Reads one layer as a 2-D array, substituting `fallback` for unset cells. */
  private readLayer<T, U>(layer: Layer<T>, map: (v: T | undefined) => U): U[][] {
    const out: U[][] = new Array(this.nr);
    for (let i = 0; i < this.nr; i++) {
      const row = layer.rows[this.r + i];
      const o: U[] = new Array(this.nc);
      for (let j = 0; j < this.nc; j++) o[j] = map(row ? row[this.c + j] : undefined);
      out[i] = o;
    }
    return out;
  }

  private writeLayer<T>(layer: Layer<T>, grid: ReadonlyArray<ReadonlyArray<T | null | undefined>>, map: (v: T | null | undefined) => T | undefined = (v) => v ?? undefined): void {
    this.sheet.assertCanEdit(this.rect());
    for (let i = 0; i < this.nr; i++) for (let j = 0; j < this.nc; j++) layer.set(this.r + i, this.c + j, map(grid[i][j]));
  }

  private fillLayer<T>(layer: Layer<T>, v: T | undefined): void {
    this.sheet.assertCanEdit(this.rect());
    layer.fill(this.r, this.c, this.nr, this.nc, v);
  }

  /** The exact errors Apps Script raises when a 2-D array does not fit the range. */
  private checkDimensions(data: unknown): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw new Error('The parameters (number[]) don\'t match the method signature for SpreadsheetApp.Range.setValues.');
    }
    if (data.length !== this.nr) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.nr}.`);
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this.nc) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.nc}.`);
      }
    }
  }

  // ------------------------------------------------------------ geometry

  getRow(): number { this.record('getRow'); return this.r + 1; }
  getRowIndex(): number { this.record('getRowIndex'); return this.r + 1; }
  getColumn(): number { this.record('getColumn'); return this.c + 1; }
  getNumRows(): number { this.record('getNumRows'); return this.nr; }
  getNumColumns(): number { this.record('getNumColumns'); return this.nc; }
  getHeight(): number { this.record('getHeight'); return this.nr; }
  getWidth(): number { this.record('getWidth'); return this.nc; }
  getLastRow(): number { this.record('getLastRow'); return this.r + this.nr; }
  getLastColumn(): number { this.record('getLastColumn'); return this.c + this.nc; }
  getA1Notation(): string { this.record('getA1Notation'); return toA1(this.r + 1, this.c + 1, this.nr, this.nc); }
  getSheet(): FakeSheet { this.record('getSheet'); return this.sheet; }
  getGridId(): number { this.record('getGridId'); return this.sheet.sheetId; }

  getCell(row: number, column: number): FakeRange {
    this.record('getCell');
    if (row < 1 || column < 1 || row > this.nr || column > this.nc) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.sheet, this.r + row - 1, this.c + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.record('offset');
    return this.sheet.rangeChecked(this.r + rowOffset + 1, this.c + columnOffset + 1, numRows ?? this.nr, numColumns ?? this.nc);
  }

  activate(): this {
    this.record('activate');
    this.sheet.spreadsheet.activateRange(this);
    return this;
  }

  activateAsCurrentCell(): this {
    this.record('activateAsCurrentCell');
    this.sheet.spreadsheet.activateRange(this);
    return this;
  }

  // ------------------------------------------------------------ values

  getValues(): CellValue[][] {
    this.record('getValues', this.cells);
    return this.valuesUnmetered();
  }

  /** The values as getValues returns them, without charging a call (for Sheet.getSheetValues). */
  valuesUnmetered(): CellValue[][] {
    // Hand-written loop: this is the hot path for large registers.
    const rows = this.sheet.values.rows;
    const ScriptDate = runtimeFor(this.sheet.spreadsheet.ctx).scriptDate;
    const out: CellValue[][] = new Array(this.nr);
    const c = this.c;
    const nc = this.nc;
    for (let i = 0; i < this.nr; i++) {
      const row = rows[this.r + i];
      const o: CellValue[] = new Array(nc);
      if (!row) {
        o.fill('');
      } else {
        for (let j = 0; j < nc; j++) {
          const v = row[c + j];
          o[j] = v === undefined ? '' : typeof v === 'object' ? new ScriptDate(v.getTime()) : v;
        }
      }
      out[i] = o;
    }
    return out;
  }

  getValue(): CellValue {
    this.record('getValue', 1);
    const v = this.sheet.values.get(this.r, this.c);
    if (v === undefined) return '';
    return typeof v === 'object' ? new (runtimeFor(this.sheet.spreadsheet.ctx).scriptDate)(v.getTime()) : v;
  }

  setValues(values: unknown[][]): this {
    this.checkDimensions(values);
    this.record('setValues', this.cells);
    this.sheet.writeValues(this.r, this.c, values);
    return this;
  }

  /** Like Apps Script, sets every cell of the range to the value. */
  setValue(value: unknown): this {
    this.record('setValue', this.cells);
    const row = new Array(this.nc).fill(value);
    this.sheet.writeValues(this.r, this.c, Array.from({ length: this.nr }, () => row));
    return this;
  }

  getDisplayValues(): string[][] {
    this.record('getDisplayValues', this.cells);
    return this.displayGrid();
  }

  getDisplayValue(): string {
    this.record('getDisplayValue', 1);
    const tz = this.sheet.spreadsheet.timeZone;
    return displayValue(this.sheet.values.get(this.r, this.c), this.sheet.numberFormats.get(this.r, this.c), tz);
  }

  private displayGrid(): string[][] {
    const tz = this.sheet.spreadsheet.timeZone;
    const out: string[][] = [];
    for (let i = 0; i < this.nr; i++) {
      const row: string[] = [];
      for (let j = 0; j < this.nc; j++) {
        row.push(displayValue(this.sheet.values.get(this.r + i, this.c + j), this.sheet.numberFormats.get(this.r + i, this.c + j), tz));
      }
      out.push(row);
    }
    return out;
  }

  getFormulas(): string[][] {
    this.record('getFormulas', this.cells);
    return this.readLayer(this.sheet.formulas, (f) => f ?? '');
  }

  getFormula(): string {
    this.record('getFormula', 1);
    return this.sheet.formulas.get(this.r, this.c) ?? '';
  }

  setFormula(formula: string): this {
    this.record('setFormula', this.cells);
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    const row = new Array(this.nc).fill(f);
    this.sheet.writeValues(this.r, this.c, Array.from({ length: this.nr }, () => row));
    return this;
  }

  setFormulas(formulas: string[][]): this {
    this.checkDimensions(formulas);
    this.record('setFormulas', this.cells);
    this.sheet.writeValues(this.r, this.c, formulas.map((row) => row.map((f) => (f === '' ? '' : f.startsWith('=') ? f : `=${f}`))));
    return this;
  }

  isBlank(): boolean {
    this.record('isBlank', this.cells);
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        if (this.sheet.values.get(this.r + i, this.c + j) !== undefined || this.sheet.formulas.get(this.r + i, this.c + j) !== undefined) return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------ clearing

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean; skipFilteredRows?: boolean }): this {
    this.record('clear', this.cells);
    this.sheet.assertCanEdit(this.rect());
    const only = options && (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    if (!only || options?.contentsOnly) this.sheet.clearContentRect(this.rect());
    if (!only || options?.formatOnly) this.sheet.clearFormatRect(this.rect());
    if (options?.validationsOnly) this.sheet.validations.fill(this.r, this.c, this.nr, this.nc, undefined);
    if (options?.commentsOnly) this.sheet.notes.fill(this.r, this.c, this.nr, this.nc, undefined);
    return this;
  }

  clearContent(): this {
    this.record('clearContent', this.cells);
    this.sheet.assertCanEdit(this.rect());
    this.sheet.clearContentRect(this.rect());
    return this;
  }

  clearFormat(): this {
    this.record('clearFormat', this.cells);
    this.sheet.assertCanEdit(this.rect());
    this.sheet.clearFormatRect(this.rect());
    return this;
  }

  clearNote(): this {
    this.record('clearNote', this.cells);
    this.fillLayer(this.sheet.notes, undefined);
    return this;
  }

  clearDataValidations(): this {
    this.record('clearDataValidations', this.cells);
    this.fillLayer(this.sheet.validations, undefined);
    return this;
  }

  // ------------------------------------------------------------ data validation

  setDataValidation(rule: FakeDataValidation | null): this {
    this.record('setDataValidation', this.cells);
    this.fillLayer(this.sheet.validations, rule ?? undefined);
    return this;
  }

  setDataValidations(rules: Array<Array<FakeDataValidation | null>>): this {
    this.checkDimensions(rules);
    this.record('setDataValidations', this.cells);
    this.writeLayer(this.sheet.validations, rules);
    return this;
  }

  getDataValidation(): FakeDataValidation | null {
    this.record('getDataValidation', 1);
    return this.sheet.validations.get(this.r, this.c) ?? null;
  }

  getDataValidations(): Array<Array<FakeDataValidation | null>> {
    this.record('getDataValidations', this.cells);
    return this.readLayer(this.sheet.validations, (v) => v ?? null);
  }

  /** Adds checkbox validation; empty cells become unchecked (FALSE or the given unchecked value). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    this.record('insertCheckboxes', this.cells);
    this.sheet.assertCanEdit(this.rect());
    const rule = new FakeDataValidation({
      criteria: 'CHECKBOX',
      values: checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue],
      helpText: '',
      allowInvalid: false,
    });
    this.sheet.validations.fill(this.r, this.c, this.nr, this.nc, rule);
    const unchecked = checkedValue === undefined ? false : uncheckedValue ?? '';
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        if (this.sheet.values.get(this.r + i, this.c + j) === undefined) this.sheet.writeValues(this.r + i, this.c + j, [[unchecked]]);
      }
    }
    return this;
  }

  removeCheckboxes(): this {
    this.record('removeCheckboxes', this.cells);
    this.sheet.assertCanEdit(this.rect());
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        if (this.sheet.validations.get(this.r + i, this.c + j)?.spec.criteria === 'CHECKBOX') {
          this.sheet.validations.set(this.r + i, this.c + j, undefined);
          this.sheet.values.set(this.r + i, this.c + j, undefined);
        }
      }
    }
    return this;
  }

  check(): this { this.record('check', this.cells); return this.setCheckboxes(true); }
  uncheck(): this { this.record('uncheck', this.cells); return this.setCheckboxes(false); }

  private setCheckboxes(checked: boolean): this {
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        const rule = this.sheet.validations.get(this.r + i, this.c + j);
        if (rule?.spec.criteria !== 'CHECKBOX') continue;
        const [on, off] = rule.spec.values;
        const value = checked ? (on ?? true) : (rule.spec.values.length ? off ?? '' : false);
        this.sheet.writeValues(this.r + i, this.c + j, [[value]]);
      }
    }
    return this;
  }

  /** True/false when every cell is a checkbox in the same state; null otherwise. */
  isChecked(): boolean | null {
    this.record('isChecked', this.cells);
    let state: boolean | null | undefined;
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        const rule = this.sheet.validations.get(this.r + i, this.c + j);
        if (rule?.spec.criteria !== 'CHECKBOX') return null;
        const v = this.sheet.values.get(this.r + i, this.c + j);
        const on = rule.spec.values.length ? v === rule.spec.values[0] : v === true;
        if (state === undefined) state = on;
        else if (state !== on) return null;
      }
    }
    return state ?? null;
  }

  // ------------------------------------------------------------ formats

  setNumberFormat(numberFormat: string): this {
    this.record('setNumberFormat', this.cells);
    this.fillLayer(this.sheet.numberFormats, numberFormat);
    return this;
  }

  setNumberFormats(numberFormats: string[][]): this {
    this.checkDimensions(numberFormats);
    this.record('setNumberFormats', this.cells);
    this.writeLayer(this.sheet.numberFormats, numberFormats);
    return this;
  }

  getNumberFormat(): string { this.record('getNumberFormat', 1); return this.sheet.numberFormats.get(this.r, this.c) ?? DEFAULT_NUMBER_FORMAT; }
  getNumberFormats(): string[][] { this.record('getNumberFormats', this.cells); return this.readLayer(this.sheet.numberFormats, (f) => f ?? DEFAULT_NUMBER_FORMAT); }

  setBackground(color: string | null): this { this.record('setBackground', this.cells); this.fillLayer(this.sheet.backgrounds, normaliseColour(color)); return this; }
  setBackgrounds(colors: Array<Array<string | null>>): this {
    this.checkDimensions(colors);
    this.record('setBackgrounds', this.cells);
    this.writeLayer(this.sheet.backgrounds, colors, normaliseColour);
    return this;
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    this.record('setBackgroundRGB', this.cells);
    const hex = `#${[red, green, blue].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
    this.fillLayer(this.sheet.backgrounds, hex);
    return this;
  }
  getBackground(): string { this.record('getBackground', 1); return this.sheet.backgrounds.get(this.r, this.c) ?? DEFAULT_BACKGROUND; }
  getBackgrounds(): string[][] { this.record('getBackgrounds', this.cells); return this.readLayer(this.sheet.backgrounds, (v) => v ?? DEFAULT_BACKGROUND); }

  setFontColor(color: string | null): this { this.record('setFontColor', this.cells); this.fillLayer(this.sheet.fontColors, normaliseColour(color)); return this; }
  setFontColors(colors: Array<Array<string | null>>): this {
    this.checkDimensions(colors);
    this.record('setFontColors', this.cells);
    this.writeLayer(this.sheet.fontColors, colors, normaliseColour);
    return this;
  }
  getFontColor(): string { this.record('getFontColor', 1); return this.sheet.fontColors.get(this.r, this.c) ?? DEFAULT_FONT_COLOR; }
  getFontColors(): string[][] { this.record('getFontColors', this.cells); return this.readLayer(this.sheet.fontColors, (v) => v ?? DEFAULT_FONT_COLOR); }

  setFontWeight(fontWeight: 'bold' | 'normal' | null): this { this.record('setFontWeight', this.cells); this.fillLayer(this.sheet.fontWeights, fontWeight === 'bold' ? 'bold' : undefined); return this; }
  setFontWeights(weights: Array<Array<'bold' | 'normal' | null>>): this {
    this.checkDimensions(weights);
    this.record('setFontWeights', this.cells);
    this.writeLayer(this.sheet.fontWeights, weights, (w) => (w === 'bold' ? 'bold' : undefined));
    return this;
  }
  getFontWeight(): 'bold' | 'normal' { this.record('getFontWeight', 1); return this.sheet.fontWeights.get(this.r, this.c) ?? 'normal'; }
  getFontWeights(): Array<Array<'bold' | 'normal'>> { this.record('getFontWeights', this.cells); return this.readLayer(this.sheet.fontWeights, (v) => v ?? 'normal'); }

  setFontStyle(fontStyle: 'italic' | 'normal' | null): this { this.record('setFontStyle', this.cells); this.fillLayer(this.sheet.fontStyles, fontStyle === 'italic' ? 'italic' : undefined); return this; }
  getFontStyle(): 'italic' | 'normal' { this.record('getFontStyle', 1); return this.sheet.fontStyles.get(this.r, this.c) ?? 'normal'; }

  setFontSize(size: number): this { this.record('setFontSize', this.cells); this.fillLayer(this.sheet.fontSizes, size === 10 ? undefined : size); return this; }
  getFontSize(): number { this.record('getFontSize', 1); return this.sheet.fontSizes.get(this.r, this.c) ?? 10; }

  setWrap(isWrapEnabled: boolean): this { this.record('setWrap', this.cells); this.fillLayer(this.sheet.wraps, isWrapEnabled ? true : undefined); return this; }
  setWraps(wraps: boolean[][]): this {
    this.checkDimensions(wraps);
    this.record('setWraps', this.cells);
    this.writeLayer(this.sheet.wraps, wraps, (w) => (w ? true : undefined));
    return this;
  }
  getWrap(): boolean { this.record('getWrap', 1); return this.sheet.wraps.get(this.r, this.c) ?? false; }
  getWraps(): boolean[][] { this.record('getWraps', this.cells); return this.readLayer(this.sheet.wraps, (v) => v ?? false); }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): this {
    this.record('setHorizontalAlignment', this.cells);
    this.fillLayer(this.sheet.horizontalAlignments, alignment && alignment !== 'normal' ? alignment : undefined);
    return this;
  }
  getHorizontalAlignment(): string { this.record('getHorizontalAlignment', 1); return this.sheet.horizontalAlignments.get(this.r, this.c) ?? 'general'; }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): this {
    this.record('setVerticalAlignment', this.cells);
    this.fillLayer(this.sheet.verticalAlignments, alignment && alignment !== 'bottom' ? alignment : undefined);
    return this;
  }
  getVerticalAlignment(): string { this.record('getVerticalAlignment', 1); return this.sheet.verticalAlignments.get(this.r, this.c) ?? 'bottom'; }

  setNote(note: string | null): this { this.record('setNote', this.cells); this.fillLayer(this.sheet.notes, note || undefined); return this; }
  setNotes(notes: Array<Array<string | null>>): this {
    this.checkDimensions(notes);
    this.record('setNotes', this.cells);
    this.writeLayer(this.sheet.notes, notes, (n) => n || undefined);
    return this;
  }
  getNote(): string { this.record('getNote', 1); return this.sheet.notes.get(this.r, this.c) ?? ''; }
  getNotes(): string[][] { this.record('getNotes', this.cells); return this.readLayer(this.sheet.notes, (v) => v ?? ''); }

  /** Borders are not modelled; the call is counted so round trips stay honest. */
  setBorder(..._args: unknown[]): this {
    this.record('setBorder', this.cells);
    this.sheet.assertCanEdit(this.rect());
    return this;
  }

  setShowHyperlink(_show: boolean): this { this.record('setShowHyperlink', this.cells); return this; }

  // ------------------------------------------------------------ merges, protection, copy, sort

  merge(): this { this.record('merge', this.cells); this.sheet.addMerge(this.rect()); return this; }
  mergeAcross(): this {
    this.record('mergeAcross', this.cells);
    for (let i = 0; i < this.nr; i++) this.sheet.addMerge({ r: this.r + i, c: this.c, nr: 1, nc: this.nc });
    return this;
  }
  mergeVertically(): this {
    this.record('mergeVertically', this.cells);
    for (let j = 0; j < this.nc; j++) this.sheet.addMerge({ r: this.r, c: this.c + j, nr: this.nr, nc: 1 });
    return this;
  }
  breakApart(): this { this.record('breakApart', this.cells); this.sheet.breakMerges(this.rect()); return this; }
  isPartOfMerge(): boolean { this.record('isPartOfMerge'); return this.sheet.mergesIntersecting(this.rect()).length > 0; }
  getMergedRanges(): FakeRange[] {
    this.record('getMergedRanges');
    return this.sheet.mergesIntersecting(this.rect()).map((m) => new FakeRange(this.sheet, m.r, m.c, m.nr, m.nc));
  }

  protect(): FakeProtection {
    this.record('protect');
    return this.sheet.addRangeProtection(this.rect());
  }

  canEdit(): boolean {
    this.record('canEdit');
    return this.sheet.userMayEdit(this.rect(), this.sheet.spreadsheet.ctx.effectiveUser.email);
  }

  /** Copies values, formulas and formats (or only one of them) to the destination's top-left. */
  copyTo(destination: FakeRange, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    this.record('copyTo', this.cells);
    this.sheet.copyRect(this.rect(), destination.sheet, destination.r, destination.c, options ?? {});
  }

  /** Sorts the rows of the range by one or more columns (absolute column numbers, as in Apps Script). */
  sort(spec: number | { column: number; ascending?: boolean } | Array<number | { column: number; ascending?: boolean }>): this {
    this.record('sort', this.cells);
    this.sheet.sortRect(this.rect(), spec);
    return this;
  }
}
