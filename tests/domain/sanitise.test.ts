import {
  DEFAULT_MAX_CELL_LENGTH,
  cleanCellText,
  cleanCellTextReport,
  isFormulaLike,
  neutraliseCsvField,
  neutraliseFormula,
  tooLongMessage,
} from '../../src/domain/sanitise';
import { coerceInput } from '../../emulator/spreadsheet/values';
import { BENIGN_VALUES, INJECTION_CORPUS } from './injectionCorpus';

describe('injection corpus', () => {
  it('has at least 30 payloads, each distinct', () => {
    expect(INJECTION_CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(INJECTION_CORPUS.map((c) => c.payload)).size).toBe(INJECTION_CORPUS.length);
  });

  it.each(INJECTION_CORPUS.map((c) => [c.description, c] as const))('%s', (_d, c) => {
    expect(isFormulaLike(c.payload)).toBe(c.formulaLike);
    expect(neutraliseFormula(c.payload)).toBe(c.cell);
    expect(neutraliseCsvField(c.payload)).toBe(c.csv);
  });

  it.each(INJECTION_CORPUS.map((c) => [c.description, c] as const))(
    'the emulated sheet stores %s as the exact text, never a formula',
    (_d, c) => {
      const stored = coerceInput(c.cell, undefined, 'Europe/London');
      expect(stored.formula).toBeUndefined();
      expect(stored.value).toBe(c.payload);
    },
  );
});

describe('neutraliseFormula', () => {
  it.each(BENIGN_VALUES)('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
    expect(isFormulaLike(value)).toBe(false);
  });

  it('is idempotent in effect: neutralising twice keeps the stored text one level of apostrophe away', () => {
    expect(neutraliseFormula(neutraliseFormula('=1'))).toBe("''=1");
  });

  it('treats a signed number as data only when the caller says the column is numeric', () => {
    expect(neutraliseFormula('-5')).toBe("'-5");
    expect(neutraliseFormula('-5', { numeric: true })).toBe('-5');
    expect(neutraliseFormula('+3.25', { numeric: true })).toBe('+3.25');
    expect(neutraliseFormula('-1e3', { numeric: true })).toBe('-1e3');
    expect(neutraliseFormula('-5+cmd', { numeric: true })).toBe("'-5+cmd");
    expect(neutraliseFormula('=5', { numeric: true })).toBe("'=5");
  });

  it('neutralises a +44 phone number, which Sheets then stores as text', () => {
    expect(neutraliseFormula('+44 7700 900123')).toBe("'+44 7700 900123");
  });
});

describe('cleanCellText', () => {
  it('trims, turns tabs and line breaks into spaces, and neutralises', () => {
    expect(cleanCellText('  Jo  ')).toBe('Jo');
    expect(cleanCellText('a\tb\r\nc\nd')).toBe('a b c d');
    expect(cleanCellText(' =1+1 ')).toBe("'=1+1");
    expect(cleanCellText('\t=1')).toBe("'=1");
  });

  it('keeps line breaks as \\n when multiline', () => {
    expect(cleanCellText('Line one  \r\nLine two\rLine three', { multiline: true })).toBe('Line one\nLine two\nLine three');
  });

  it('removes control characters and bidi overrides', () => {
    expect(cleanCellText('a\u0000b\u0007c\u007Fd\u202Ee')).toBe('abcde');
    expect(cleanCellText('\u0000=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
  });

  it('still neutralises a formula hidden behind a zero-width space', () => {
    expect(cleanCellText('\u200B=1+1')).toBe("'\u200B=1+1");
  });

  it('turns null and undefined into empty text and numbers into text', () => {
    expect(cleanCellText(null)).toBe('');
    expect(cleanCellText(undefined)).toBe('');
    expect(cleanCellText(42)).toBe('42');
    expect(cleanCellText(-5)).toBe("'-5");
    expect(cleanCellText(-5, { numeric: true })).toBe('-5');
  });

  it('caps length at 5,000 by default with a plain message', () => {
    expect(DEFAULT_MAX_CELL_LENGTH).toBe(5000);
    const report = cleanCellTextReport('x'.repeat(6000));
    expect(report.text).toHaveLength(5000);
    expect(report.truncated).toBe(true);
    expect(report.message).toBe(
      'This text is 6,000 characters long; only the first 5,000 can be kept. Please shorten it, or attach a document instead.',
    );
    expect(cleanCellTextReport('short')).toEqual({ text: 'short', truncated: false, message: null });
  });

  it('caps at a custom length and neutralises after cutting', () => {
    expect(cleanCellText('=abcdef', { maxLength: 3 })).toBe("'=ab");
    expect(tooLongMessage(100, 1234567)).toContain('1,234,567 characters');
  });
});

describe('neutraliseCsvField', () => {
  it('leaves simple fields bare and quotes the rest', () => {
    expect(neutraliseCsvField('Smith')).toBe('Smith');
    expect(neutraliseCsvField('Smith, John')).toBe('"Smith, John"');
    expect(neutraliseCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(neutraliseCsvField(' padded')).toBe('" padded"');
    expect(neutraliseCsvField('')).toBe('');
  });
});
