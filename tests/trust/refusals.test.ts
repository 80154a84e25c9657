/**
 * Who may act, proved on the built bundle (dist/Code.js) as Apps Script loads it: EVERY top-level
 * function but onOpen/onInstall (which only build the menu and read nothing) is called, by name,
 * as (a) someone with access to the spreadsheet who is not on the Staff sheet and (b) a user
 * whose email Apps Script cannot see. Each is refused with a plain message naming why, and
 * nothing changes: every sheet's values and formulas and every document property are as before.
 *
 * Triggers (onContactFormSubmit, runDailyCheck) run as the person who installed them, so they
 * are checked against the Staff sheet by the account they run as (guardTrigger): called directly
 * by anyone else (google.script.run can reach any top-level function) they run as that person
 * and are refused the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createWorkspace, loadBundle, readHtmlFiles, type Workspace } from '../../emulator';
import { snapshot } from './harness';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

const COORDINATOR = 'lcm@school.example';
const REFUSAL = /are not on the Staff sheet|cannot tell who you are|could not tell which account it runs as|who is not an active member of staff/;

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, 'Code.js'))) execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}, 120000);

let ws: Workspace;
let functions: string[];

beforeAll(() => {
  ws = createWorkspace({ activeUser: COORDINATOR, htmlFiles: readHtmlFiles(dist) });
  functions = loadBundle(ws, fs.readFileSync(path.join(dist, 'Code.js'), 'utf8')).functions;
  ws.callFunction('setUpRegister');
  expect(ws.ui.alerts.at(-1)?.prompt).toMatch(/The register is ready/);
});

/** What the person sees: the error a page or trigger gets, or the alert a menu item shows. */
function outcome(name: string): string {
  const alertsBefore = ws.ui.alerts.length;
  try {
    const fn = ws.ctx.resolveFunction(name)!;
    // As google.script.run would pass them: plain values. Refusal must come before they are read.
    ws.run(() => fn({}));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return ws.ui.alerts.slice(alertsBefore).map((a) => a.prompt).join('\n') || '(nothing shown)';
}

const callers: Array<[string, () => void]> = [
  ['someone not on the Staff sheet', () => ws.setActiveUser('visitor@school.example')],
  ['a user whose email Apps Script cannot see', () => ws.setActiveUser('', { visibleEmail: false })],
];

describe.each(callers)('every entry point, called by %s', (_who, become) => {
  it('is refused with a plain message and changes nothing', () => {
    const names = functions.filter((n) => n !== 'onOpen' && n !== 'onInstall').sort();
    expect(names).toEqual(expect.arrayContaining(['setUpRegister', 'showSidebar', 'getSidebarState', 'openCase', 'logContact', 'onContactFormSubmit', 'runDailyCheck', 'verifyAuditLog', 'checkTriggers', 'runSelfTest', 'reviewRetention']));
    const failures: string[] = [];
    for (const name of names) {
      ws.setActiveUser(COORDINATOR);
      const before = snapshot(ws);
      become();
      const shown = outcome(name);
      ws.setActiveUser(COORDINATOR);
      if (process.env.SHOW_REFUSALS) process.stdout.write(`${name}: ${shown.slice(0, 110)}\n`);
      if (!REFUSAL.test(shown)) failures.push(`${name}: not refused plainly: ${shown}`);
      if (/Something went wrong|reference [A-Z0-9]{6}/.test(shown)) failures.push(`${name}: a fault, not a refusal: ${shown}`);
      if (snapshot(ws) !== before) failures.push(`${name}: changed the register`);
    }
    expect(failures).toEqual([]);
  });
});
