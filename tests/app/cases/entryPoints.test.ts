/** The menu items and page functions of the case register, called by name as Apps Script calls them. */
import fs from 'node:fs';
import path from 'node:path';
import '../../../src/main';
import { MENU_ITEMS } from '../../../src/gas/menu';
import { createRegister, OFFICE, TEACHER, upnFor } from './harness';

it('offers the register\u2019s menu items, each a top-level function', () => {
  const names = MENU_ITEMS.flatMap((i) => (i === 'separator' ? [] : [i.functionName]));
  expect(names).toEqual(expect.arrayContaining(['refreshRegisterNow', 'showImportDialog', 'buildAttendanceCheck']));
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of ['refreshRegisterNow', 'showImportDialog', 'buildAttendanceCheck', 'getSidebarState', 'getFormChoices', 'searchPupils',
    'getCaseSummary', 'openCase', 'changeCase', 'recordReturn', 'recordNewAbsence', 'closeCase', 'importPupilsCsv']) {
    expect(typeof g[name]).toBe('function');
  }
});

it('runs the page functions through google.script.run, with readable refusals', () => {
  const reg = createRegister();
  const today = new Date().toISOString().slice(0, 10);
  const first = today >= '2026-09-03' && today <= '2027-07-21' ? today : '2027-06-14';
  const summary = reg.ws.runFunction('openCase', { upn: upnFor(1), healthNeed: 'Mental health', firstDay: first, arrangement: 'School work: work packs' }) as { ref: string };
  expect(summary.ref).toMatch(/^HN-\d{4}-0001$/);
  const state = reg.ws.runFunction('getSidebarState') as { openCases: Array<{ ref: string }> };
  expect(state.openCases.map((c) => c.ref)).toEqual([summary.ref]);
  expect(() => reg.ws.runFunction('openCase', { upn: 'B801200005002', healthNeed: 'Mental health', firstDay: first, arrangement: 'School work: work packs' }))
    .toThrow(/does not check out/);
  reg.as(TEACHER);
  expect(() => reg.ws.runFunction('closeCase', { ref: summary.ref, date: first })).toThrow(/Your role \(Teacher\) does not allow you to close a case/);
});

it('shows the import dialog to the office and the register check\u2019s report in an alert', () => {
  const page = fs.readFileSync(path.join(__dirname, '../../../src/ui/pages/ImportPupils.html'), 'utf8');
  const reg = createRegister('2027-06-28', { ImportPupils: page });
  reg.as(OFFICE);
  reg.ws.callFunction('showImportDialog');
  expect(reg.ws.ui.alerts).toEqual([]);
  expect(reg.ws.ui.dialogs.at(-1)?.title).toBe('Import pupils from the MIS');
  reg.ws.callFunction('refreshRegisterNow');
  expect(reg.ws.ui.alerts.at(-1)?.prompt).toMatch(/does not allow you to run the daily check/);
  reg.as('lcm@school.example');
  reg.ws.callFunction('refreshRegisterNow');
  expect(reg.ws.ui.alerts.at(-1)?.prompt).toMatch(/^Checked 0 cases \(0 open\): 0 need action\./);
});
