/**
 * A register on the emulator for the LA, reintegration and governance tests: the real src/gas
 * adapters, a fixed school calendar (autumn 2026 with half term), and cases written straight to
 * the Cases and Absence periods sheets (the case use cases belong to another area).
 */
import { createWorkspace, type Workspace } from '../../../emulator';
import { documentText } from '../../../emulator/docs';
import { AppContext } from '../../../src/app/context';
import { setUpRegister } from '../../../src/app/setUpRegister';
import { createGasServices } from '../../../src/gas/services';
import { ABSENCE_PERIODS, CALENDAR, CASES, SETTINGS, STAFF } from '../../../src/domain/schema';
import { ENTRIES } from '../../domain/la/calendarFixture';

export const COORDINATOR = 'coordinator@school.example';

export interface LaRegister {
  readonly ws: Workspace;
  run<T>(fn: (ctx: AppContext) => T): T;
  /** Moves the emulator's clock to 09:00 London on the day (GMT in the autumn term). */
  setDay(iso: string): void;
  /** Every Drive file whose name starts with the text. */
  files(prefix: string): Array<{ id: string; name: string; parents: string[] }>;
  text(id: string): string;
}

export function laRegister(day = '2026-11-23'): LaRegister {
  const ws = createWorkspace({ now: () => new Date(`${day}T09:00:00Z`) });
  ws.install(globalThis as never);
  // The product's clock is the emulator's, so moving the emulator's day moves the register's.
  const run = <T>(fn: (c: AppContext) => T): T => ws.run(() => fn(new AppContext({ ...createGasServices(), clock: { now: () => ws.ctx.now() } })));
  run((c) => setUpRegister(c));
  run((c) => c.services.tables.replaceAll(CALENDAR, ENTRIES.map((e) => ({ ...e }))));
  return {
    ws,
    run,
    setDay: (iso) => ws.setNow(new Date(`${iso}T09:00:00Z`)),
    files: (prefix) => [...ws.ctx.files.values()].filter((f) => f.name.startsWith(prefix) && !f.trashed).map((f) => ({ id: f.id, name: f.name, parents: f.parents })),
    text: (id) => documentText(ws.ctx, id),
  };
}

export interface TestCase {
  ref: string;
  pupilName: string;
  upn: string;
  firstDay: string;
  /** Last day of absence; '' while still off. */
  lastDay?: string;
  status?: string;
  arrangement?: string;
  laNotifiedOn?: string;
  closedOn?: string;
}

export function addCases(register: LaRegister, cases: readonly TestCase[]): void {
  register.run((ctx) => {
    ctx.services.tables.append(CASES, cases.map((c) => ({
      ref: c.ref,
      status: c.status ?? 'Open',
      pupilName: c.pupilName,
      upn: c.upn,
      dateOfBirth: '2012-03-04',
      yearGroup: 'Year 9',
      formGroup: '9B',
      parentName: `Parent of ${c.pupilName}`,
      parentEmail: 'parent@home.example',
      healthNeed: 'Physical illness',
      healthDetail: 'Glandular fever',
      firstDay: c.firstDay,
      lead: COORDINATOR,
      arrangement: c.arrangement ?? 'School work: online',
      laNotifiedOn: c.laNotifiedOn ?? '',
      closedOn: c.closedOn ?? '',
    })));
    ctx.services.tables.append(ABSENCE_PERIODS, cases.map((c) => ({ caseRef: c.ref, start: c.firstDay, end: c.lastDay ?? '' })));
  });
}

export function setSetting(register: LaRegister, label: string, value: string): void {
  register.run((ctx) => {
    const row = ctx.services.tables.readAll(SETTINGS).find((r) => r.values.setting === label);
    if (!row) throw new Error(`No setting ${label}`);
    ctx.services.tables.update(SETTINGS, [{ rowNumber: row.rowNumber, values: { value } }]);
  });
}

export function addStaff(register: LaRegister, email: string, name: string, role: string): void {
  register.run((ctx) => ctx.services.tables.append(STAFF, [{ email, name, role, active: true }]));
}

/** Valid-looking UPNs for tests: the check letter is not validated by these flows. */
export function upn(i: number): string {
  return `A1234567${String(1000 + i).slice(-4)}B`;
}
