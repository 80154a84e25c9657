/**
 * A register set up on the emulator for work and letter tests: the real src/gas adapters over the
 * emulated Workspace, with a clock that follows the emulator's time plus its modelled latency (so
 * a run's time budget is measured on the latency model, not on the test machine's speed).
 */
import { createWorkspace, type LatencyModel, type Workspace } from '../../../emulator';
import { AppContext } from '../../../src/app/context';
import { setUpRegister } from '../../../src/app/setUpRegister';
import { createGasServices } from '../../../src/gas/services';
import { CASES, SETTINGS, STAFF } from '../../../src/domain/schema';
import type { Services } from '../../../src/ports';

export const COORDINATOR = 'coordinator@school.example';
/** Monday 23 November 2026, 09:00 London. */
export const START = new Date('2026-11-23T09:00:00Z');

export interface Register {
  readonly ws: Workspace;
  /** A fresh context, as a new execution would build. */
  ctx(): AppContext;
  /** Runs fn as one Apps Script execution with a fresh context. */
  run<T>(fn: (ctx: AppContext) => T): T;
}

export function freshRegister(options: { classroomEnabled?: boolean; latency?: LatencyModel } = {}): Register {
  const ws = createWorkspace({ now: () => new Date(START.getTime()), classroomEnabled: options.classroomEnabled, latency: options.latency });
  ws.install(globalThis as never);
  const services = (): Services => ({
    ...createGasServices(),
    clock: { now: () => new Date(ws.ctx.now().getTime() + ws.meter.modelledMs) },
  });
  const ctx = () => new AppContext(services());
  const run = <T>(fn: (c: AppContext) => T): T => ws.run(() => fn(ctx()));
  run((c) => setUpRegister(c));
  return { ws, ctx, run };
}

export interface TestCase {
  ref: string;
  pupilName: string;
  parentName?: string;
  parentEmail?: string;
  status?: string;
  healthNeed?: string;
}

/** Cases written straight to the Cases sheet (the case use cases belong to another area). */
export function addCases(register: Register, cases: readonly TestCase[]): void {
  register.run((ctx) => ctx.services.tables.append(CASES, cases.map((c, i) => ({
    ref: c.ref,
    status: c.status ?? 'Open',
    pupilName: c.pupilName,
    upn: `A12345678${String(100 + i).slice(-3)}B`,
    yearGroup: 'Year 9',
    parentName: c.parentName ?? '',
    parentEmail: c.parentEmail ?? '',
    healthNeed: c.healthNeed ?? 'Mental health',
    firstDay: '2026-11-16',
    arrangement: 'School work: online',
  }))));
}

export function setSetting(register: Register, label: string, value: string): void {
  register.run((ctx) => {
    const row = ctx.services.tables.readAll(SETTINGS).find((r) => r.values.setting === label);
    if (!row) throw new Error(`No setting ${label}`);
    ctx.services.tables.update(SETTINGS, [{ rowNumber: row.rowNumber, values: { value } }]);
  });
}

export function addStaff(register: Register, email: string, name: string, role: string): void {
  register.run((ctx) => ctx.services.tables.append(STAFF, [{ email, name, role, active: true }]));
}

/** n open cases HN-2026-0001… with a parent email each. */
export function manyCases(n: number): TestCase[] {
  return Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(4, '0');
    return { ref: `HN-2026-${k}`, pupilName: `Pupil${k} Test`, parentName: `Parent ${k}`, parentEmail: `parent${k}@home.example` };
  });
}
