/**
 * Letters to parents end to end on the emulator: set-up makes the folder and templates once,
 * letters are queued then made in batches (one copy, one batchUpdate, one export, one email each),
 * a template mismatch is named before anything is made, a failure halfway resumes with nothing
 * sent twice, and the email allowance holds letters rather than losing them.
 */
import { MIME } from '../../../emulator';
import { documentText } from '../../../emulator/docs';
import { AUDIT_LOG, PARENT_LETTERS } from '../../../src/domain/schema';
import { LETTERS_FOLDER_STATE_KEY, TEMPLATE_STATE_KEYS } from '../../../src/domain/letters/templates';
import { ensureLetterTemplates } from '../../../src/app/letters/templates';
import { generateLetters } from '../../../src/app/letters/queue';
import { previewLetter } from '../../../src/app/letters/prepare';
import { retryFailedLetters, runLetterBatch } from '../../../src/app/letters/runBatch';
import { logWeekOfWork } from '../../../src/app/work/logWork';
import { lettersChronology, lettersSectionFor } from '../../../src/app/work/summary';
import { addCases, freshRegister, manyCases, setSetting, type Register } from '../work/registerHarness';

const WEEK = '2026-11-23';

function withWork(register: Register, refs: readonly string[]): void {
  for (const ref of refs) {
    register.run((ctx) => logWeekOfWork(ctx, {
      ref,
      weekOf: WEEK,
      items: [
        { subject: 'Maths', description: 'Fractions worksheet, pages 4 to 6', medium: 'Work pack posted' },
        { subject: 'English', description: 'Read chapter 3 and write a summary', medium: 'Work pack posted' },
      ],
    }));
  }
}

function letterRows(register: Register) {
  return register.run((ctx) => ctx.services.tables.readAll(PARENT_LETTERS)).map((r) => r.values);
}

function emailRegister(n: number): Register {
  const register = freshRegister();
  setSetting(register, 'Email letters to parents', 'Yes');
  setSetting(register, 'School name', 'Hill School');
  addCases(register, manyCases(n));
  withWork(register, manyCases(n).map((c) => c.ref));
  return register;
}

describe('set-up makes the letters folder and the default templates once', () => {
  test('folder and two templates, restricted, not duplicated; a deleted template is made again', () => {
    const register = freshRegister();
    const { ws } = register;
    const state = register.run((ctx) => ctx.services.state.getAll());
    const rootId = state[LETTERS_FOLDER_STATE_KEY];
    const workSetId = state[TEMPLATE_STATE_KEYS['Work set letter']];
    const generalId = state[TEMPLATE_STATE_KEYS['General letter']];
    expect(ws.ctx.file(rootId)?.mimeType).toBe(MIME.folder);
    expect(ws.ctx.file(workSetId)?.parents).toEqual([rootId]);
    expect(documentText(ws.ctx, workSetId)).toContain('{{Work list}}');
    expect(documentText(ws.ctx, generalId)).toContain('{{Message}}');

    // Running set-up again makes nothing new.
    const before = ws.drive.allFiles().length;
    expect(register.run((ctx) => ensureLetterTemplates(ctx))).toEqual([]);
    expect(ws.drive.allFiles().length).toBe(before);

    // Someone shared the folder with anyone: set-up removes it.
    register.run(() => Drive!.Permissions.create({ type: 'anyone', role: 'reader' }, rootId));
    const lines = register.run((ctx) => ensureLetterTemplates(ctx));
    expect(lines.join(' ')).toContain('anyone with the link');
    expect(ws.ctx.file(rootId)?.permissions.some((p) => p.type === 'anyone')).toBe(false);

    // A deleted template is made again, the other is left alone.
    register.run(() => Drive!.Files.remove(generalId));
    const again = register.run((ctx) => ensureLetterTemplates(ctx));
    expect(again).toHaveLength(1);
    expect(again[0]).toContain('had been deleted');
    const newGeneral = register.run((ctx) => ctx.services.state.get(TEMPLATE_STATE_KEYS['General letter']));
    expect(newGeneral).not.toBe(generalId);
    expect(register.run((ctx) => ctx.services.state.get(TEMPLATE_STATE_KEYS['Work set letter']))).toBe(workSetId);
  });
});

describe('a week\u2019s work letters for every open case', () => {
  test('full flow: queued, made, emailed with the PDF, logged; one copy, batchUpdate, export and email per letter', () => {
    const register = emailRegister(3);
    const { ws } = register;
    addCases(register, [{ ref: 'HN-2026-0099', pupilName: 'No Work', parentEmail: 'p@home.example' }]);

    const generated = register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: '2026-11-25' }));
    expect(generated.preview.templateProblems).toEqual([]);
    expect(generated.queued).toBe(3);
    expect(generated.preview.skipped).toEqual([{ ref: 'HN-2026-0099', reason: 'No work is logged for the week beginning Mon 23 Nov 2026.' }]);
    expect(letterRows(register).map((r) => r.status)).toEqual(['Queued', 'Queued', 'Queued']);

    ws.meter.reset();
    const progress = register.run((ctx) => runLetterBatch(ctx));
    expect(progress).toMatchObject({ done: 3, remaining: 0, held: 0, failed: 0, more: false });

    const calls = ws.meter.snapshot();
    expect(calls['Drive.Files.copy']).toBe(3);
    expect(calls['Docs.Documents.batchUpdate']).toBe(3);
    expect(calls['Drive.Files.export']).toBe(3);
    expect(calls['MailApp.sendEmail']).toBe(3);
    expect(calls['MailApp.getRemainingDailyQuota']).toBe(1);
    // The template is read once per run, not once per letter.
    expect(calls['Docs.Documents.get']).toBe(1);

    const rows = letterRows(register);
    expect(rows.map((r) => r.status)).toEqual(['Sent', 'Sent', 'Sent']);
    expect(rows.every((r) => r.sentAt instanceof Date && String(r.documentLink).includes('/document/d/') && String(r.pdfLink) !== '')).toBe(true);
    expect(rows[0].to).toBe('Parent 0001 (parent0001@home.example)');

    // The letter itself: every placeholder filled, the work listed, the expectations included.
    const docId = /\/document\/d\/([^/]+)/.exec(String(rows[0].documentLink))![1];
    const text = documentText(ws.ctx, docId);
    expect(text).not.toContain('{{');
    expect(text).toContain('Dear Parent 0001,');
    expect(text).toContain('\u2022 Maths: Fractions worksheet, pages 4 to 6 (Work pack posted, due Fri 27 Nov 2026)');
    expect(text).toContain('We ask that your child works on this');
    expect(text).toContain('the week beginning Mon 23 Nov 2026');

    // Names and subjects: no pupil name, no health detail.
    const doc = ws.ctx.file(docId)!;
    expect(doc.name).toBe('Work set letter \u2013 HN-2026-0001 \u2013 2026-11-23');
    const caseFolder = ws.ctx.file(doc.parents[0])!;
    expect(caseFolder.name).toBe('HN-2026-0001');
    expect(caseFolder.parents).toEqual([register.run((ctx) => ctx.services.state.get(LETTERS_FOLDER_STATE_KEY))]);
    expect(ws.mail.outbox).toHaveLength(3);
    for (const mail of ws.mail.outbox) {
      expect(mail.subject).toBe('Work set letter from Hill School');
      expect(mail.subject + mail.body).not.toMatch(/Pupil000|Mental health/);
      expect(mail.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf', name: expect.stringMatching(/^Work set letter – HN-2026-000\d – 2026-11-23\.pdf$/) })]);
    }
    expect(ws.mail.outbox.map((m) => m.to[0])).toEqual(['parent0001@home.example', 'parent0002@home.example', 'parent0003@home.example']);
    const pdf = ws.drive.allFiles().find((f) => f.mimeType === MIME.pdf)!;
    expect(Buffer.from(ws.drive.bytesOf(pdf.id)).toString('latin1').startsWith('%PDF-1.4')).toBe(true);

    // Logged: audit entries, summary section and chronology.
    const audit = register.run((ctx) => ctx.services.tables.readAll(AUDIT_LOG)).map((r) => r.values.action);
    expect(audit.filter((a) => a === 'Letter sent')).toHaveLength(3);
    const section = register.run((ctx) => lettersSectionFor(ctx, 'HN-2026-0002'));
    expect(section.letters).toHaveLength(1);
    expect(section.letters[0]).toMatchObject({ kind: 'Work set letter', how: 'Email', status: 'Sent', by: 'coordinator@school.example' });
    const chronology = register.run((ctx) => lettersChronology(ctx, 'HN-2026-0002'));
    expect(chronology).toEqual([expect.objectContaining({ kind: 'Letter', date: '2026-11-23' })]);

    // Asking again for the same letters queues nothing: nothing is sent twice.
    const again = register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    expect(again.queued).toBe(0);
    expect(again.preview.skipped.filter((s) => s.reason.startsWith('This letter was already asked for'))).toHaveLength(3);
    expect(register.run((ctx) => runLetterBatch(ctx)).done).toBe(0);
    expect(ws.mail.outbox).toHaveLength(3);
  });

  test('printed letters are made but not emailed, and need no email allowance', () => {
    const register = freshRegister();
    addCases(register, [{ ref: 'HN-2026-0001', pupilName: 'Sam Jones', parentName: 'Alex Jones' }]);
    const queued = register.run((ctx) => generateLetters(ctx, { kind: 'General letter', refs: ['HN-2026-0001'], how: 'Printed', message: 'Sam\u2019s class trip is on Friday.' }));
    expect(queued.queued).toBe(1);
    register.ws.meter.reset();
    expect(register.run((ctx) => runLetterBatch(ctx))).toMatchObject({ done: 1, remaining: 0 });
    expect(letterRows(register)[0].status).toBe('Generated');
    expect(register.ws.mail.outbox).toHaveLength(0);
    expect(register.ws.meter.snapshot()['MailApp.getRemainingDailyQuota']).toBeUndefined();
  });

  test('emailing is refused plainly while the setting is off', () => {
    const register = freshRegister();
    addCases(register, [{ ref: 'HN-2026-0001', pupilName: 'Sam Jones', parentEmail: 'a@home.example' }]);
    expect(() => register.run((ctx) => previewLetter(ctx, { kind: 'General letter', refs: ['HN-2026-0001'], how: 'Email', message: 'Hi' })))
      .toThrow('Emailing letters to parents is turned off. Set "Email letters to parents" to Yes on the Settings sheet, or choose Printed.');
  });
});

describe('template mismatch', () => {
  test('a renamed placeholder and a removed one are named before anything is made or sent', () => {
    const register = emailRegister(2);
    const { ws } = register;
    const templateId = register.run((ctx) => ctx.services.state.get(TEMPLATE_STATE_KEYS['Work set letter']))!;
    // A school edits the template: a typo in one placeholder, another deleted.
    register.run(() => Docs!.Documents.batchUpdate({ requests: [
      { replaceAllText: { containsText: { text: '{{Parent name}}', matchCase: true }, replaceText: '{{Parent nmae}}' } },
      { replaceAllText: { containsText: { text: '{{Expectations}}', matchCase: true }, replaceText: '' } },
    ] }, templateId));

    const preview = register.run((ctx) => previewLetter(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    expect(preview.templateProblems).toEqual([
      'The template has the placeholder {{Parent nmae}}, but there is no data called "Parent nmae". Did you mean {{Parent name}}?',
      expect.stringContaining('the template has no {{Expectations}} placeholder for it: add {{Expectations}} where it should appear.'),
    ]);
    expect(preview.ready).toBe(0);

    ws.meter.reset();
    const generated = register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    expect(generated.queued).toBe(0);
    expect(generated.progress.message).toContain('template has problems');
    expect(letterRows(register)).toHaveLength(0);
    expect(ws.meter.total('Drive.Files.copy') + ws.meter.total('MailApp.sendEmail')).toBe(0);
  });

  test('a template changed after letters were queued fails those letters by name, sending none', () => {
    const register = emailRegister(1);
    register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    const templateId = register.run((ctx) => ctx.services.state.get(TEMPLATE_STATE_KEYS['Work set letter']))!;
    register.run(() => Docs!.Documents.batchUpdate({ requests: [
      { replaceAllText: { containsText: { text: '{{Work list}}', matchCase: true }, replaceText: '{{Homework}}' } },
    ] }, templateId));
    const progress = register.run((ctx) => runLetterBatch(ctx));
    expect(progress).toMatchObject({ done: 0, failed: 1 });
    const status = String(letterRows(register)[0].status);
    expect(status).toMatch(/^Failed: the template has a problem \(The template has the placeholder \{\{Homework\}\}/);
    expect(register.ws.mail.outbox).toHaveLength(0);
  });

  test('a case with no parent email is named, the others go ahead', () => {
    const register = emailRegister(2);
    addCases(register, [{ ref: 'HN-2026-0050', pupilName: 'Kim Lee' }]);
    withWork(register, ['HN-2026-0050']);
    const generated = register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    expect(generated.queued).toBe(2);
    expect(generated.preview.letters.find((l) => l.ref === 'HN-2026-0050')?.problems).toEqual([
      'Case HN-2026-0050 has no parent/carer email address: add it to the case, or choose Printed.',
    ]);
  });
});

describe('a failure halfway, then resume', () => {
  test('Docs fails on the third letter: two sent, the rest queued, the failed one says why; resuming sends each parent exactly one email', () => {
    const register = emailRegister(5);
    const { ws } = register;
    register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    ws.meter.reset();
    ws.meter.inject({ call: 'Docs.Documents.batchUpdate', nth: 3 });

    const first = register.run((ctx) => runLetterBatch(ctx));
    expect(first).toMatchObject({ done: 2, remaining: 2, failed: 1, more: false });
    expect(first.message).toContain('Stopped early: Google reported a limit');
    const statuses = letterRows(register).map((r) => String(r.status));
    expect(statuses.slice(0, 2)).toEqual(['Sent', 'Sent']);
    expect(statuses[2]).toBe('Failed: Google Docs could not fill in the letter (Service invoked too many times for one day: Docs.Documents.batchUpdate.). Nothing was emailed. It will be tried again when you choose "Retry failed letters".');
    expect(statuses.slice(3)).toEqual(['Queued', 'Queued']);
    // The failed letter keeps the document it already has.
    expect(String(letterRows(register)[2].documentLink)).toContain('/document/d/');
    expect(ws.mail.outbox).toHaveLength(2);

    // Resume: the queued ones go; the sent ones are not touched.
    const second = register.run((ctx) => runLetterBatch(ctx));
    expect(second).toMatchObject({ done: 2, remaining: 0, failed: 1 });
    expect(ws.mail.outbox).toHaveLength(4);

    // Retry the failed one: its document is reused, not copied again.
    const retried = register.run((ctx) => retryFailedLetters(ctx));
    expect(retried).toMatchObject({ remaining: 1, failed: 0, more: true });
    const third = register.run((ctx) => runLetterBatch(ctx));
    expect(third).toMatchObject({ done: 1, remaining: 0, failed: 0 });

    expect(letterRows(register).map((r) => r.status)).toEqual(['Sent', 'Sent', 'Sent', 'Sent', 'Sent']);
    const recipients = ws.mail.outbox.map((m) => m.to[0]).sort();
    expect(recipients).toEqual(manyCases(5).map((c) => c.parentEmail).sort());
    expect(ws.meter.total('Drive.Files.copy')).toBe(5);
    expect(ws.meter.total('MailApp.sendEmail')).toBe(5);
    // Every letter ended with every placeholder filled.
    for (const row of letterRows(register)) {
      const id = /\/document\/d\/([^/]+)/.exec(String(row.documentLink))![1];
      expect(documentText(ws.ctx, id)).not.toContain('{{');
    }
  });

  test('an email refused mid-run fails that letter only as "nothing emailed", and the run stops', () => {
    const register = emailRegister(3);
    register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    register.ws.meter.inject({ call: 'MailApp.sendEmail', nth: 2, message: 'Service invoked too many times for one day: email.' });
    const progress = register.run((ctx) => runLetterBatch(ctx));
    expect(progress).toMatchObject({ done: 1, failed: 1, remaining: 1 });
    expect(String(letterRows(register)[1].status)).toMatch(/^Failed: the email could not be sent \(Service invoked too many times for one day: email\.\)\. Nothing was emailed\./);
  });
});

describe('the daily email allowance', () => {
  test('letters beyond the allowance are held, not lost, and go once it resets', () => {
    const register = emailRegister(4);
    const { ws } = register;
    register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: WEEK }));
    // Five are kept back for the daily digest by default: room for two letters.
    ws.mail.setRemainingDailyQuota(7);
    const first = register.run((ctx) => runLetterBatch(ctx));
    expect(first).toMatchObject({ done: 2, held: 2, remaining: 0, more: false });
    expect(letterRows(register).map((r) => r.status)).toEqual(['Sent', 'Sent', 'Held: email quota', 'Held: email quota']);
    expect(ws.mail.outbox).toHaveLength(2);

    // Still no room: nothing is tried.
    const stillHeld = register.run((ctx) => runLetterBatch(ctx));
    expect(stillHeld).toMatchObject({ done: 0, held: 2 });
    expect(stillHeld.message).toContain('held');

    ws.mail.resetDailyQuota();
    const next = register.run((ctx) => runLetterBatch(ctx));
    expect(next).toMatchObject({ done: 2, held: 0, remaining: 0 });
    expect(ws.mail.outbox.map((m) => m.to[0])).toEqual(manyCases(4).map((c) => c.parentEmail));
  });
});
