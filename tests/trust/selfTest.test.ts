/**
 * "Run self-test" on the emulator: every adapter passes against the emulated services; a fault
 * in a service is reported plainly as that step's failure while the others still run; and
 * whatever happens, nothing the self-test made is left behind (no sheet, form, folder, document,
 * PDF or document property).
 */
import { runSelfTest } from '../../src/app/trust/selfTest';
import { COORDINATOR, TEACHER, createTrustRegister, type TrustRegister } from './harness';

function leftovers(reg: TrustRegister): string[] {
  const sheets = reg.ws.spreadsheet.getSheets().map((s) => s.getName()).filter((n) => /self-test/i.test(n));
  const files = [...reg.ws.ctx.files.values()].filter((f) => /self-test/i.test(f.name) && !f.trashed).map((f) => f.name);
  const props = Object.keys(reg.run((ctx) => ctx.services.state.getAll())).filter((k) => /selfTest/.test(k));
  return [...sheets, ...files, ...props];
}

describe('Run self-test', () => {
  it('passes every check on the emulator and removes what it made', () => {
    const reg = createTrustRegister();
    reg.ws.classroom.seedCourse({ name: 'Year 7 English', teachers: [COORDINATOR] });
    const sheetsBefore = reg.ws.spreadsheet.getSheets().map((s) => s.getName());
    const mailsBefore = reg.ws.outbox.length;
    const report = reg.run((ctx) => runSelfTest(ctx));
    expect(report.steps.filter((s) => !s.passed)).toEqual([]);
    expect(report.steps.map((s) => s.name)).toEqual([
      'Register sheets', 'Writing to a sheet', 'Document properties', 'Document lock', 'Digests (audit seals)',
      'Google Forms', 'Google Drive and Docs', 'Email', 'Google Classroom', 'Triggers and authorisation',
    ]);
    expect(report.message).toMatch(/^Self-test passed: all 10 checks/);
    expect(report.message).toMatch(/Everything the self-test made has been removed\.$/);
    const mails = reg.ws.outbox.slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([COORDINATOR]);
    expect(reg.ws.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    expect(leftovers(reg)).toEqual([]);
  });

  it.each([
    ['Drive.Files.export', 'Google Drive and Docs'],
    ['Drive.Files.create', 'Google Drive and Docs'],
    ['Docs.Documents.batchUpdate', 'Google Drive and Docs'],
    ['FormApp.create', 'Google Forms'],
    ['MailApp.sendEmail', 'Email'],
    ['SpreadsheetApp.Range.setValues', 'Writing to a sheet'],
  ])('reports a fault in %s plainly as a failed "%s" check and leaves nothing behind', (call, stepName) => {
    const reg = createTrustRegister();
    reg.ws.meter.inject({ call, message: `Service unavailable: ${call}` });
    const report = reg.run((ctx) => runSelfTest(ctx));
    expect(report.passed).toBe(false);
    const failed = report.steps.filter((s) => !s.passed);
    expect(failed.map((s) => s.name)).toContain(stepName);
    const step = failed.find((s) => s.name === stepName)!;
    expect(step.detail).toBe(`Google reported an error: Service unavailable: ${call}`);
    expect(report.message).toContain(`FAILED \u2013 ${stepName}: Google reported an error: Service unavailable: ${call}`);
    expect(leftovers(reg)).toEqual([]);
  });

  it('says plainly when it could not remove something, so a person can', () => {
    const reg = createTrustRegister();
    // Drive updates, in order: the scratch form, then the PDF, the document and the folder go to the bin.
    reg.ws.meter.inject({ call: 'Drive.Files.update', nth: 2, message: 'Backend Error' });
    const report = reg.run((ctx) => runSelfTest(ctx));
    const drive = report.steps.find((s) => s.name === 'Google Drive and Docs')!;
    expect(drive.passed).toBe(false);
    expect(drive.detail).toMatch(/could not remove the self-test PDF \(Backend Error\): please delete it by hand/);
    expect(report.message).toMatch(/Some things the self-test made could not be removed: see above\.$/);
  });

  it('reports Classroom switched off as a plain failure of that check alone', () => {
    const reg = createTrustRegister();
    reg.ws.registerGlobal('Classroom', undefined);
    reg.ws.install(globalThis as unknown as Record<string, unknown>);
    const report = reg.run((ctx) => runSelfTest(ctx));
    expect(report.steps.filter((s) => !s.passed).map((s) => s.name)).toEqual(['Google Classroom']);
    expect(report.steps.find((s) => s.name === 'Google Classroom')!.detail).toMatch(/Classroom.*\(Classroom is needed only to set work in Classroom\.\)/);
  });

  it('is for coordinators only', () => {
    const reg = createTrustRegister();
    reg.as(TEACHER);
    expect(() => reg.run((ctx) => runSelfTest(ctx))).toThrow(/Your role \(Teacher\) does not allow you to set up or repair the register/);
  });
});
