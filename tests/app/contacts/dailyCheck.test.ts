/**
 * The daily check on the emulator: compliance per school day of absence (closed days never
 * missing), case columns, the Form's pupil list, one digest with no health detail, trigger
 * health, and what it costs: each sheet read once and written once.
 */
import { FakeRange, FakeSheet } from '../../../emulator';
import { runDailyCheck } from '../../../src/app/contacts/dailyCheck';
import { KEY } from '../../../src/app/contacts/keys';
import { CONTACT_COMPLIANCE } from '../../../src/domain/schema';
import * as entry from '../../../src/gas/entryPoints';
import * as contactsApi from '../../../src/gas/pageApi/contacts';
import { COORDINATOR, createContactRegister, setSetting, type ContactRegister } from './harness';

const AMY = { ref: 'HN-2026-0001', pupilName: 'Amy Khan', yearGroup: 'Year 7', firstDay: '2026-10-21', healthDetail: 'Glandular fever' };
const BEN = { ref: 'HN-2026-0002', pupilName: 'Ben Ode', yearGroup: 'Year 10', firstDay: '2026-11-03', healthDetail: 'Broken femur' };

function check(reg: ContactRegister) {
  return reg.ws.run(() => runDailyCheck(reg.ctx(), 'trigger'));
}

function compliance(reg: ContactRegister) {
  return reg.ws.run(() => reg.ctx().services.tables.readAll(CONTACT_COMPLIANCE)).map((r) => r.values);
}

/** Data reads and writes per sheet while fn runs: header-row reads (the column map) are left out. */
function sheetTraffic<T>(fn: () => T): { result: T; reads: Record<string, number>; writes: Record<string, number> } {
  const reads: Record<string, number> = {};
  const writes: Record<string, number> = {};
  const proto = FakeRange.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const sheetProto = FakeSheet.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const saved = { getValues: proto.getValues, getFormulas: proto.getFormulas, setValues: proto.setValues, appendRow: sheetProto.appendRow, getSheetValues: sheetProto.getSheetValues };
  const tally = (into: Record<string, number>, name: string) => { into[name] = (into[name] ?? 0) + 1; };
  proto.getValues = function (this: FakeRange, ...args: unknown[]) {
    if (this.r + this.nr > 1) tally(reads, this.sheet.name);
    return saved.getValues.apply(this, args);
  };
  proto.getFormulas = function (this: FakeRange, ...args: unknown[]) {
    if (this.r + this.nr > 1) tally(reads, `${this.sheet.name} (formulas)`);
    return saved.getFormulas.apply(this, args);
  };
  proto.setValues = function (this: FakeRange, ...args: unknown[]) {
    if (this.r + this.nr > 1) tally(writes, this.sheet.name);
    return saved.setValues.apply(this, args);
  };
  // Sheet.getSheetValues reads a block in one call, as getRange(...).getValues() does in two.
  sheetProto.getSheetValues = function (this: FakeSheet, ...args: unknown[]) {
    const [row, , rows] = args as number[];
    if (row + rows > 2) tally(reads, this.name);
    return saved.getSheetValues.apply(this, args);
  };
  sheetProto.appendRow = function (this: FakeSheet, ...args: unknown[]) {
    tally(writes, this.name);
    return saved.appendRow.apply(this, args);
  };
  try {
    return { result: fn(), reads, writes };
  } finally {
    Object.assign(proto, { getValues: saved.getValues, getFormulas: saved.getFormulas, setValues: saved.setValues });
    sheetProto.appendRow = saved.appendRow;
    sheetProto.getSheetValues = saved.getSheetValues;
  }
}

describe('contact compliance', () => {
  it('marks each school day of absence made, attempted or missing, and never a weekend, holiday or INSET day', () => {
    // Amy is off from Wed 21 Oct; half term is 26-30 Oct and Mon 2 Nov is an INSET day.
    const reg = createContactRegister({ today: '2026-11-04', londonHour: 17 });
    reg.addCases([AMY]);
    reg.submit(AMY.ref, { date: '2026-10-21', outcome: 'Spoke to' });
    reg.submit(AMY.ref, { date: '2026-10-22', outcome: 'No answer' });
    reg.submit(AMY.ref, { date: '2026-11-03', outcome: 'Message left' });
    check(reg);
    const [row] = compliance(reg);
    // School days: 21, 22, 23 Oct, 3, 4 Nov (17:00, so today counts).
    expect(row).toMatchObject({ caseRef: AMY.ref, schoolDays: 5, made: 1, attempted: 2, missing: 2, lastContact: '2026-11-03', daysWithoutContact: 1 });
    expect(row.missingDays).toBe('Wed 4 Nov 2026, Fri 23 Oct 2026');
    expect(String(row.missingDays)).not.toMatch(/Oct 2026.*(2[4-9]|30|31) Oct|2 Nov|1 Nov/);
    expect(reg.caseRow(AMY.ref)).toMatchObject({ lastContact: '2026-11-03', daysWithoutContact: 1 });
  });

  it('does not count today as missing before the "Count today as missing from hour"', () => {
    const reg = createContactRegister({ today: '2026-11-04', londonHour: 10 });
    reg.addCases([BEN]);
    reg.submit(BEN.ref, { date: '2026-11-03' });
    check(reg);
    expect(compliance(reg)[0]).toMatchObject({ schoolDays: 1, made: 1, missing: 0, daysWithoutContact: 0 });
    reg.at('2026-11-04', 17);
    check(reg);
    expect(compliance(reg)[0]).toMatchObject({ schoolDays: 2, made: 1, missing: 1, daysWithoutContact: 1 });
    setSetting(reg, 'Count today as missing from hour', '18');
    check(reg);
    expect(compliance(reg)[0]).toMatchObject({ schoolDays: 1, missing: 0 });
  });
});

describe('the daily digest', () => {
  it('goes once to the coordinator, naming pupils and case links only', () => {
    const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
    reg.addCases([AMY, BEN]);
    reg.submit(BEN.ref, { date: '2026-11-04', wellbeing: 'Pain is worse; new medication' });
    const report = check(reg);
    expect(report.needingCall).toBe(1);
    const mail = reg.ws.mail.outbox;
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual([COORDINATOR]);
    expect(mail[0].subject).toBe('Health Needs Register: 1 pupil to contact today (Thu 5 Nov 2026)');
    expect(mail[0].body).toContain('Amy Khan (Year 7), case HN-2026-0001');
    expect(mail[0].body).toMatch(/#gid=\d+&range=A2/);
    expect(mail[0].body).not.toContain('Ben Ode');
    for (const text of [mail[0].subject, mail[0].body, mail[0].htmlBody ?? '']) {
      expect(text).not.toMatch(/Glandular|femur|Physical illness|medication|Pain/);
    }
    expect(mail[0].subject).not.toContain('Amy');
    // Run again (a repeated trigger, or "Run daily check now"): no second email today.
    check(reg);
    expect(reg.ws.mail.outbox).toHaveLength(1);
  });

  it('stays within MailApp\u2019s body limit with 5,000 pupils to call: the first 200, then how many more and where', () => {
    const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
    reg.addManyCases(5000);
    const report = check(reg);
    expect(report.needingCall).toBe(5000);
    const mail = reg.ws.mail.outbox;
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Health Needs Register: 5000 pupils to contact today (Thu 5 Nov 2026)');
    const bytes = Buffer.byteLength(mail[0].body) + Buffer.byteLength(mail[0].htmlBody ?? '');
    // 200 KB is a consumer account's limit, the smaller of the two.
    expect(bytes).toBeLessThan(200 * 1024);
    expect(mail[0].body.match(/^\u2022 Pupil \d+ \(Year 7\), case /gm)).toHaveLength(200);
    const complianceId = reg.ws.spreadsheet.getSheets().find((sh) => sh.getName() === 'Contact compliance')!.getSheetId();
    expect(mail[0].body).toContain(`and 4800 more pupils: see the Contact compliance sheet: `);
    expect(mail[0].body).toMatch(new RegExp(`more pupils: see the Contact compliance sheet: \\S+#gid=${complianceId}$`, 'm'));
    expect(mail[0].htmlBody).toContain(`#gid=${complianceId}">and 4800 more pupils`);
  });

  it('is not sent when everyone has been contacted, nor on a day the school is closed', () => {
    const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
    reg.addCases([BEN]);
    reg.submit(BEN.ref, { date: '2026-11-04' });
    check(reg);
    expect(reg.ws.mail.outbox).toHaveLength(0);
    reg.at('2026-11-07', 7); // a Saturday: Ben has gone without contact on Thu and Fri
    const report = check(reg);
    expect(report.needingCall).toBe(1);
    expect(reg.ws.mail.outbox).toHaveLength(0);
    expect(report.summary).toMatch(/school is closed/);
  });

  it('asks the trigger\u2019s owner to authorise the add-on again, at most once a day, and does nothing else', () => {
    const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
    reg.addCases([AMY]);
    reg.ws.auth.requireReauthorisation = true;
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    expect(reg.ws.mail.outbox).toHaveLength(1);
    expect(reg.ws.mail.outbox[0].to).toEqual([COORDINATOR]);
    expect(reg.ws.mail.outbox[0].body).toContain('/authorize');
    expect(compliance(reg)).toHaveLength(0);
    reg.ws.auth.requireReauthorisation = false;
    reg.ws.triggers.fireTimeDriven('runDailyCheck');
    expect(compliance(reg)).toHaveLength(1);
    expect(reg.ws.run(() => reg.ctx().services.state.get(KEY.lastDailyCheck))).toBe(new Date().toISOString());
  });
});

describe('running the check', () => {
  it('from the menu shows the report; from the sidebar returns it; only roles that may run checks can', () => {
    const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
    reg.addCases([AMY]);
    const globals = globalThis as unknown as Record<string, unknown>;
    globals.runDailyCheckFromMenu = entry.runDailyCheckFromMenu;
    globals.runDailyCheckNow = contactsApi.runDailyCheckNow;
    reg.ws.callFunction('runDailyCheckFromMenu');
    expect(reg.ws.ui.alerts[reg.ws.ui.alerts.length - 1]?.prompt).toMatch(/Checked contact for 1 open case: 1 pupil to contact today/);
    expect(String(reg.ws.runFunction('runDailyCheckNow'))).toMatch(/Checked contact for 1 open case/);
    reg.ws.setActiveUser('teacher@school.example');
    expect(() => reg.ws.runFunction('runDailyCheckNow')).toThrow(/does not allow you to run the daily check/);
  });

  it('keeps the Form\u2019s pupil list in step, sending it only when the open cases changed', () => {
    const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
    reg.addCases([AMY]);
    check(reg);
    reg.ws.meter.reset();
    check(reg);
    expect(reg.ws.meter.total('FormApp')).toBe(0);
  });

  it('reads each sheet once and writes each once, whatever the number of cases', () => {
    const measure = (cases: number) => {
      const reg = createContactRegister({ today: '2026-11-05', londonHour: 7 });
      reg.addManyCases(cases);
      reg.submit('HN-2026-0001', { date: '2026-11-04' }, { fireTriggers: false });
      reg.ws.meter.reset();
      const traffic = sheetTraffic(() => check(reg));
      return { ...traffic, calls: reg.ws.meter.snapshot() };
    };
    const small = measure(5);
    const large = measure(400);
    expect(large.calls).toEqual(small.calls);
    expect(small.result.openCases).toBe(5);
    expect(large.result.openCases).toBe(400);
    // Settings come from the document cache an earlier execution filled (src/gas/cachingTables.ts).
    expect(small.reads).toEqual({
      // One read of the register, then the Cases update reads the box it rewrites (values and
      // formulas) so that cells staff typed in between are written back as they were: the only
      // second look at any sheet.
      Cases: 2,
      'Cases (formulas)': 1,
      'Absence periods': 1,
      Calendar: 1,
      'Contact form responses': 1,
      'Contact log': 1,
      // LA arrangements, reintegration and governance: its sheets with rows (the policy tracker), once.
      'Policy review': 1,
      // Trust: the audit log is verified, and the Staff sheet compared with yesterday's, once each.
      'Audit log': 1,
      Staff: 1,
    });
    expect(small.writes).toEqual({
      Cases: 1,
      'Contact compliance': 1,
      // The response waiting since a lost delivery, swept in, and its audit line.
      'Contact log': 1,
      'Audit log': 1,
    });
  });
});
