/**
 * A register on the emulator for the trust tests: set up by a coordinator, with a member of staff
 * in each role, so refusals, protections, the audit chain and faults can be checked through the
 * real adapters (src/gas) exactly as Apps Script would run them.
 */
import { createWorkspace, type Workspace } from '../../emulator';
import { AppContext } from '../../src/app/context';
import { createGasServices } from '../../src/gas/services';
import { setUpRegister } from '../../src/app/setUpRegister';
import { STAFF } from '../../src/domain/schema';

export const COORDINATOR = 'lcm@school.example';
export const PASTORAL = 'pastoral@school.example';
export const SLT = 'head@school.example';
export const TEACHER = 'teacher@school.example';
export const OFFICE = 'office@school.example';
export const OUTSIDER = 'visitor@school.example';

export interface TrustRegister {
  readonly ws: Workspace;
  /** A fresh context (ports built anew) for the current user, as each execution has. */
  ctx(): AppContext;
  /** Runs fn as one execution with a fresh context. */
  run<T>(fn: (ctx: AppContext) => T): T;
  as(email: string): void;
  /** Moves the clock (Date itself, which the real Clock adapter reads) to 10:00 London on a date. */
  at(iso: string): void;
}

/** London 10:00 on the given date (BST until 25 October 2026). */
export function londonMorning(iso: string): Date {
  const bst = iso >= '2026-03-29' && iso < '2026-10-25';
  return new Date(`${iso}T${bst ? '09' : '10'}:00:00Z`);
}

export function createTrustRegister(options: { today?: string; install?: boolean } = {}): TrustRegister {
  // The Clock adapter reads new Date(), as in Apps Script, so the test moves Date itself; the
  // emulator's clock reads the same Date.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
  const at = (iso: string) => jest.setSystemTime(londonMorning(iso));
  at(options.today ?? '2026-10-07');
  const ws = createWorkspace({ activeUser: COORDINATOR });
  if (options.install !== false) ws.install(globalThis as unknown as Record<string, unknown>);
  const ctx = () => new AppContext(createGasServices());
  const run = <T>(fn: (c: AppContext) => T): T => ws.run(() => fn(ctx()));
  run((c) => setUpRegister(c));
  run((c) => c.services.tables.append(STAFF, [
    { email: PASTORAL, name: 'Pat Pastoral', role: 'Pastoral', active: true },
    { email: SLT, name: 'Sam Head', role: 'SLT', active: true },
    { email: TEACHER, name: 'Tess Teacher', role: 'Teacher', active: true },
    { email: OFFICE, name: 'Olu Office', role: 'Office', active: true },
  ]));
  return { ws, ctx, run, as: (email) => ws.setActiveUser(email), at };
}

/** Every sheet's name, values and formulas, and the document properties: what "changes nothing" compares. */
export function snapshot(ws: Workspace): string {
  const sheets = ws.spreadsheet.getSheets().map((s) => {
    const range = s.getDataRange();
    return { name: s.getName(), values: range.getValues(), formulas: range.getFormulas() };
  });
  const service = ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  const props = ws.run(() => service.getDocumentProperties().getProperties());
  return JSON.stringify({ sheets, props });
}
