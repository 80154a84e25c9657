/** The SpreadsheetApp global: entry points, builders and enums. */
import type { EmulatorContext } from '../context';
import { makeEnum } from '../enums';
import { runtimeFor } from '../runtime';
import { BooleanCriteria, FakeConditionalFormatRuleBuilder } from './conditionalFormat';
import { DataValidationCriteria, FakeDataValidationBuilder } from './dataValidation';
import { ProtectionType } from './protection';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import { createSpreadsheet, findSpreadsheet, spreadsheetById, type FakeSpreadsheet } from './spreadsheet';
import { FakeUi } from './ui';

export const BorderStyle = makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const);
export const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const SheetType = makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const);
export const CopyPasteType = makeEnum(['PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS'] as const);

export class FakeSpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly Dimension = Dimension;
  readonly WrapStrategy = WrapStrategy;
  readonly SheetType = SheetType;
  readonly CopyPasteType = CopyPasteType;

  constructor(private readonly ctx: EmulatorContext) {}

  private record(method: string): void {
    this.ctx.meter.record('SpreadsheetApp', method);
  }

  private container(): FakeSpreadsheet | null {
    const id = runtimeFor(this.ctx).activeSpreadsheetId;
    return id ? findSpreadsheet(this.ctx, id) ?? null : null;
  }

  getActive(): FakeSpreadsheet | null { this.record('getActive'); return this.container(); }
  getActiveSpreadsheet(): FakeSpreadsheet | null { this.record('getActiveSpreadsheet'); return this.container(); }

  getActiveSheet(): FakeSheet | null {
    this.record('getActiveSheet');
    return this.container()?.active() ?? null;
  }

  getActiveRange(): FakeRange | null {
    this.record('getActiveRange');
    return this.container()?.activeRange ?? null;
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.record('setActiveSheet');
    sheet.spreadsheet.activeSheet = sheet;
    return sheet;
  }

  openById(id: string): FakeSpreadsheet {
    this.record('openById');
    return spreadsheetById(this.ctx, id);
  }

  openByUrl(url: string): FakeSpreadsheet {
    this.record('openByUrl');
    const m = /\/spreadsheets\/d\/([^/]+)/.exec(url);
    if (!m) throw new Error('Invalid argument: url');
    return spreadsheetById(this.ctx, m[1]);
  }

  create(name: string, rows?: number, columns?: number): FakeSpreadsheet {
    this.record('create');
    const ss = createSpreadsheet(this.ctx, name);
    if (rows) ss.sheets[0].maxRows = rows;
    if (columns) ss.sheets[0].maxColumns = columns;
    return ss;
  }

  /** Writes are applied immediately in the emulator; flush costs a round trip all the same. */
  flush(): void { this.record('flush'); }

  getUi(): FakeUi { this.record('getUi'); return new FakeUi(this.ctx); }

  newDataValidation(): FakeDataValidationBuilder { this.record('newDataValidation'); return new FakeDataValidationBuilder(); }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder { this.record('newConditionalFormatRule'); return new FakeConditionalFormatRuleBuilder(); }
}
