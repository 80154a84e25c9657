/**
 * "Run self-test": no test in this repository reaches Google, so this is the school's proof that
 * the add-on works against the real services after deployment. Each step exercises one adapter
 * on scratch data (a hidden sheet, a form, a folder with a document and its PDF, an email to the
 * person running it, a read of their Classroom courses, the trigger and authorisation service),
 * reports passed or failed with the reason, and removes what it made even when it fails.
 *
 * It writes nothing to the register's own sheets. The same function runs on the emulator in the
 * tests, with faults injected.
 */
import { textForCell } from '../../domain/cells';
import { formatDateTime } from '../../domain/dates';
import { SETTINGS } from '../../domain/schema';
import type { AppContext } from '../context';

export interface SelfTestStep {
  readonly name: string;
  readonly passed: boolean;
  /** What was checked, or why it failed, in plain English. */
  readonly detail: string;
}

export interface SelfTestReport {
  readonly passed: boolean;
  readonly steps: readonly SelfTestStep[];
  readonly message: string;
}

/** Thrown by a step when what came back is not what was sent. */
class CheckFailed extends Error {}

type Cleanup = { what: string; run: () => void };

/** SHA-256("abc"), from FIPS 180-2. */
const ABC_DIGEST = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

export function runSelfTest(ctx: AppContext): SelfTestReport {
  const me = ctx.authorise('register.setUp');
  const { services } = ctx;
  const stamp = formatDateTime(ctx.now());
  const label = `Health Needs Register self-test ${stamp}`;

  const steps: SelfTestStep[] = [
    step('Register sheets', () => {
      const settings = services.tables.readAll(SETTINGS);
      return `read the Settings sheet (${settings.length} settings) and your entry on the Staff sheet (${me.role}).`;
    }),
    step('Writing to a sheet', (cleanups) => {
      const sheetId = services.selfTest.createScratchSheet(label);
      cleanups.push({ what: `the hidden sheet "${label}"`, run: () => services.selfTest.deleteScratchSheet(sheetId) });
      const typed = ['=1+1', '007', 'Zo\u00eb O\u2019Brien', '@SUM(A1)'];
      const back = services.selfTest.writeAndReadBack(sheetId, [typed.map(textForCell)]);
      if (back.formulas[0].some((f) => f !== '')) throw new CheckFailed('text that looks like a formula was stored as a formula, so typed text is not being neutralised.');
      const wrong = typed.filter((t, i) => back.values[0][i] !== t);
      if (wrong.length) throw new CheckFailed(`text did not read back as typed (${wrong.map((w) => `"${w}"`).join(', ')}).`);
      return 'wrote text, a formula-like value and a number with a leading zero to a scratch sheet; each read back exactly as typed, with no formula.';
    }),
    step('Document properties', (cleanups) => {
      const key = 'trust.selfTest';
      services.state.set({ [key]: stamp });
      cleanups.push({ what: 'a scratch document property', run: () => services.state.remove(key) });
      return 'saved and removed a scratch value.';
    }),
    step('Document lock', () => {
      const got = services.lock.withLock(10000, () => true);
      if (!got.ok) throw new CheckFailed('the lock could not be had within 10 seconds; someone may be running a long job. Try again in a minute.');
      return 'took and released the register\u2019s lock.';
    }),
    step('Digests (audit seals)', () => {
      if (services.digest.sha256Hex('abc') !== ABC_DIGEST) throw new CheckFailed('SHA-256 of a known text gave the wrong answer, so audit seals would not verify.');
      return 'SHA-256 of a known text matched the published answer.';
    }),
    step('Google Forms', (cleanups) => {
      const question = 'Self-test question';
      const form = services.selfTest.createScratchForm(label, question);
      cleanups.push({ what: `the form "${label}"`, run: () => { services.documents.trash(form.id); } });
      if (!form.questions.includes(question)) throw new CheckFailed('the form was made but its question did not read back.');
      return 'made a form with a question, reopened it and read the question back.';
    }),
    step('Google Drive and Docs', (cleanups) => {
      const folder = services.documents.createFolder(label);
      cleanups.push({ what: `the Drive folder "${label}"`, run: () => { services.documents.trash(folder.id); } });
      const doc = services.documents.createDocument(`${label} letter`, 'Dear {{Parent}},\nThis is a self-test.', folder.id);
      cleanups.unshift({ what: 'the self-test document', run: () => { services.documents.trash(doc.id); } });
      const changed = services.documents.replaceAll(doc.id, [{ find: '{{Parent}}', replace: 'Parent/carer' }]);
      const text = services.documents.readText(doc.id);
      if (changed !== 1 || !text?.includes('Dear Parent/carer')) throw new CheckFailed('the placeholder in the scratch document was not replaced, so letters would not be filled in.');
      const pdf = services.documents.exportPdf(doc.id, `${label}.pdf`, folder.id);
      cleanups.unshift({ what: 'the self-test PDF', run: () => { services.documents.trash(pdf.file.id); } });
      const head = String.fromCharCode(...pdf.bytes.slice(0, 4).map((b) => (b + 256) % 256));
      if (head !== '%PDF') throw new CheckFailed('the exported letter is not a PDF.');
      return 'made a folder and a document, filled in a placeholder, exported a PDF, then moved them to the bin.';
    }),
    step('Email', () => {
      const left = services.mailer.remainingDailyQuota();
      if (left < 1) throw new CheckFailed('your daily email allowance is used up, so letters and the digest cannot be emailed until tomorrow.');
      services.mailer.send({
        to: me.email,
        subject: 'Health Needs Register self-test',
        body: `This email was sent by the Health Needs Register self-test on ${stamp}. If it arrived, the add-on can send the daily digest and letters. You need not keep it.`,
      });
      return `sent a test email to you (${me.email}); check it arrived. ${left - 1} emails are left in today\u2019s allowance.`;
    }),
    step('Google Classroom', () => {
      const courses = services.classroom.listCourses();
      if (!courses.ok) throw new CheckFailed(`${courses.detail} (Classroom is needed only to set work in Classroom.)`);
      return `read your Classroom courses: you teach ${courses.value.length} active course${courses.value.length === 1 ? '' : 's'}.`;
    }),
    step('Triggers and authorisation', () => {
      const triggers = services.triggers.list();
      if (services.triggers.needsReauthorisation()) throw new CheckFailed('the add-on needs you to authorise it again before its triggers can work; choose any menu item and accept.');
      return `listed your triggers on this register (${triggers.length}); no re-authorisation is needed.`;
    }),
  ];

  const passed = steps.every((s) => s.passed);
  const failed = steps.filter((s) => !s.passed).length;
  const message = [
    passed ? `Self-test passed: all ${steps.length} checks worked against Google\u2019s services.` : `Self-test: ${failed} of ${steps.length} checks failed.`,
    ...steps.map((s) => `${s.passed ? 'Passed' : 'FAILED'} \u2013 ${s.name}: ${s.detail}`),
    'Everything the self-test made has been removed.',
  ].join('\n');
  return { passed, steps, message: removedLine(message, steps) };
}

/** Runs one check; whatever it made is removed afterwards, whether it passed or not. */
function step(name: string, body: (cleanups: Cleanup[]) => string): SelfTestStep {
  const cleanups: Cleanup[] = [];
  let passed = false;
  let detail: string;
  try {
    detail = body(cleanups);
    passed = true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    detail = error instanceof CheckFailed ? reason : `Google reported an error: ${reason}`;
  }
  const leftBehind: string[] = [];
  for (const c of cleanups) {
    try {
      c.run();
    } catch (error) {
      leftBehind.push(`${c.what} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (leftBehind.length) {
    passed = false;
    detail += ` It could not remove ${leftBehind.join(' and ')}: please delete ${leftBehind.length === 1 ? 'it' : 'them'} by hand.`;
  }
  return { name, passed, detail };
}

function removedLine(message: string, steps: readonly SelfTestStep[]): string {
  return steps.some((s) => /could not remove/.test(s.detail)) ? message.replace(/\nEverything the self-test made has been removed\.$/, '\nSome things the self-test made could not be removed: see above.') : message;
}
