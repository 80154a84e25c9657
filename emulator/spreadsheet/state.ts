/**
 * A spreadsheet as plain data, for workspace persistence and for copying (Drive Files.copy,
 * Spreadsheet.copy). Validation rules are stored once and referenced by index from cells, so a
 * 100,000-row column of dropdowns does not repeat the rule 100,000 times.
 */
import type { DriveFileRecord, EmulatorContext } from '../context';
import { decode, encode, sparseRows, type Json } from '../persistence';
import type { ConditionalFormatSpec } from './conditionalFormat';
import { FakeDataValidation, type DataValidationSpec } from './dataValidation';
import { Layer, type AnchoredRect } from './grid';
import { FakeProtection, type ProtectionTypeName } from './protection';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import { FakeSpreadsheet, createSpreadsheet } from './spreadsheet';

const LAYER_NAMES = ['values', 'formulas', 'numberFormats', 'backgrounds', 'fontColors', 'fontWeights', 'fontStyles', 'fontSizes', 'wraps', 'horizontalAlignments', 'verticalAlignments', 'notes'] as const;
type LayerName = typeof LAYER_NAMES[number];

interface RangeRef { $range: { sheetId: number } & AnchoredRect }

interface ProtectionState {
  type: ProtectionTypeName;
  rect: AnchoredRect | null;
  description: string;
  editors: string[];
  warningOnly: boolean;
  domainEdit: boolean;
  unprotected: AnchoredRect[];
}

interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  formUrl: string | null;
  columnWidths: Array<[number, number]>;
  rowHeights: Array<[number, number]>;
  layers: Record<LayerName, unknown>;
  validationRules: unknown[];
  validationCells: unknown;
  protections: ProtectionState[];
  conditionalRules: Array<{ spec: ConditionalFormatSpec; rects: AnchoredRect[] }>;
  merges: AnchoredRect[];
}

export interface SpreadsheetState {
  timeZone: string;
  locale: string;
  formUrl: string | null;
  nextSheetId: number;
  activeSheetId: number | null;
  namedRanges: Array<{ name: string; sheetId: number; rect: AnchoredRect }>;
  developerMetadata: Array<{ id: number; key: string; value: string | null }>;
  sheets: SheetState[];
}

function encodeRuleValue(v: unknown): unknown {
  if (v instanceof FakeRange) return { $range: { sheetId: v.sheet.sheetId, ...v.rect() } } satisfies RangeRef;
  if (Array.isArray(v)) return v.map(encodeRuleValue);
  return v;
}

function decodeRuleValue(v: unknown, ss: FakeSpreadsheet): unknown {
  if (v && typeof v === 'object' && '$range' in v) {
    const ref = (v as RangeRef).$range;
    const sheet = ss.sheets.find((s) => s.sheetId === ref.sheetId) ?? ss.sheets[0];
    return sheet.rangeAt(ref.r, ref.c, ref.nr, ref.nc);
  }
  if (Array.isArray(v)) return v.map((x) => decodeRuleValue(x, ss));
  return v;
}

function saveSheet(sheet: FakeSheet): SheetState {
  const rules: FakeDataValidation[] = [];
  const ruleIndex = new Map<FakeDataValidation, number>();
  const validationCells = sheet.validations.rows.map((row) => row?.map((rule) => {
    if (!rule) return undefined;
    let i = ruleIndex.get(rule);
    if (i === undefined) {
      i = rules.length;
      rules.push(rule);
      ruleIndex.set(rule, i);
    }
    return i;
  }));
  const layers = {} as Record<LayerName, unknown>;
  for (const name of LAYER_NAMES) layers[name] = (sheet[name] as Layer<unknown>).rows;
  const protections = [...(sheet.sheetProtection ? [sheet.sheetProtection] : []), ...sheet.rangeProtections].map((p) => ({
    type: p.type, rect: p.rect, description: p.description, editors: [...p.editors], warningOnly: p.warningOnly, domainEdit: p.domainEdit, unprotected: p.unprotected,
  }));
  return {
    id: sheet.sheetId,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    formUrl: sheet.formUrl,
    columnWidths: [...sheet.columnWidths],
    rowHeights: [...sheet.rowHeights],
    layers,
    validationRules: rules.map((r) => ({ ...r.spec, values: encodeRuleValue(r.spec.values) })),
    validationCells,
    protections,
    conditionalRules: sheet.conditionalRules,
    merges: sheet.merges,
  };
}

/** The spreadsheet's content as JSON-safe data (Dates tagged). */
export function saveSpreadsheet(ss: FakeSpreadsheet): Json {
  const state: SpreadsheetState = {
    timeZone: ss.timeZone,
    locale: ss.locale,
    formUrl: ss.formUrl,
    nextSheetId: ss.nextSheetId,
    activeSheetId: ss.activeSheet?.sheetId ?? null,
    namedRanges: ss.namedRanges.map((n) => ({ name: n.name, sheetId: n.sheet.sheetId, rect: n.rect })),
    developerMetadata: ss.developerMetadata,
    sheets: ss.sheets.map(saveSheet),
  };
  return encode(state);
}

/** Rebuilds a spreadsheet's content onto a file record (the record's own fields stay as they are). */
export function loadSpreadsheet(ctx: EmulatorContext, file: DriveFileRecord, data: unknown): FakeSpreadsheet {
  const state = decode(data) as SpreadsheetState;
  const ss = new FakeSpreadsheet(ctx, file);
  file.content = ss;
  ss.timeZone = state.timeZone;
  ss.locale = state.locale;
  ss.formUrl = state.formUrl;
  ss.developerMetadata = state.developerMetadata;
  for (const s of state.sheets) {
    const sheet = ss.addSheet(s.name, undefined, s.id);
    sheet.maxRows = s.maxRows;
    sheet.maxColumns = s.maxColumns;
    sheet.frozenRows = s.frozenRows;
    sheet.frozenColumns = s.frozenColumns;
    sheet.hidden = s.hidden;
    sheet.tabColor = s.tabColor;
    sheet.formUrl = s.formUrl;
    for (const [k, v] of s.columnWidths) sheet.columnWidths.set(k, v);
    for (const [k, v] of s.rowHeights) sheet.rowHeights.set(k, v);
    for (const name of LAYER_NAMES) (sheet[name] as Layer<unknown>).rows = sparseRows(s.layers[name]);
    sheet.conditionalRules = s.conditionalRules;
    sheet.merges = s.merges;
    for (const p of s.protections) {
      const protection = new FakeProtection(sheet, p.type, p.rect);
      protection.description = p.description;
      for (const e of p.editors) protection.editors.add(e);
      protection.warningOnly = p.warningOnly;
      protection.domainEdit = p.domainEdit;
      protection.unprotected = p.unprotected;
      if (p.type === 'SHEET') sheet.sheetProtection = protection;
      else sheet.rangeProtections.push(protection);
    }
  }
  ss.nextSheetId = state.nextSheetId;
  // Second pass: validation rules may refer to ranges on any sheet.
  state.sheets.forEach((s, k) => {
    const sheet = ss.sheets[k];
    const rules = s.validationRules.map((r) => {
      const spec = r as DataValidationSpec;
      return new FakeDataValidation({ ...spec, values: decodeRuleValue(spec.values, ss) as unknown[] });
    });
    sheet.validations.rows = sparseRows<number>(s.validationCells).map((row) => row?.map((i) => (i === undefined ? undefined : rules[i])));
  });
  ss.namedRanges = state.namedRanges.map((n) => ({ name: n.name, sheet: ss.sheets.find((x) => x.sheetId === n.sheetId) ?? ss.sheets[0], rect: n.rect }));
  ss.activeSheet = ss.sheets.find((x) => x.sheetId === state.activeSheetId) ?? ss.sheets[0] ?? null;
  return ss;
}

/**
 * A full copy as a new Drive file (for Spreadsheet.copy and the Drive fake's Files.copy). Form
 * links are not copied, as in Drive.
 */
export function copySpreadsheet(ctx: EmulatorContext, source: FakeSpreadsheet, name: string, options: { parents?: string[] } = {}): FakeSpreadsheet {
  const target = createSpreadsheet(ctx, name, { parents: options.parents ?? [...source.file.parents] });
  const data = JSON.parse(JSON.stringify(saveSpreadsheet(source))) as SpreadsheetState;
  data.formUrl = null;
  for (const s of data.sheets) s.formUrl = null;
  return loadSpreadsheet(ctx, target.file, data);
}
