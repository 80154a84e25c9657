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
import { documentText } from '../../emulator/docs';
import { CASES, CONTACTS, PARENT_LETTERS, STAFF, UNMATCHED_CONTACTS, WORK_SET } from '../../src/domain/schema';
import { QUESTION, pupilChoice } from '../../src/domain/contactForm';
import { closeCase } from '../../src/app/cases/periods';
import { logWeekOfWork } from '../../src/app/work/logWork';
import { generateLetters } from '../../src/app/letters/queue';
import { runLetterBatch } from '../../src/app/letters/runBatch';
import { COORDINATOR, createTrustRegister, type TrustRegister } from './harness';
import { caseFor, formId, letterStatuses, prepareSchool, setSetting, submitContact } from './faultFlows';

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

/** Every formula in the spreadsheet, the add-on's own included: the routes below must leave none. */
function anyFormulas(ws: Workspace): string[] {
  return ws.spreadsheet.getSheets().flatMap((s) => s.getDataRange().getFormulas().flat().filter((f) => f !== '').map((f) => `${s.getName()}: ${f}`));
}

function sheetRows(ws: Workspace, name: string): unknown[][] {
  const sheet = ws.spreadsheet.getSheets().find((s) => s.getName() === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.getDataRange().getValues();
}

describe('through the contact Form (free-text answers, as a teacher types them)', () => {
  let trust: TrustRegister;
  beforeAll(() => {
    trust = createTrustRegister();
    prepareSchool(trust);
    trust.run((ctx) => openCase(ctx, caseFor(1, 'Amelia Hughes')));
    trust.run((ctx) => openCase(ctx, caseFor(2, 'Rohan Patel')));
    trust.run((ctx) => closeCase(ctx, { ref: 'HN-2026-0002', date: '2026-10-06' }));
    // Someone loaded the Form before Rohan's case closed: that choice still arrives, so the
    // answers go to the Unmatched contacts queue (a second route to a sheet).
    trust.ws.run(() => {
      const item = trust.ws.forms.items(formId(trust)).find((i) => i.title === QUESTION.pupil);
      item?.choices.push(pupilChoice('Rohan Patel', 'Year 8', 'HN-2026-0002'));
    });
    for (const c of INJECTION_CORPUS) {
      submitContact(trust, 'Amelia Hughes', 'HN-2026-0001', { wellbeing: c.payload, engagement: c.payload, nextSteps: c.payload });
      submitContact(trust, 'Rohan Patel', 'HN-2026-0002', { wellbeing: c.payload, engagement: c.payload, nextSteps: c.payload });
    }
  });

  it('logs every response once: matched to the Contact log, the closed case\u2019s to Unmatched contacts', () => {
    const contacts = sheetRows(trust.ws, CONTACTS.title).slice(1);
    const unmatched = sheetRows(trust.ws, UNMATCHED_CONTACTS.title).slice(1);
    expect(contacts).toHaveLength(INJECTION_CORPUS.length);
    expect(unmatched).toHaveLength(INJECTION_CORPUS.length);
  });

  it('leaves no formula in any sheet, and printable answers read back as typed', () => {
    expect(anyFormulas(trust.ws)).toEqual([]);
    // (Forms writes an answer starting with an apostrophe to its sheet, where Sheets drops the apostrophe, as the routes above also show.)
    const asTyped = printable.filter((c) => !/apostrophe/.test(c.description));
    const logged = trust.run((ctx) => ctx.services.tables.readAll(CONTACTS)).map((r) => r.values);
    const misread = asTyped.filter((c) => {
      const row = logged[INJECTION_CORPUS.indexOf(c)];
      return !row || [row.wellbeing, row.engagement, row.nextSteps].some((v) => v !== c.payload);
    });
    expect(misread.map((c) => c.description)).toEqual([]);
    // The unmatched queue keeps a summary of the answers: each printable payload is in it as text.
    const answers = trust.run((ctx) => ctx.services.tables.readAll(UNMATCHED_CONTACTS)).map((r) => String(r.values.answers));
    expect(asTyped.filter((c) => !answers[INJECTION_CORPUS.indexOf(c)]?.includes(c.payload)).map((c) => c.description)).toEqual([]);
  });
});

describe('through letter template data (parent name, work, teacher, settings)', () => {
  let trust: TrustRegister;
  const SCHOOL = INJECTION_CORPUS.find((c) => c.description.startsWith('HYPERLINK'))!.payload;
  const SIGN_OFF = INJECTION_CORPUS.find((c) => c.description.startsWith('IMPORTXML'))!.payload;
  beforeAll(() => {
    trust = createTrustRegister();
    prepareSchool(trust);
    setSetting(trust, 'School name', SCHOOL);
    setSetting(trust, 'Letter sign-off name', SIGN_OFF);
    INJECTION_CORPUS.forEach((c, i) => {
      const ref = trust.run((ctx) => openCase(ctx, caseFor(100 + i, `Pupil ${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26)]}`))).ref;
      // The parent's name as the MIS (or a person typing into the Cases sheet) gave it.
      trust.run((ctx) => {
        const row = ctx.services.tables.readColumn(CASES, 'ref').find((r) => r.value === ref)!;
        ctx.services.tables.update(CASES, [{ rowNumber: row.rowNumber, values: { parentName: c.payload } }]);
      });
      // The teacher's name as typed on the Staff sheet goes onto each piece of work they log.
      trust.run((ctx) => {
        const me = ctx.services.tables.readAll(STAFF).find((r) => r.values.email === COORDINATOR)!;
        ctx.services.tables.update(STAFF, [{ rowNumber: me.rowNumber, values: { name: c.payload } }]);
      });
      trust.run((ctx) => logWeekOfWork(ctx, { ref, weekOf: '2026-10-05', items: [{ subject: 'Maths', description: c.payload, medium: 'Work pack posted' }] }));
    });
    const asked = trust.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', how: 'Printed', allOpenCases: true, weekOf: '2026-10-05' }));
    expect(asked.queued).toBe(INJECTION_CORPUS.length);
    for (let run = 0; run < 5 && letterStatuses(trust).some((s) => s === 'Queued'); run += 1) trust.run((ctx) => runLetterBatch(ctx));
  });

  it('makes every letter, holding each printable payload as literal text in the document', () => {
    const letters = trust.run((ctx) => ctx.services.tables.readAll(PARENT_LETTERS)).map((r) => r.values);
    expect(letters.map((l) => l.status)).toEqual(INJECTION_CORPUS.map(() => 'Generated'));
    const wrong: string[] = [];
    letters.forEach((letter) => {
      const i = Number(/HN-2026-(\d+)/.exec(String(letter.caseRef))![1]) - 1;
      const c = INJECTION_CORPUS[i];
      const id = /\/document\/d\/([^/]+)/.exec(String(letter.documentLink))![1];
      const text = documentText(trust.ws.ctx, id);
      for (const [what, expected] of [['school name', SCHOOL], ['sign-off', SIGN_OFF]] as const) if (!text.includes(expected)) wrong.push(`${c.description}: ${what}`);
      if (printable.includes(c) && !text.includes(c.payload)) wrong.push(`${c.description}: parent name or work description`);
    });
    expect(wrong).toEqual([]);
  });

  it('leaves no formula on the Parent letters, Work set or any other sheet; the teacher\u2019s name is stored as text', () => {
    expect(anyFormulas(trust.ws)).toEqual([]);
    const teachers = trust.run((ctx) => ctx.services.tables.readAll(WORK_SET)).map((r) => String(r.values.teacher));
    expect(printable.filter((c) => !teachers.includes(c.payload)).map((c) => c.description)).toEqual([]);
  });
});
