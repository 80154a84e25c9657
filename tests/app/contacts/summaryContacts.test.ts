/**
 * A case summary's contacts come from the daily check's stored contact record plus the Contact
 * log rows added since, never the whole log: the same calls at 50 cases as at 2,000, no log cells
 * beyond the tail, and the same answer as reading the whole log (wellbeing only for roles that
 * may see health details). When the record cannot be trusted, the whole log is read instead.
 */
import { FakeRange, FakeSheet } from '../../../emulator';
import { runDailyCheck } from '../../../src/app/contacts/dailyCheck';
import { getCaseSummary } from '../../../src/app/cases/viewCases';
import { logContact } from '../../../src/app/contacts/logContact';
import { CONTACTS } from '../../../src/domain/schema';
import { KEY } from '../../../src/app/contacts/keys';
import type { CaseSummary } from '../../../src/shared/api';
import type { RowValues } from '../../../src/ports';
import { createContactRegister, refFor, setSetting, TEACHER, type ContactRegister } from './harness';

const TARGET = refFor(1);

/** A register of `cases` open cases, 6 contacts each over October (chronological), checked this morning, then 3 contacts since. */
function checkedRegister(cases: number): ContactRegister {
  const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
  reg.addManyCases(cases);
  // No one is listed in this morning's digest (a digest naming 2,000 pupils is another matter).
  setSetting(reg, 'Flag after school days without contact', '5');
  const days = ['2026-10-01', '2026-10-05', '2026-10-12', '2026-10-19', '2026-11-02', '2026-11-03'];
  const rows: RowValues[] = [];
  days.forEach((date, d) => {
    for (let i = 0; i < cases; i++) {
      rows.push({
        contactId: `S-${i}-${d}`, caseRef: refFor(i), date, contacted: 'Parent/carer', method: 'Phone', outcome: d % 3 === 2 ? 'No answer' : 'Spoke to',
        wellbeing: d === 5 ? `Feeling better (${i})` : '', engagement: `Pack ${d}`, nextSteps: 'Call again', loggedBy: TEACHER,
        loggedAt: new Date(`${date}T10:00:00Z`), source: 'Sidebar',
      });
    }
  });
  reg.ws.run(() => reg.ctx().services.tables.append(CONTACTS, rows));
  reg.ws.run(() => runDailyCheck(reg.ctx(), 'trigger'));
  reg.at('2026-11-05', 11);
  reg.submit(TARGET, { date: '2026-11-04', outcome: 'No answer', wellbeing: 'Asleep when we called' }, { fireTriggers: true });
  reg.submit(refFor(2), { date: '2026-11-05' }, { fireTriggers: true });
  reg.ws.run(() => logContact(reg.ctx(), { ref: TARGET, date: '2026-11-05', contacted: 'Pupil', method: 'Video call', outcome: 'Spoke to', wellbeing: 'Much brighter today' }));
  reg.ws.endExecution();
  return reg;
}

/** Cells read from each sheet while fn runs. */
function cellsRead<T>(fn: () => T): { result: T; cells: Record<string, number> } {
  const cells: Record<string, number> = {};
  const range = FakeRange.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const sheet = FakeSheet.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved = { getValues: range.getValues, getSheetValues: sheet.getSheetValues };
  range.getValues = function (this: FakeRange, ...args: unknown[]) {
    cells[this.sheet.name] = (cells[this.sheet.name] ?? 0) + this.nr * this.nc;
    return saved.getValues.apply(this, args);
  };
  sheet.getSheetValues = function (this: FakeSheet, ...args: unknown[]) {
    const [, , rows, columns] = args as number[];
    cells[this.name] = (cells[this.name] ?? 0) + rows * columns;
    return saved.getSheetValues.apply(this, args);
  };
  try {
    return { result: fn(), cells };
  } finally {
    range.getValues = saved.getValues;
    sheet.getSheetValues = saved.getSheetValues;
  }
}

function summary(reg: ContactRegister, ref = TARGET): CaseSummary {
  const s = reg.ws.run(() => getCaseSummary(reg.ctx(), ref));
  reg.ws.endExecution();
  return s;
}

/** The same summary worked out from the whole log (as when no daily check has run). */
function fromWholeLog(reg: ContactRegister): CaseSummary {
  const anchor = reg.ws.run(() => reg.ctx().services.state.get(KEY.recordAnchor));
  reg.ws.run(() => reg.ctx().services.state.remove(KEY.recordAnchor));
  const s = summary(reg);
  reg.ws.run(() => reg.ctx().services.state.set({ [KEY.recordAnchor]: anchor ?? '' }));
  return s;
}

const contactPart = (s: CaseSummary) => ({ compliance: s.compliance, recentContacts: s.recentContacts, lastContact: s.lastContact, daysWithoutContact: s.daysWithoutContact });

describe('a case summary’s contacts', () => {
  it('match the whole log: the stored record and the contacts logged since the check', () => {
    const reg = checkedRegister(20);
    const s = summary(reg);
    expect(contactPart(s)).toEqual(contactPart(fromWholeLog(reg)));
    expect(s.lastContact).toBe('2026-11-05');
    expect(s.compliance.slice(0, 3)).toEqual([
      { date: '2026-11-04', status: 'attempted' },
      { date: '2026-11-03', status: 'attempted' },
      // Half term, then Mon 2 Nov is an INSET day.
      { date: '2026-10-23', status: 'missing' },
    ]);
    expect(s.recentContacts.map((c) => [c.date, c.outcome, c.wellbeing])).toEqual([
      ['2026-11-05', 'Spoke to', 'Much brighter today'],
      ['2026-11-04', 'No answer', 'Asleep when we called'],
      ['2026-11-03', 'No answer', 'Feeling better (1)'],
      ['2026-11-02', 'Spoke to', ''],
      ['2026-10-19', 'Spoke to', ''],
      ['2026-10-12', 'No answer', ''],
      ['2026-10-05', 'Spoke to', ''],
      ['2026-10-01', 'Spoke to', ''],
    ]);
  });

  it('give a teacher no wellbeing notes', () => {
    const reg = checkedRegister(20);
    reg.ws.setActiveUser(TEACHER);
    const s = summary(reg);
    expect(s.recentContacts.length).toBe(8);
    expect(s.recentContacts.every((c) => c.wellbeing === undefined)).toBe(true);
    expect(JSON.stringify(s)).not.toMatch(/brighter|Asleep|Feeling better/);
  });

  it('cost the same calls at 50 cases as at 2,000, reading only the log rows since the check', () => {
    const measure = (cases: number) => {
      const reg = checkedRegister(cases);
      reg.ws.meter.reset();
      const { cells } = cellsRead(() => summary(reg));
      return { calls: reg.ws.meter.snapshot(), logCells: cells['Contact log'] ?? 0 };
    };
    const small = measure(50);
    const large = measure(2000);
    expect(large.calls).toEqual(small.calls);
    // The log's header, its anchor row and the three rows logged since: 12 columns each.
    expect(small.logCells).toBe(5 * 12);
    expect(large.logCells).toBe(5 * 12);
  }, 120000);

  it('come from the whole log when the row the check ended at has moved (rows deleted by hand)', () => {
    const reg = checkedRegister(20);
    const expected = contactPart(summary(reg));
    reg.ws.run(() => reg.ctx().services.tables.deleteRows(CONTACTS, [2]));
    const { result, cells } = cellsRead(() => summary(reg));
    // One of the oldest contacts (refFor(0)'s, not this case's) went: the answer is unchanged, from the whole log.
    expect(contactPart(result)).toEqual(expected);
    expect(cells['Contact log']).toBeGreaterThan(100 * 12);
  });
});
