/**
 * Letters per execution on the emulator's standard latency model (copy 1.5 s, batchUpdate 0.8 s,
 * export 1.5 s, email 0.4 s, …): a run stops starting letters before its 5-minute budget, well
 * inside Apps Script's six minutes, and the next run carries on where it stopped.
 */
import { standardLatencyModel } from '../../../emulator';
import { generateLetters } from '../../../src/app/letters/queue';
import { runLetterBatch } from '../../../src/app/letters/runBatch';
import { logWeekOfWork } from '../../../src/app/work/logWork';
import { LETTER_RUN_BUDGET_MS } from '../../../src/domain/letters/batchPlan';
import { PARENT_LETTERS } from '../../../src/domain/schema';
import { addCases, freshRegister, manyCases, setSetting } from '../work/registerHarness';

const SIX_MINUTES = 360_000;

test('a queue of 80 letters goes in runs that each stay inside the time budget, none sent twice', () => {
  const register = freshRegister({ latency: standardLatencyModel });
  const { ws } = register;
  setSetting(register, 'Email letters to parents', 'Yes');
  const cases = manyCases(80);
  addCases(register, cases);
  for (const c of cases) {
    register.run((ctx) => logWeekOfWork(ctx, { ref: c.ref, weekOf: '2026-11-23', items: [{ subject: 'Maths', description: 'Fractions', medium: 'Work pack posted' }] }));
  }
  register.run((ctx) => generateLetters(ctx, { kind: 'Work set letter', allOpenCases: true, how: 'Email', weekOf: '2026-11-23' }));

  const perRun: Array<{ letters: number; modelledMs: number }> = [];
  for (let i = 0; i < 5; i += 1) {
    ws.meter.reset();
    const progress = register.run((ctx) => runLetterBatch(ctx));
    perRun.push({ letters: progress.done, modelledMs: ws.meter.modelledMs });
    if (!progress.more) break;
  }
  process.stdout.write(`Letters per execution (standard latency model): ${perRun.map((r) => `${r.letters} in ${(r.modelledMs / 1000).toFixed(1)} s`).join('; ')}\n`);

  expect(perRun.length).toBeGreaterThan(1);
  for (const run of perRun) expect(run.modelledMs).toBeLessThan(SIX_MINUTES);
  // The budget is about starting letters: a run ends within one letter's time of it.
  for (const run of perRun) expect(run.modelledMs).toBeLessThan(LETTER_RUN_BUDGET_MS + 15_000);
  // Issue 8: at least 60 letters per six-minute execution on the model.
  expect(perRun[0].letters).toBeGreaterThanOrEqual(60);
  expect(perRun.reduce((n, r) => n + r.letters, 0)).toBe(80);
  expect(ws.mail.outbox).toHaveLength(80);
  expect(new Set(ws.mail.outbox.map((m) => m.to[0])).size).toBe(80);
  const statuses = register.run((ctx) => ctx.services.tables.readAll(PARENT_LETTERS)).map((r) => r.values.status);
  expect(statuses.every((s) => s === 'Sent')).toBe(true);
});
