import { detectDelimiter, parseCsv, toCsv } from '../../src/domain/csv';
import { INJECTION_CORPUS } from './injectionCorpus';

describe('parseCsv', () => {
  it('reads simple comma-separated records', () => {
    expect(parseCsv('a,b,c\n1,2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('handles quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const text = 'name,note\r\n"Smith, John","He said ""hello""\r\nthen left"\r\n"",x\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Smith, John', 'He said "hello"\r\nthen left'],
      ['', 'x'],
    ]);
  });

  it('treats CRLF, LF and lone CR as record ends', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('drops a byte-order mark at the start', () => {
    const rows = parseCsv('\uFEFFUPN,Surname\nB801200005001,Smith\n');
    expect(rows[0]).toEqual(['UPN', 'Surname']);
  });

  it('adds no empty record for a trailing line break, but keeps a trailing empty field', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r\n1,\r\n')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(parseCsv('a,""')).toEqual([['a', '']]);
  });

  it('keeps blank lines as records so record numbers match spreadsheet rows', () => {
    expect(parseCsv('h\n\nx\n')).toEqual([['h'], [''], ['x']]);
  });

  it('detects semicolon and tab delimiters from the header line', () => {
    expect(parseCsv('UPN;Surname;Forename\nB801200005001;Smith;Jo, Ann\n')).toEqual([
      ['UPN', 'Surname', 'Forename'],
      ['B801200005001', 'Smith', 'Jo, Ann'],
    ]);
    expect(parseCsv('UPN\tSurname\nB801200005001\tO\'Neil, Jo\n')).toEqual([
      ['UPN', 'Surname'],
      ['B801200005001', "O'Neil, Jo"],
    ]);
  });

  it('ignores delimiters inside quotes when detecting', () => {
    expect(detectDelimiter('"a;b;c;d",e,f\n')).toBe(',');
    expect(detectDelimiter('"a,b,c";d;e')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('accepts an explicit delimiter', () => {
    expect(parseCsv('a;b,c', { delimiter: ',' })).toEqual([['a;b', 'c']]);
  });

  it('is lenient with stray quotes and an unclosed quoted field', () => {
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', 'd']]);
    expect(parseCsv('"ab"c,d')).toEqual([['abc', 'd']]);
    expect(parseCsv('x,"unclosed\nstill')).toEqual([['x', 'unclosed\nstill']]);
  });

  it('returns nothing for empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('keeps spaces around fields as they are', () => {
    expect(parseCsv(' a , b ')).toEqual([[' a ', ' b ']]);
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 CSV with CRLF and quoting only where needed', () => {
    expect(toCsv([
      ['UPN', 'Name', 'Note'],
      ['B801200005001', 'Smith, Jo', 'Said "fine"\nthanks'],
    ])).toBe('UPN,Name,Note\r\nB801200005001,"Smith, Jo","Said ""fine""\nthanks"\r\n');
  });

  it('can use LF and another delimiter', () => {
    expect(toCsv([['a', 'b']], { delimiter: ';', lineEnding: '\n' })).toBe('a;b\n');
  });

  it('round-trips ordinary text exactly', () => {
    const rows = [
      ['UPN', 'Name', 'Note'],
      ['B801200005001', "O'Brien, Zoë", 'line 1\r\nline 2'],
      ['', ' spaced ', 'semi;colon'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('neutralises every corpus payload so no parsed field starts a formula', () => {
    const rows = INJECTION_CORPUS.map((c) => ['x', c.payload]);
    const text = toCsv(rows);
    const parsed = parseCsv(text);
    expect(parsed).toHaveLength(rows.length);
    parsed.forEach((row, i) => {
      expect(row).toHaveLength(2);
      const csv = INJECTION_CORPUS[i].csv;
      expect(row[1]).toBe(csv.startsWith('"') ? unquote(csv) : csv);
      expect(row[1]).not.toMatch(STARTS_FORMULA);
    });
    // Read with a semicolon delimiter (as a European-locale spreadsheet would), still no field starts a formula.
    for (const delimiter of [';', '\t'] as const) {
      for (const row of parseCsv(text, { delimiter })) {
        for (const field of row) expect(field).not.toMatch(STARTS_FORMULA_AFTER_QUOTES);
      }
    }
    // A reader that ignores quotes and splits every line on every separator still sees no cell starting
    // with a formula (a cell starting with a quote mark is text).
    for (const piece of text.split(/[,;\t\r\n]/)) {
      expect(piece).not.toMatch(STARTS_FORMULA);
    }
  });
});

/** A field that a spreadsheet would read as a formula: a trigger after nothing but invisible characters. */
// eslint-disable-next-line no-control-regex -- NUL is one of the invisible leading characters under test
const STARTS_FORMULA = /^[\s\u200B\uFEFF\u0000]*[=+\-@＝＋－＠]/;
// eslint-disable-next-line no-control-regex -- as above, also skipping quote marks a quote-aware reader removes
const STARTS_FORMULA_AFTER_QUOTES = /^[\s"\u200B\uFEFF\u0000]*[=+\-@＝＋－＠]/;

function unquote(field: string): string {
  return field.slice(1, -1).replace(/""/g, '"');
}
