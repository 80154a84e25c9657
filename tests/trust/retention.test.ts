/**
 * Retention: the disposal review lists closed cases past the period in Settings (a case without a
 * date of birth is listed as not assessed, never removed); once confirmed, every row of those
 * cases goes from every case-linked sheet, their letters, PDFs and folder go to the Drive bin, and
 * the audit log records it by case reference only. A fault part-way leaves the case listed, and
 * a second run finishes it and logs it once.
 */
import { disposeRecords, reviewRetention, caseLinkedTables, DISPOSAL_PENDING_KEY } from '../../src/app/trust/retention';
import { verifyAuditLog } from '../../src/app/trust/verifyAuditLog';
import { AUDIT_LOG, CASES, PARENT_LETTERS, type TableSpec } from '../../src/domain/schema';
import { LETTERS_FOLDER_STATE_KEY } from '../../src/domain/letters/templates';
import { caseFolderName } from '../../src/domain/letters/naming';
import { addYears, caseRetention } from '../../src/domain/retention';
import { COORDINATOR, PASTORAL, createTrustRegister, type TrustRegister } from './harness';

const OLD = 'HN-2019-0001';
const YOUNG = 'HN-2024-0002';
const NO_DOB = 'HN-2020-0003';

function seed(reg: TrustRegister): { files: string[] } {
  const files: string[] = [];
  reg.run((ctx) => {
    const { tables, documents, state } = ctx.services;
    const base = { pupilName: 'Pupil', upn: 'A123', firstDay: '2019-01-07', arrangement: 'Closed', healthNeed: 'Physical illness', healthDetail: 'Glandular fever' };
    tables.append(CASES, [
      { ...base, ref: OLD, status: 'Closed', closedOn: '2019-03-01', dateOfBirth: '2000-05-01', pupilName: 'Olive Old' },
      { ...base, ref: YOUNG, status: 'Closed', closedOn: '2024-03-01', dateOfBirth: '2012-05-01', pupilName: 'Yusuf Young' },
      { ...base, ref: NO_DOB, status: 'Closed', closedOn: '2020-03-01', dateOfBirth: '', pupilName: 'Nadia Nodob' },
    ]);
    for (const spec of caseLinkedTables()) {
      const row = Object.fromEntries(spec.columns.map((c) => [c.key, c.type === 'date' ? '2026-09-15' : c.type === 'dateTime' ? new Date('2026-09-15T10:00:00Z') : c.type === 'number' ? 1 : c.type === 'boolean' ? false : c.type === 'email' ? COORDINATOR : 'x']));
      tables.append(spec, [{ ...row, caseRef: OLD }, { ...row, caseRef: YOUNG }, { ...row, caseRef: OLD }]);
    }
    const root = documents.createFolder('Letters');
    state.set({ [LETTERS_FOLDER_STATE_KEY]: root.id });
    const folder = documents.createFolder(caseFolderName(OLD), root.id);
    const doc = documents.createDocument('Letter', 'Dear parent', folder.id);
    const pdf = documents.exportPdf(doc.id, 'Letter.pdf', folder.id);
    files.push(folder.id, doc.id, pdf.file.id);
    const letters = tables.readColumn(PARENT_LETTERS, 'caseRef').filter((c) => c.value === OLD);
    tables.update(PARENT_LETTERS, [{ rowNumber: letters[0].rowNumber, values: { documentLink: doc.url, pdfLink: pdf.file.url } }]);
  });
  return { files };
}

const refsIn = (reg: TrustRegister, spec: TableSpec, key = 'caseRef') => reg.run((ctx) => ctx.services.tables.readColumn(spec, key).map((c) => String(c.value)));

describe('retention rules', () => {
  it('keeps a closed case until the pupil reaches the age in Settings, and never decides without a date of birth', () => {
    expect(addYears('2000-02-29', 25)).toBe('2025-02-28');
    expect(caseRetention({ ref: 'a', status: 'Closed', closedOn: '2019-03-01', dateOfBirth: '2000-05-01' }, 25, '2025-04-30').kind).toBe('kept');
    expect(caseRetention({ ref: 'a', status: 'Closed', closedOn: '2019-03-01', dateOfBirth: '2000-05-01' }, 25, '2025-05-01').kind).toBe('due');
    expect(caseRetention({ ref: 'a', status: 'Open', closedOn: '', dateOfBirth: '2000-05-01' }, 25, '2030-01-01').kind).toBe('open');
    expect(caseRetention({ ref: 'a', status: 'Closed', closedOn: '2019-03-01', dateOfBirth: '' }, 25, '2090-01-01').kind).toBe('undecidable');
    // Never before the case closed, whatever the age setting.
    expect(caseRetention({ ref: 'a', status: 'Closed', closedOn: '2026-09-01', dateOfBirth: '2000-05-01' }, 1, '2026-08-01')).toMatchObject({ kind: 'kept', keepUntil: '2026-09-01' });
  });
});

describe('the disposal review', () => {
  it('lists only what is due, and removes it everywhere once confirmed, logged without health detail', () => {
    const reg = createTrustRegister();
    const { files } = seed(reg);
    const review = reg.run((ctx) => reviewRetention(ctx));
    expect(review.dueCases.map((c) => c.ref)).toEqual([OLD]);
    expect(review.undecided.map((c) => c.ref)).toEqual([NO_DOB]);
    expect(review.summary).toMatch(/HN-2019-0001 \(closed Fri 1 Mar 2019, kept until Thu 1 May 2025\)/);

    const result = reg.run((ctx) => disposeRecords(ctx, [OLD]));
    expect(result.casesRemoved).toEqual([OLD]);
    expect(result.documentsBinned).toBe(3);
    expect(refsIn(reg, CASES, 'ref')).toEqual([YOUNG, NO_DOB]);
    for (const spec of caseLinkedTables()) expect([spec.title, refsIn(reg, spec)]).toEqual([spec.title, [YOUNG]]);
    for (const id of files) expect(reg.ws.ctx.files.get(id)!.trashed).toBe(true);

    const audit = reg.run((ctx) => ctx.services.tables.readTail(AUDIT_LOG, 1))[0].values;
    expect(audit).toMatchObject({ action: 'Records removed: retention period ended', caseRef: OLD, who: COORDINATOR });
    expect(JSON.stringify(audit)).not.toMatch(/Olive|Glandular|Physical/);
    expect(reg.run((ctx) => verifyAuditLog(ctx)).ok).toBe(true);
    // Nothing more is due.
    expect(reg.run((ctx) => reviewRetention(ctx)).dueCases).toEqual([]);
  });

  it('removes nothing that was not confirmed', () => {
    const reg = createTrustRegister();
    seed(reg);
    const result = reg.run((ctx) => disposeRecords(ctx, [YOUNG, NO_DOB]));
    expect(result.casesRemoved).toEqual([]);
    expect(refsIn(reg, CASES, 'ref')).toEqual([OLD, YOUNG, NO_DOB]);
  });

  it.each(['Drive.Files.update', 'Drive.Files.list', 'SpreadsheetApp.Sheet.deleteRows', 'SpreadsheetApp.Sheet.appendRow', 'LockService.tryLock'])(
    'after a fault in %s, the case is still listed and a second run finishes and logs it once',
    (call) => {
      const reg = createTrustRegister();
      seed(reg);
      reg.ws.meter.inject({ call, nth: call.endsWith('deleteRows') ? 3 : 1, message: 'Service unavailable' });
      expect(() => reg.run((ctx) => disposeRecords(ctx, [OLD]))).toThrow(/Service unavailable/);
      reg.ws.meter.clearFaults();
      if (refsIn(reg, CASES, 'ref').includes(OLD)) expect(reg.run((ctx) => reviewRetention(ctx)).dueCases.map((c) => c.ref)).toEqual([OLD]);
      reg.run((ctx) => disposeRecords(ctx, [OLD]));
      expect(refsIn(reg, CASES, 'ref')).toEqual([YOUNG, NO_DOB]);
      for (const spec of caseLinkedTables()) expect(refsIn(reg, spec)).toEqual([YOUNG]);
      const logged = reg.run((ctx) => ctx.services.tables.readAll(AUDIT_LOG)).filter((r) => r.values.caseRef === OLD);
      expect(logged).toHaveLength(1);
      expect(reg.run((ctx) => ctx.services.state.get(DISPOSAL_PENDING_KEY))).toBeNull();
      expect(reg.run((ctx) => verifyAuditLog(ctx)).ok).toBe(true);
    },
  );

  it('removes nothing while someone else holds the register’s lock, and says so', () => {
    const reg = createTrustRegister();
    seed(reg);
    reg.ws.locks.holdDocumentLock();
    expect(() => reg.run((ctx) => disposeRecords(ctx, [OLD]))).toThrow(/Someone else is changing the register at this moment, so nothing was removed/);
    reg.ws.locks.releaseHeld();
    expect(refsIn(reg, CASES, 'ref')).toEqual([OLD, YOUNG, NO_DOB]);
  });

  it('is for coordinators only', () => {
    const reg = createTrustRegister();
    reg.as(PASTORAL);
    expect(() => reg.run((ctx) => reviewRetention(ctx))).toThrow(/Your role \(Pastoral\) does not allow you to remove records past their retention period/);
  });
});
