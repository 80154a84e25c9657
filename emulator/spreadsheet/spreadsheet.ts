/**
 * A spreadsheet is a Drive file (ctx.files) whose `content` is this object, so the Drive, Forms
 * and Docs fakes find it by id like any other file. Public methods mirror
 * GoogleAppsScript.Spreadsheet.Spreadsheet; the rest are emulator internals.
 */
import { MIME, type DriveFileRecord, type EmulatorContext } from '../context';
import { makeUser, emailOf, type FakeUser } from '../session';
import { shiftForDelete, type AnchoredRect } from './grid';
import type { FakeProtection, ProtectionTypeName } from './protection';
import type { FakeRange } from './range';
import { FakeSheet } from './sheet';
import { copySpreadsheet } from './state';
import { uiStateFor } from './ui';
import { parseA1 } from './values';

export const DEFAULT_SPREADSHEET_TIME_ZONE = 'Europe/London';

export interface StoredNamedRange {
  name: string;
  sheet: FakeSheet;
  rect: AnchoredRect;
}

export interface StoredDeveloperMetadata {
  id: number;
  key: string;
  value: string | null;
}

export class FakeNamedRange {
  constructor(private readonly ss: FakeSpreadsheet, private readonly stored: StoredNamedRange) {}
  getName(): string { this.ss.record('NamedRange.getName'); return this.stored.name; }
  getRange(): FakeRange {
    this.ss.record('NamedRange.getRange');
    const x = this.stored.rect;
    return this.stored.sheet.rangeAt(x.r, x.c, x.nr, x.nc);
  }
  setName(name: string): this {
    this.ss.record('NamedRange.setName');
    this.ss.assertValidRangeName(name);
    this.stored.name = name;
    return this;
  }
  setRange(range: FakeRange): this {
    this.ss.record('NamedRange.setRange');
    this.stored.sheet = range.sheet;
    this.stored.rect = range.rect();
    return this;
  }
  remove(): void {
    this.ss.record('NamedRange.remove');
    this.ss.namedRanges = this.ss.namedRanges.filter((n) => n !== this.stored);
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  namedRanges: StoredNamedRange[] = [];
  developerMetadata: StoredDeveloperMetadata[] = [];
  timeZone = DEFAULT_SPREADSHEET_TIME_ZONE;
  locale = 'en_GB';
  /** Set by the FormApp fake when a form's destination is this spreadsheet. */
  formUrl: string | null = null;
  /** Real first sheets have gid 0; later ones get large ids. */
  nextSheetId = 0;

  constructor(readonly ctx: EmulatorContext, readonly file: DriveFileRecord) {}

  /** Every public call goes through here: the service is SpreadsheetApp, the method "Class.method". */
  record(method: string, cells = 0): void {
    this.ctx.meter.record('SpreadsheetApp', method, cells);
  }

  // ------------------------------------------------------------ identity

  getId(): string { this.record('Spreadsheet.getId'); return this.file.id; }
  getName(): string { this.record('Spreadsheet.getName'); return this.file.name; }
  rename(newName: string): void {
    this.record('Spreadsheet.rename');
    this.file.name = newName;
    this.touch();
  }
  getUrl(): string { this.record('Spreadsheet.getUrl'); return spreadsheetUrl(this.file.id); }
  getSpreadsheetTimeZone(): string { this.record('Spreadsheet.getSpreadsheetTimeZone'); return this.timeZone; }
  setSpreadsheetTimeZone(timezone: string): void { this.record('Spreadsheet.setSpreadsheetTimeZone'); this.timeZone = timezone; }
  getSpreadsheetLocale(): string { this.record('Spreadsheet.getSpreadsheetLocale'); return this.locale; }
  setSpreadsheetLocale(locale: string): void { this.record('Spreadsheet.setSpreadsheetLocale'); this.locale = locale; }
  getFormUrl(): string | null { this.record('Spreadsheet.getFormUrl'); return this.formUrl; }

  /** A full copy in Drive named `name`, owned by the user making it. */
  copy(name: string): FakeSpreadsheet {
    this.record('Spreadsheet.copy');
    return copySpreadsheet(this.ctx, this, name);
  }

  // ------------------------------------------------------------ sharing

  getOwner(): FakeUser { this.record('Spreadsheet.getOwner'); return makeUser(this.ownerEmail()); }

  /** The owner and everyone with edit access, as Users. */
  getEditors(): FakeUser[] {
    this.record('Spreadsheet.getEditors');
    return this.editorEmails().map(makeUser);
  }

  getViewers(): FakeUser[] {
    this.record('Spreadsheet.getViewers');
    const viewers = this.file.permissions.filter((p) => p.type === 'user' && (p.role === 'reader' || p.role === 'commenter')).map((p) => p.emailAddress ?? '');
    return [...this.editorEmails(), ...viewers].map(makeUser);
  }

  addEditor(emailOrUser: string | { getEmail(): string }): this {
    this.record('Spreadsheet.addEditor');
    this.grant(emailOf(emailOrUser), 'writer');
    return this;
  }

  addEditors(emails: string[]): this {
    this.record('Spreadsheet.addEditors');
    for (const e of emails) this.grant(e, 'writer');
    return this;
  }

  removeEditor(emailOrUser: string | { getEmail(): string }): this {
    this.record('Spreadsheet.removeEditor');
    const email = emailOf(emailOrUser);
    this.file.permissions = this.file.permissions.filter((p) => !(p.emailAddress === email && p.role === 'writer'));
    return this;
  }

  addViewer(emailOrUser: string | { getEmail(): string }): this {
    this.record('Spreadsheet.addViewer');
    this.grant(emailOf(emailOrUser), 'reader');
    return this;
  }

  // ------------------------------------------------------------ sheets

  getSheets(): FakeSheet[] { this.record('Spreadsheet.getSheets'); return [...this.sheets]; }
  getNumSheets(): number { this.record('Spreadsheet.getNumSheets'); return this.sheets.length; }

  getSheetByName(name: string): FakeSheet | null {
    this.record('Spreadsheet.getSheetByName');
    return this.sheetNamed(name);
  }

  getSheetById(id: number): FakeSheet | null {
    this.record('Spreadsheet.getSheetById');
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index) — the index is
   * 0-based here (unlike most of the API). The new sheet becomes the active one, as in Sheets.
   */
  insertSheet(nameOrIndex?: string | number | object, indexOrOptions?: number | object): FakeSheet {
    this.record('Spreadsheet.insertSheet');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const index = typeof nameOrIndex === 'number' ? nameOrIndex : typeof indexOrOptions === 'number' ? indexOrOptions : undefined;
    const sheet = this.addSheet(name, index);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.record('Spreadsheet.deleteSheet');
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Sheet not found');
    if (this.sheets.length === 1) throw new Error('You can\'t remove all the sheets in a document.');
    this.sheets.splice(i, 1);
    this.namedRanges = this.namedRanges.filter((n) => n.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, i - 1)];
    if (this.activeRange?.sheet === sheet) this.activeRange = null;
  }

  getActiveSheet(): FakeSheet { this.record('Spreadsheet.getActiveSheet'); return this.active(); }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.record('Spreadsheet.setActiveSheet');
    this.activeSheet = sheet;
    sheet.hidden = false;
    return sheet;
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this.record('Spreadsheet.moveActiveSheet');
    const sheet = this.active();
    if (pos < 1 || pos > this.sheets.length) throw new Error('The sheet position is out of range.');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(pos - 1, 0, sheet);
  }

  duplicateActiveSheet(): FakeSheet {
    this.record('Spreadsheet.duplicateActiveSheet');
    const source = this.active();
    const copy = this.addSheet(`Copy of ${source.name}`, this.sheets.indexOf(source) + 1);
    copy.maxRows = source.maxRows;
    copy.maxColumns = source.maxColumns;
    source.copyRect({ r: 0, c: 0, nr: source.maxRows, nc: source.maxColumns }, copy, 0, 0, {});
    this.activeSheet = copy;
    return copy;
  }

  // ------------------------------------------------------------ ranges and selection

  /** "Sheet1!A1:B2" addresses that sheet; a bare "A1:B2" the active sheet. */
  getRange(a1Notation: string): FakeRange {
    this.record('Spreadsheet.getRange');
    return this.rangeFromQualifiedA1(a1Notation);
  }

  getActiveRange(): FakeRange | null { this.record('Spreadsheet.getActiveRange'); return this.activeRange; }

  setActiveRange(range: FakeRange): FakeRange {
    this.record('Spreadsheet.setActiveRange');
    this.activateRange(range);
    return range;
  }

  setActiveSelection(range: FakeRange | string): FakeRange {
    this.record('Spreadsheet.setActiveSelection');
    const r = typeof range === 'string' ? this.rangeFromQualifiedA1(range) : range;
    this.activateRange(r);
    return r;
  }

  getCurrentCell(): FakeRange | null {
    this.record('Spreadsheet.getCurrentCell');
    const a = this.activeRange;
    return a ? a.sheet.rangeAt(a.r, a.c, 1, 1) : null;
  }

  getSelection(): { getActiveRange(): FakeRange | null; getActiveSheet(): FakeSheet; getCurrentCell(): FakeRange | null } {
    this.record('Spreadsheet.getSelection');
    const range = this.activeRange;
    const sheet = this.active();
    return {
      getActiveRange: () => range,
      getActiveSheet: () => sheet,
      getCurrentCell: () => (range ? range.sheet.rangeAt(range.r, range.c, 1, 1) : null),
    };
  }

  getLastRow(): number { this.record('Spreadsheet.getLastRow'); return this.active().lastRow(); }
  getLastColumn(): number { this.record('Spreadsheet.getLastColumn'); return this.active().lastColumn(); }
  getDataRange(): FakeRange {
    this.record('Spreadsheet.getDataRange');
    const s = this.active();
    return s.rangeAt(0, 0, Math.max(1, s.lastRow()), Math.max(1, s.lastColumn()));
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    this.record('Spreadsheet.appendRow', rowContents.length);
    const s = this.active();
    // Sheet.appendRow records its own call; the spreadsheet form is one round trip, so write directly.
    const r = s.lastRow();
    if (r + 1 > s.maxRows) s.maxRows = r + 1;
    if (rowContents.length > s.maxColumns) s.maxColumns = rowContents.length;
    s.writeValues(r, 0, [rowContents]);
    return s;
  }

  // ------------------------------------------------------------ named ranges

  getRangeByName(name: string): FakeRange | null {
    this.record('Spreadsheet.getRangeByName');
    const n = this.namedRanges.find((x) => x.name === name);
    return n ? n.sheet.rangeAt(n.rect.r, n.rect.c, n.rect.nr, n.rect.nc) : null;
  }

  setNamedRange(name: string, range: FakeRange): void {
    this.record('Spreadsheet.setNamedRange');
    this.assertValidRangeName(name);
    this.namedRanges = this.namedRanges.filter((n) => n.name !== name);
    this.namedRanges.push({ name, sheet: range.sheet, rect: range.rect() });
  }

  getNamedRanges(): FakeNamedRange[] {
    this.record('Spreadsheet.getNamedRanges');
    return this.namedRanges.map((n) => new FakeNamedRange(this, n));
  }

  removeNamedRange(name: string): void {
    this.record('Spreadsheet.removeNamedRange');
    const before = this.namedRanges.length;
    this.namedRanges = this.namedRanges.filter((n) => n.name !== name);
    if (this.namedRanges.length === before) throw new Error(`Named range ${name} not found.`);
  }

  // ------------------------------------------------------------ protections, UI, metadata

  getProtections(type: ProtectionTypeName): FakeProtection[] {
    this.record('Spreadsheet.getProtections');
    return this.sheets.flatMap((s) => (String(type) === 'SHEET' ? (s.sheetProtection ? [s.sheetProtection] : []) : s.rangeProtections));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.record('Spreadsheet.toast');
    uiStateFor(this.ctx).toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }

  addDeveloperMetadata(key: string, value?: string): this {
    this.record('Spreadsheet.addDeveloperMetadata');
    const id = this.developerMetadata.reduce((m, d) => Math.max(m, d.id), 0) + 1;
    this.developerMetadata.push({ id, key, value: value ?? null });
    return this;
  }

  getDeveloperMetadata(): ReturnType<FakeSpreadsheet['metadataView']>[] {
    this.record('Spreadsheet.getDeveloperMetadata');
    return this.developerMetadata.map((d) => this.metadataView(d));
  }

  createDeveloperMetadataFinder(): { withKey(key: string): { find(): ReturnType<FakeSpreadsheet['metadataView']>[] }; find(): ReturnType<FakeSpreadsheet['metadataView']>[] } {
    this.record('Spreadsheet.createDeveloperMetadataFinder');
    const find = (key?: string) => {
      this.record('DeveloperMetadataFinder.find');
      return this.developerMetadata.filter((d) => key === undefined || d.key === key).map((d) => this.metadataView(d));
    };
    return { withKey: (key: string) => ({ find: () => find(key) }), find: () => find() };
  }

  private metadataView(d: StoredDeveloperMetadata) {
    return {
      getId: () => d.id,
      getKey: () => d.key,
      getValue: () => d.value,
      setValue: (value: string) => { this.record('DeveloperMetadata.setValue'); d.value = value; },
      remove: () => { this.record('DeveloperMetadata.remove'); this.developerMetadata = this.developerMetadata.filter((x) => x !== d); },
    };
  }

  // ================================================================ emulator internals

  ownerEmail(): string { return this.file.ownerEmail; }

  editorEmails(): string[] {
    const owner = this.ownerEmail();
    const writers = this.file.permissions.filter((p) => p.type === 'user' && (p.role === 'writer' || p.role === 'owner')).map((p) => p.emailAddress ?? '');
    return [owner, ...writers.filter((e) => e && e !== owner)];
  }

  private grant(email: string, role: 'writer' | 'reader'): void {
    if (email === this.ownerEmail()) return;
    const existing = this.file.permissions.find((p) => p.type === 'user' && p.emailAddress === email);
    if (existing) {
      if (role === 'writer') existing.role = 'writer';
      return;
    }
    this.file.permissions.push({ id: this.ctx.ids.next('perm_'), type: 'user', role, emailAddress: email });
  }

  touch(): void {
    this.file.modifiedTime = this.ctx.now().toISOString();
  }

  active(): FakeSheet {
    if (!this.activeSheet || !this.sheets.includes(this.activeSheet)) this.activeSheet = this.sheets[0];
    return this.activeSheet;
  }

  activateRange(range: FakeRange): void {
    this.activeRange = range;
    this.activeSheet = range.sheet;
  }

  sheetNamed(name: string): FakeSheet | null {
    // Sheet names are matched without regard to case in Sheets.
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  assertNameFree(name: string, except?: FakeSheet): void {
    const existing = this.sheetNamed(name);
    if (existing && existing !== except) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  /** Creates a sheet without metering (insertSheet, the workspace and state loading use it). */
  addSheet(name?: string, index?: number, sheetId?: number): FakeSheet {
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetNamed(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    this.assertNameFree(sheetName);
    const id = sheetId ?? this.allocateSheetId();
    const sheet = new FakeSheet(this, id, sheetName);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  private allocateSheetId(): number {
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId += 1;
    return id;
  }

  rangeFromQualifiedA1(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref) throw new Error('Range not found');
    const sheet = ref.sheetName !== undefined ? this.sheetNamed(ref.sheetName) : this.active();
    if (!sheet) throw new Error('Range not found');
    const bang = a1.lastIndexOf('!');
    return sheet.rangeFromA1(bang >= 0 ? a1.slice(bang + 1) : a1);
  }

  assertValidRangeName(name: string): void {
    const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name);
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || looksLikeCell || /^(true|false)$/i.test(name) || name.length > 250) {
      throw new Error(`The name "${name}" is not a valid name for a named range.`);
    }
  }

  namedRangeRects(sheet: FakeSheet): AnchoredRect[] {
    return this.namedRanges.filter((n) => n.sheet === sheet).map((n) => n.rect);
  }

  namedRangeViews(sheet: FakeSheet): FakeNamedRange[] {
    return this.namedRanges.filter((n) => n.sheet === sheet).map((n) => new FakeNamedRange(this, n));
  }

  /** Named ranges whose cells were all deleted disappear (Sheets shows #REF!). */
  shiftNamedRangesForDelete(sheet: FakeSheet, axis: 'rows' | 'columns', at: number, n: number): void {
    this.namedRanges = this.namedRanges.filter((x) => x.sheet !== sheet || shiftForDelete(x.rect, axis, at, n));
  }

  /** Hook for formulas referring to a renamed sheet; formulas are not re-evaluated, so nothing to do yet. */
  renameSheetReferences(_from: string, _to: string): void {
    // Deliberately empty: the emulator stores formula text verbatim.
  }
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/**
 * Creates a spreadsheet file with one empty "Sheet1" (1000 × 26), owned by the effective user.
 * Used by SpreadsheetApp.create, the workspace and the Drive fake.
 */
export function createSpreadsheet(ctx: EmulatorContext, name: string, options: { id?: string; ownerEmail?: string; parents?: string[] } = {}): FakeSpreadsheet {
  const file = ctx.addFile({
    ...(options.id ? { id: options.id } : {}),
    name,
    mimeType: MIME.spreadsheet,
    parents: options.parents ?? [],
    content: null,
    ownerEmail: options.ownerEmail ?? ctx.effectiveUser.email,
  });
  const ss = new FakeSpreadsheet(ctx, file);
  file.content = ss;
  ss.addSheet('Sheet1');
  return ss;
}

/** The spreadsheet with this id, or undefined. For the other fakes (FormApp destinations, Drive). */
export function findSpreadsheet(ctx: EmulatorContext, id: string): FakeSpreadsheet | undefined {
  const file = ctx.file(id);
  return file && file.content instanceof FakeSpreadsheet ? file.content : undefined;
}

/** Like findSpreadsheet but throws as SpreadsheetApp.openById does for an unknown id. */
export function spreadsheetById(ctx: EmulatorContext, id: string): FakeSpreadsheet {
  const ss = findSpreadsheet(ctx, id);
  if (!ss) throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
  return ss;
}
