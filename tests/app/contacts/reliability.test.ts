/**
 * Submissions under load, on the emulator: a burst of 50 with some arriving while another
 * execution holds the lock, some delivered twice and some never delivered, ends as exactly 50
 * log rows; and one submission costs the same number of calls whatever the size of the register
 * and the log.
 */
import { runDailyCheck } from '../../../src/app/contacts/dailyCheck';
import { createContactRegister, fillContactLog, refFor, type ContactRegister } from './harness';

describe('a burst of submissions', () => {
  it('ends as exactly 50 log rows: none lost to a busy lock or a lost event, none doubled by a repeated one', () => {
    const reg = createContactRegister();
    reg.addManyCases(10);
    const events = [];
    for (let i = 0; i < 50; i += 1) {
      // Submissions 35 onwards arrive while another execution holds the document lock.
      if (i === 35) reg.ws.locks.holdDocumentLock();
      const sent = reg.submit(refFor(i % 10), { nextSteps: `Submission ${i}` }, { fireTriggers: i % 13 !== 5 });
      if (i % 4 === 0 && sent.event) {
        reg.ws.forms.fireDuplicate(sent.event);
        events.push(sent.event);
      }
      if (i % 9 === 0) reg.ws.forms.fireBlankEvent(reg.ws.spreadsheet.file.id);
    }
    const beforeSweep = reg.contacts().length;
    expect(beforeSweep).toBe(35);
    reg.ws.locks.releaseHeld();
    // The daily check sweeps whatever the busy lock left behind.
    reg.ws.run(() => runDailyCheck(reg.ctx(), 'trigger'));
    for (const event of events) reg.ws.forms.fireDuplicate(event);
    const rows = reg.contacts();
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.values.contactId)).size).toBe(50);
    expect(rows.map((r) => r.values.nextSteps)).toEqual(Array.from({ length: 50 }, (_, i) => `Submission ${i}`));
    expect(reg.unmatched()).toHaveLength(0);
  });

  it('leaves rows for the next submission when the lock is busy, which then copies them all in order', () => {
    const reg = createContactRegister();
    reg.addManyCases(3);
    reg.ws.locks.holdDocumentLock();
    reg.submit(refFor(0));
    reg.submit(refFor(1));
    expect(reg.contacts()).toHaveLength(0);
    reg.ws.locks.releaseHeld();
    reg.submit(refFor(2));
    expect(reg.contacts().map((r) => r.values.caseRef)).toEqual([refFor(0), refFor(1), refFor(2)]);
  });
});

describe('the cost of one submission', () => {
  function costOfOneSubmission(cases: number, logRows: number): Record<string, number> {
    const reg: ContactRegister = createContactRegister();
    reg.addManyCases(cases);
    fillContactLog(reg, refFor(0), logRows);
    reg.submit(refFor(1)); // the first submission after set-up reads no more than later ones; warm up anyway
    const formId = reg.formId();
    reg.ws.meter.reset();
    reg.ws.forms.submitAsUser(formId, {
      Pupil: `Pupil ${cases - 1} (Year 7) \u2013 ${refFor(cases - 1)}`,
      'Date of contact': '2026-10-07',
      'Who was contacted': 'Pupil',
      Method: 'Video call',
      Outcome: 'Spoke to',
    }, { respondentEmail: 'teacher@school.example' });
    const all = reg.contacts();
    expect(all[all.length - 1]?.values.caseRef).toBe(refFor(cases - 1));
    return reg.ws.meter.snapshot();
  }

  it('is the same number of Sheet calls (and of every other call) with 5 cases and 100 log rows as with 2,000 cases and 20,000', () => {
    const small = costOfOneSubmission(5, 100);
    const large = costOfOneSubmission(2000, 20000);
    expect(large).toEqual(small);
    const sheetCalls = Object.entries(small).filter(([k]) => k.startsWith('SpreadsheetApp.')).reduce((n, [, v]) => n + v, 0);
    // Small as well as fixed: a handful of batched reads and writes, no call per case or per row.
    expect(sheetCalls).toBeLessThan(60);
    expect(small['SpreadsheetApp.Range.setValues'] ?? 0).toBeLessThanOrEqual(1);
    expect(small['SpreadsheetApp.Sheet.appendRow']).toBe(2); // the log row and its audit line
  }, 120000);
});
