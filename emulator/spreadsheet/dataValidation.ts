/**
 * Data validation rules and their builder. As in Sheets, a rule only describes what the UI
 * accepts: values a script writes are stored even when they break the rule.
 */
import { makeEnum } from '../enums';
import { isDate } from './values';
import type { FakeRange } from './range';

export const DataValidationCriteria = makeEnum([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
] as const);
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export interface DataValidationSpec {
  criteria: DataValidationCriteriaName;
  /** Criteria arguments as Apps Script returns them: Dates, numbers, strings, [list, showDropdown], [Range, showDropdown]. */
  values: unknown[];
  helpText: string;
  allowInvalid: boolean;
}

function copyArg(v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(copyArg);
  return v;
}

export class FakeDataValidation {
  constructor(readonly spec: Readonly<DataValidationSpec>) {}

  getCriteriaType(): DataValidationCriteriaName { return this.spec.criteria; }
  getCriteriaValues(): unknown[] { return this.spec.values.map(copyArg); }
  getHelpText(): string { return this.spec.helpText; }
  getAllowInvalid(): boolean { return this.spec.allowInvalid; }
  copy(): FakeDataValidationBuilder { return new FakeDataValidationBuilder({ ...this.spec, values: this.spec.values.map(copyArg) }); }
}

export class FakeDataValidationBuilder {
  private spec: DataValidationSpec;

  constructor(spec?: DataValidationSpec) {
    // Sheets' builder allows invalid data (shows a warning) until told otherwise.
    this.spec = spec ?? { criteria: 'CUSTOM_FORMULA', values: [], helpText: '', allowInvalid: true };
  }

  private with(criteria: DataValidationCriteriaName, values: unknown[]): this {
    this.spec = { ...this.spec, criteria, values };
    return this;
  }

  build(): FakeDataValidation { return new FakeDataValidation({ ...this.spec, values: this.spec.values.map(copyArg) }); }
  copy(): FakeDataValidationBuilder { return new FakeDataValidationBuilder({ ...this.spec, values: this.spec.values.map(copyArg) }); }
  getAllowInvalid(): boolean { return this.spec.allowInvalid; }
  getCriteriaType(): DataValidationCriteriaName { return this.spec.criteria; }
  getCriteriaValues(): unknown[] { return this.spec.values.map(copyArg); }
  getHelpText(): string | null { return this.spec.helpText || null; }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.with('CHECKBOX', values);
  }
  requireDate(): this { return this.with('DATE_IS_VALID_DATE', []); }
  requireDateAfter(date: Date): this { return this.with('DATE_AFTER', [date]); }
  requireDateBefore(date: Date): this { return this.with('DATE_BEFORE', [date]); }
  requireDateBetween(start: Date, end: Date): this { return this.with('DATE_BETWEEN', [start, end]); }
  requireDateEqualTo(date: Date): this { return this.with('DATE_EQUAL_TO', [date]); }
  requireDateNotBetween(start: Date, end: Date): this { return this.with('DATE_NOT_BETWEEN', [start, end]); }
  requireDateOnOrAfter(date: Date): this { return this.with('DATE_ON_OR_AFTER', [date]); }
  requireDateOnOrBefore(date: Date): this { return this.with('DATE_ON_OR_BEFORE', [date]); }
  requireFormulaSatisfied(formula: string): this { return this.with('CUSTOM_FORMULA', [formula]); }
  requireNumberBetween(start: number, end: number): this { return this.with('NUMBER_BETWEEN', [start, end]); }
  requireNumberEqualTo(n: number): this { return this.with('NUMBER_EQUAL_TO', [n]); }
  requireNumberGreaterThan(n: number): this { return this.with('NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number): this { return this.with('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number): this { return this.with('NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number): this { return this.with('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  requireNumberNotBetween(start: number, end: number): this { return this.with('NUMBER_NOT_BETWEEN', [start, end]); }
  requireNumberNotEqualTo(n: number): this { return this.with('NUMBER_NOT_EQUAL_TO', [n]); }
  requireTextContains(text: string): this { return this.with('TEXT_CONTAINS', [text]); }
  requireTextDoesNotContain(text: string): this { return this.with('TEXT_DOES_NOT_CONTAIN', [text]); }
  requireTextEqualTo(text: string): this { return this.with('TEXT_EQUAL_TO', [text]); }
  requireTextIsEmail(): this { return this.with('TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl(): this { return this.with('TEXT_IS_VALID_URL', []); }
  requireValueInList(values: string[], showDropdown = true): this { return this.with('VALUE_IN_LIST', [[...values], showDropdown]); }
  requireValueInRange(range: FakeRange, showDropdown = true): this { return this.with('VALUE_IN_RANGE', [range, showDropdown]); }
  setAllowInvalid(allowInvalidData: boolean): this { this.spec = { ...this.spec, allowInvalid: allowInvalidData }; return this; }
  setHelpText(helpText: string): this { this.spec = { ...this.spec, helpText }; return this; }
  withCriteria(criteria: DataValidationCriteriaName, args: unknown[]): this { return this.with(criteria, [...args]); }
}
