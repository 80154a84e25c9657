/**
 * The self-test's scratch resources through SpreadsheetApp and FormApp. Everything made here is
 * named so a person who finds one left behind (after a crash) knows what it is and may delete it.
 */
import type { SelfTestGateway } from '../ports';

export class AppsScriptSelfTest implements SelfTestGateway {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  createScratchSheet(name: string): number {
    const sheet = this.spreadsheet.insertSheet(name);
    sheet.hideSheet();
    return sheet.getSheetId();
  }

  writeAndReadBack(sheetId: number, rows: readonly (readonly string[])[]): { values: string[][]; formulas: string[][] } {
    const sheet = this.sheet(sheetId);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const range = sheet.getRange(1, 1, rows.length, width);
    range.setValues(rows.map((r) => [...r, ...new Array(width - r.length).fill('')]));
    return {
      values: range.getValues().map((r) => r.map((v) => String(v))),
      formulas: range.getFormulas(),
    };
  }

  deleteScratchSheet(sheetId: number): void {
    const sheet = this.spreadsheet.getSheetById(sheetId);
    if (sheet) this.spreadsheet.deleteSheet(sheet);
  }

  createScratchForm(title: string, question: string): { id: string; questions: string[] } {
    const form = FormApp.create(title);
    form.addTextItem().setTitle(question);
    const id = form.getId();
    return { id, questions: FormApp.openById(id).getItems().map((i) => i.getTitle()) };
  }

  private sheet(sheetId: number): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.spreadsheet.getSheetById(sheetId);
    if (!sheet) throw new Error(`The self-test\u2019s scratch sheet (id ${sheetId}) has gone.`);
    return sheet;
  }
}
