/**
 * Trigger health: a deleted and a duplicated trigger are found and repaired, each trigger's last
 * successful run is shown, and when Google needs the add-on re-authorised the triggers do nothing
 * but email their owner, at most once a day.
 */
import * as entry from '../../src/gas/entryPoints';
import { checkTriggers } from '../../src/app/trust/triggerHealth';
import { guardTrigger } from '../../src/app/trust/guardTrigger';
import { KEY } from '../../src/app/contacts/keys';
import { CONTACTS } from '../../src/domain/schema';
import { COORDINATOR, PASTORAL, TEACHER, OUTSIDER, createTrustRegister, londonMorning, type TrustRegister } from './harness';

function setUp(): TrustRegister {
  const reg = createTrustRegister();
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.onContactFormSubmit = entry.onContactFormSubmit;
  globals.runDailyCheck = entry.runDailyCheck;
  return reg;
}

function handlers(reg: TrustRegister): string[] {
  return reg.ws.triggers.records.map((t) => `${t.handler}:${t.ownerEmail}`).sort();
}

describe('Check triggers', () => {
  it('finds both triggers healthy after set-up, with when each last ran', () => {
    const reg = setUp();
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    const report = reg.run((ctx) => checkTriggers(ctx, { repair: false }));
    expect(report.healthy).toBe(true);
    const daily = report.statuses.find((s) => s.handler === 'runDailyCheck')!;
    expect(daily.count).toBe(1);
    expect(daily.lastSuccess).toBe(londonMorning('2026-10-07').toISOString());
    expect(report.lines.join('\n')).toMatch(/daily check is installed \(as you\) and last ran successfully 7 Oct 2026, 10:00/);
  });

  it('finds a deleted daily trigger and a duplicated form trigger, and repairs both', () => {
    const reg = setUp();
    const daily = reg.ws.triggers.records.find((t) => t.handler === 'runDailyCheck')!;
    reg.ws.triggers.remove(daily.uid);
    reg.run((ctx) => ctx.services.triggers.createFormSubmit('onContactFormSubmit'));
    expect(handlers(reg)).toEqual([`onContactFormSubmit:${COORDINATOR}`, `onContactFormSubmit:${COORDINATOR}`]);

    const found = reg.run((ctx) => checkTriggers(ctx, { repair: false }));
    expect(found.healthy).toBe(false);
    expect(found.lines.join('\n')).toMatch(/installed 2 times/);
    expect(found.lines.join('\n')).toMatch(/daily check is missing, so it will not run/);
    expect(handlers(reg)).toHaveLength(2); // looking changes nothing

    const repaired = reg.run((ctx) => checkTriggers(ctx, { repair: true }));
    expect(repaired.repaired).toBe(true);
    expect(repaired.healthy).toBe(true);
    expect(handlers(reg)).toEqual([`onContactFormSubmit:${COORDINATOR}`, `runDailyCheck:${COORDINATOR}`]);
    const audit = reg.run((ctx) => ctx.services.tables.readTail({ ...CONTACTS, key: 'audit', title: 'Audit log', columns: [{ key: 'action', header: 'Action', type: 'text' }] }, 1));
    expect(audit[0].values.action).toBe('Triggers repaired');

    // A second repair finds nothing to do.
    expect(reg.run((ctx) => checkTriggers(ctx, { repair: true })).lines[0]).toBe('Nothing needed repairing.');
  });

  it('does not install a second set for another coordinator while the first owner\u2019s daily check is running', () => {
    const reg = setUp();
    reg.run((ctx) => checkTriggers(ctx, { repair: true })); // records the owner
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    reg.run((ctx) => ctx.services.tables.update({ ...CONTACTS, key: 'staff', title: 'Staff', columns: [{ key: 'role', header: 'Role', type: 'text' }] }, [{ rowNumber: 3, values: { role: 'Coordinator' } }]));
    reg.as(PASTORAL);
    const report = reg.run((ctx) => checkTriggers(ctx, { repair: true }));
    expect(report.lines.join('\n')).toMatch(/Left the triggers running as lcm@school\.example/);
    expect(handlers(reg)).toEqual([`onContactFormSubmit:${COORDINATOR}`, `runDailyCheck:${COORDINATOR}`]);
  });

  it('refuses a teacher plainly', () => {
    const reg = setUp();
    reg.as(TEACHER);
    expect(() => reg.run((ctx) => checkTriggers(ctx, { repair: true }))).toThrow(/Your role \(Teacher\) does not allow you to run the daily check/);
  });
});

describe('Triggers gated on ScriptApp.getAuthorizationInfo', () => {
  it('emails the owner once a day while re-authorisation is needed, and does nothing else', () => {
    const reg = setUp();
    reg.ws.auth.requireReauthorisation = true;
    const before = reg.ws.outbox.length;
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    reg.ws.triggers.fireMatching({ handler: 'onContactFormSubmit' }, {});
    const mails = reg.ws.outbox.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([COORDINATOR]);
    expect(String(mails[0].subject)).toMatch(/authorise/);
    expect(reg.run((ctx) => ctx.services.state.get(KEY.lastDailyCheck))).toBeNull();

    reg.at('2026-10-08');
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    expect(reg.ws.outbox.length - before).toBe(2);

    reg.ws.auth.requireReauthorisation = false;
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    expect(reg.run((ctx) => ctx.services.state.get(KEY.lastDailyCheck))).not.toBeNull();
  });

  it('refuses to run a trigger as someone not on the Staff sheet', () => {
    const reg = setUp();
    reg.as(OUTSIDER);
    expect(() => reg.run((ctx) => guardTrigger(ctx, 'runDailyCheck'))).toThrow(/runs as visitor@school\.example, who is not an active member of staff/);
    reg.ws.setActiveUser('', { visibleEmail: false });
    expect(() => reg.run((ctx) => guardTrigger(ctx, 'runDailyCheck'))).toThrow(/could not tell which account it runs as/);
  });
});
