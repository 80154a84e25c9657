/** Conditional format rules: stored and returned faithfully; the emulator does not paint cells. */
import { makeEnum } from '../enums';
import type { AnchoredRect } from './grid';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
] as const);
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export interface ConditionalFormatSpec {
  criteria: BooleanCriteriaName | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

/** Where a rule applies: a sheet and rectangles that move with inserted/deleted rows. */
export interface RuleTarget {
  sheet: FakeSheet;
  rects: AnchoredRect[];
}

export class FakeBooleanCondition {
  constructor(private readonly spec: ConditionalFormatSpec) {}
  getCriteriaType(): BooleanCriteriaName | null { return this.spec.criteria; }
  getCriteriaValues(): unknown[] { return [...this.spec.values]; }
  getBackground(): string | null { return this.spec.background; }
  getFontColor(): string | null { return this.spec.fontColor; }
  getBold(): boolean | null { return this.spec.bold; }
  getItalic(): boolean | null { return this.spec.italic; }
  getStrikethrough(): boolean | null { return this.spec.strikethrough; }
  getUnderline(): boolean | null { return this.spec.underline; }
}

export class FakeConditionalFormatRule {
  constructor(readonly spec: ConditionalFormatSpec, readonly ranges: FakeRange[]) {}
  getBooleanCondition(): FakeBooleanCondition | null { return this.spec.criteria ? new FakeBooleanCondition(this.spec) : null; }
  getGradientCondition(): null { return null; }
  getRanges(): FakeRange[] { return [...this.ranges]; }
  copy(): FakeConditionalFormatRuleBuilder { return new FakeConditionalFormatRuleBuilder({ ...this.spec }, [...this.ranges]); }
}

export class FakeConditionalFormatRuleBuilder {
  constructor(
    private spec: ConditionalFormatSpec = { criteria: null, values: [], background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null },
    private ranges: FakeRange[] = [],
  ) {}

  private when(criteria: BooleanCriteriaName, values: unknown[]): this {
    this.spec = { ...this.spec, criteria, values };
    return this;
  }

  /** Real Sheets refuses a rule with no ranges or no condition when it is built. */
  build(): FakeConditionalFormatRule {
    if (this.ranges.length === 0) throw new Error('Conditional format rule must have at least one range.');
    if (!this.spec.criteria) throw new Error('Conditional format rule must have a condition.');
    return new FakeConditionalFormatRule({ ...this.spec }, [...this.ranges]);
  }
  copy(): FakeConditionalFormatRuleBuilder { return new FakeConditionalFormatRuleBuilder({ ...this.spec }, [...this.ranges]); }
  getBooleanCondition(): FakeBooleanCondition | null { return this.spec.criteria ? new FakeBooleanCondition(this.spec) : null; }
  getGradientCondition(): null { return null; }
  getRanges(): FakeRange[] { return [...this.ranges]; }
  setRanges(ranges: FakeRange[]): this { this.ranges = [...ranges]; return this; }
  setBackground(color: string | null): this { this.spec = { ...this.spec, background: color }; return this; }
  setFontColor(color: string | null): this { this.spec = { ...this.spec, fontColor: color }; return this; }
  setBold(bold: boolean | null): this { this.spec = { ...this.spec, bold }; return this; }
  setItalic(italic: boolean | null): this { this.spec = { ...this.spec, italic }; return this; }
  setStrikethrough(v: boolean | null): this { this.spec = { ...this.spec, strikethrough: v }; return this; }
  setUnderline(v: boolean | null): this { this.spec = { ...this.spec, underline: v }; return this; }
  whenCellEmpty(): this { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): this { return this.when('CELL_NOT_EMPTY', []); }
  whenDateAfter(date: Date): this { return this.when('DATE_AFTER', [date]); }
  whenDateBefore(date: Date): this { return this.when('DATE_BEFORE', [date]); }
  whenDateEqualTo(date: Date): this { return this.when('DATE_EQUAL_TO', [date]); }
  whenFormulaSatisfied(formula: string): this { return this.when('CUSTOM_FORMULA', [formula]); }
  whenNumberBetween(a: number, b: number): this { return this.when('NUMBER_BETWEEN', [a, b]); }
  whenNumberEqualTo(n: number): this { return this.when('NUMBER_EQUAL_TO', [n]); }
  whenNumberGreaterThan(n: number): this { return this.when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number): this { return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberLessThan(n: number): this { return this.when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number): this { return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberNotBetween(a: number, b: number): this { return this.when('NUMBER_NOT_BETWEEN', [a, b]); }
  whenNumberNotEqualTo(n: number): this { return this.when('NUMBER_NOT_EQUAL_TO', [n]); }
  whenTextContains(text: string): this { return this.when('TEXT_CONTAINS', [text]); }
  whenTextDoesNotContain(text: string): this { return this.when('TEXT_DOES_NOT_CONTAIN', [text]); }
  whenTextEndsWith(text: string): this { return this.when('TEXT_ENDS_WITH', [text]); }
  whenTextEqualTo(text: string): this { return this.when('TEXT_EQUAL_TO', [text]); }
  whenTextStartsWith(text: string): this { return this.when('TEXT_STARTS_WITH', [text]); }
  withCriteria(criteria: BooleanCriteriaName, args: unknown[]): this { return this.when(criteria, [...args]); }
}
