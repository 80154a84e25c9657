/**
 * A member of staff added to the Staff sheet after set-up can work through the add-on as soon as
 * a coordinator next opens the sidebar (or the daily check runs): the add-on writes as the
 * person using it, so the protections must list them.
 */
import { createWorkspace } from '../../../emulator';
import { AppContext } from '../../../src/app/context';
import { createGasServices } from '../../../src/gas/services';
import { setUpRegister } from '../../../src/app/setUpRegister';
import { openCase } from '../../../src/app/cases/openCase';
import { getSidebarState } from '../../../src/app/cases/viewCases';
import { runDailyCheck } from '../../../src/app/contacts/dailyCheck';
import { STAFF, AUDIT_LOG } from '../../../src/domain/schema';
import { platformMessage } from '../../../src/gas/runEntry';
import { upnFor, TEST_CALENDAR } from '../cases/harness';
import { CALENDAR } from '../../../src/domain/schema';

const COORDINATOR = 'lcm@school.example';
const NEWCOMER = 'new.pastoral@school.example';

function register() {
  const ws = createWorkspace({ activeUser: COORDINATOR, now: () => new Date('2026-11-23T09:00:00Z') });
  ws.install(globalThis as unknown as Record<string, unknown>);
  const ctx = () => new AppContext(createGasServices());
  setUpRegister(ctx());
  ws.endExecution();
  ctx().services.tables.replaceAll(CALENDAR, TEST_CALENDAR);
  // A coordinator adds a member of staff by typing on the Staff sheet, as the sheet invites.
  ctx().services.tables.append(STAFF, [{ email: NEWCOMER, name: 'Nia Newcomer', role: 'Pastoral', active: true }]);
  ws.endExecution();
  return { ws, ctx };
}

const input = {
  upn: upnFor(7), pupilName: 'Theo Grant', healthNeed: 'Injury or surgery', firstDay: '2026-11-16', arrangement: 'School work: work packs',
};

describe('staff added after set-up', () => {
  it('are refused by Sheets until access is brought up to date, with a message that says what to do', () => {
    const { ws, ctx } = register();
    ws.setActiveUser(NEWCOMER);
    let error: unknown;
    try {
      openCase(ctx(), input);
    } catch (e) {
      error = e;
    }
    ws.endExecution();
    expect(platformMessage(error)).toMatch(/ask a coordinator to open the Health Needs Register sidebar/);
  });

  it('can work once a coordinator opens the sidebar, and the change is in the audit log', () => {
    const { ws, ctx } = register();
    getSidebarState(ctx());
    ws.endExecution();
    const audit = ctx().services.tables.readAll(AUDIT_LOG).map((r) => String(r.values.action));
    expect(audit).toContain('Staff access updated');

    ws.setActiveUser(NEWCOMER);
    const summary = openCase(ctx(), input);
    ws.endExecution();
    expect(summary.ref).toMatch(/^HN-2026-\d{4}$/);
  });

  it('can work after the daily check, which a coordinator\u2019s trigger runs', () => {
    const { ws, ctx } = register();
    runDailyCheck(ctx(), 'person');
    ws.endExecution();
    ws.setActiveUser(NEWCOMER);
    expect(openCase(ctx(), input).pupilName).toBe('Theo Grant');
  });

  it('costs nothing extra when the Staff sheet has not changed', () => {
    const { ws, ctx } = register();
    getSidebarState(ctx());
    ws.endExecution();
    ws.meter.reset();
    getSidebarState(ctx());
    const first = ws.meter.snapshot();
    ws.meter.reset();
    getSidebarState(ctx());
    expect(ws.meter.snapshot()).toEqual(first);
    expect(first['SpreadsheetApp.Sheet.protect'] ?? 0).toBe(0);
  });
});
