/**
 * Formula injection through each route a person's text takes into the register: the sidebar's
 * openCase (free-text case fields), logContact (notes) and the MIS CSV import. Every payload of
 * the shared corpus either is refused with a plain message or lands as inert text: no cell holds a
 * formula the add-on did not make, and printable payloads read back exactly as typed.
 */
import { openCase } from '../../src/app/cases/openCase';
import { importPupilsCsv } from '../../src/app/cases/pupils';
import { logContact } from '../../src/app/contacts/logContact';
import { isUserFacing } from '../../src/domain/errors';
import { INJECTION_CORPUS } from '../domain/injectionCorpus';
import { caseInput, createRegister, upnFor, type TestRegister } from '../app/cases/harness';
import type { Workspace } from '../../emulator';

/** Formulas anywhere in the spreadsheet, other than the add-on's own links. */
function strayFormulas(ws: Workspace): string[] {
  return ws.spreadsheet.getSheets().flatMap((s) =>
    s.getDataRange().getFormulas().flat().filter((f) => f !== '' && !/^=HYPERLINK\("https:\/\//.test(f)).map((f) => `${s.getName()}: ${f}`),
  );
}

function allText(ws: Workspace): Set<string> {
  return new Set(ws.spreadsheet.getSheets().flatMap((s) => s.getDataRange().getValues().flat().map((v) => String(v))));
}

/** Payloads a person can type as they are: no leading control or invisible characters, which cleaning removes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being excluded
const printable = INJECTION_CORPUS.filter((c) => !/^[\s\u0000-\u001F\u200B\uFEFF]/.test(c.payload) && !/[\r\n\t]/.test(c.payload));

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function attempt(fn: () => void): 'stored' | 'refused' {
  try {
    fn();
    return 'stored';
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    return 'refused';
  }
}

describe('every injection payload lands as inert text', () => {
  let reg: TestRegister;
  beforeAll(() => {
    reg = createRegister();
  });

  it('through openCase (free-text case fields)', () => {
    let stored = 0;
    INJECTION_CORPUS.forEach((c, i) => {
      const outcome = attempt(() => openCase(reg.ctx(), caseInput({ upn: upnFor(100 + i), pupilName: `Pupil ${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26)]}`, yearGroup: 'Year 8', dateOfBirth: '2013-01-15', healthDetail: c.payload, formGroup: '8H', parentName: 'Pat Parent' })));
      reg.ws.endExecution();
      if (outcome === 'stored') stored += 1;
    });
    // Free text is kept (made inert); nothing is refused for it.
    expect(stored).toBe(INJECTION_CORPUS.length);
    expect(strayFormulas(reg.ws)).toEqual([]);
    const text = allText(reg.ws);
    const stillOpen = printable.filter((c) => !text.has(c.payload));
    expect(stillOpen.map((c) => c.description).filter((d) => !/apostrophe/.test(d))).toEqual([]);
  });

  it('through logContact (notes)', () => {
    const { ref } = openCase(reg.ctx(), caseInput({ upn: upnFor(1) }));
    reg.ws.endExecution();
    let stored = 0;
    for (const c of INJECTION_CORPUS) {
      if (attempt(() => logContact(reg.ctx(), { ref, date: '2027-06-28', contacted: 'Parent/carer', method: 'Phone', outcome: 'Spoke to', wellbeing: c.payload, engagement: c.payload, nextSteps: c.payload })) === 'stored') stored += 1;
      reg.ws.endExecution();
    }
    expect(stored).toBe(INJECTION_CORPUS.length);
    expect(strayFormulas(reg.ws)).toEqual([]);
    const text = allText(reg.ws);
    expect(printable.filter((c) => !text.has(c.payload)).map((c) => c.description).filter((d) => !/apostrophe/.test(d))).toEqual([]);
  });

  it('through the MIS CSV import', () => {
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const lines = ['UPN,Surname,Forename,Date of birth,Year,Reg group,Primary contact'];
    INJECTION_CORPUS.forEach((c, i) => lines.push([upnFor(300 + i), quote(c.payload), `Forename${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26)]}`, '15/01/2013', 'Year 8', quote(c.payload.slice(0, 10)), quote(c.payload)].join(',')));
    const report = importPupilsCsv(reg.ctx(), lines.join('\r\n'));
    reg.ws.endExecution();
    expect(strayFormulas(reg.ws)).toEqual([]);
    // Names are not free text: a row with a formula-like name is refused, by row, in plain words.
    const refusedRows = new Set(report.problems.map((p) => p.row));
    INJECTION_CORPUS.forEach((c, i) => {
      // (Payloads led by a tab or other invisible character are cleaned to plain text and may be imported: inert either way.)
      if (/^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(c.payload)) expect([c.description, refusedRows.has(i + 2)]).toEqual([c.description, true]);
    });
    expect(report.problems.every((p) => /could run as a formula|not imported/.test(p.message))).toBe(true);
  });
});
