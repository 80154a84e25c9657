/**
 * The built bundle, loaded as Apps Script loads it: a classic script (no modules), whose menu
 * items, triggers and google.script.run targets are all top-level functions, and which works
 * end to end on the emulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createWorkspace, loadBundle, readHtmlFiles, type Workspace } from '../../emulator';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');

/**
 * Apps Script finds menu items, triggers and google.script.run targets among the script's
 * top-level function declarations, so each must be declared in the source, not only assigned
 * at run time.
 */
function declaredFunctions(code: string): Set<string> {
  return new Set([...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]));
}

function serverApiNames(): string[] {
  const source = fs.readFileSync(path.join(root, 'src/shared/api.ts'), 'utf8');
  const body = source.slice(source.indexOf('export interface ServerApi'));
  return [...body.matchAll(/^\s{2}(\w+)\(/gm)].map((m) => m[1]);
}

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, 'Code.js'))) execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}, 120000);

describe('dist/Code.js', () => {
  let ws: Workspace;
  let bundle: ReturnType<typeof loadBundle>;
  const code = () => fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');

  beforeEach(() => {
    ws = createWorkspace({ htmlFiles: readHtmlFiles(dist) });
    bundle = loadBundle(ws, code());
  });

  it('is a classic script with no module syntax or require left in it', () => {
    expect(code()).not.toMatch(/^\s*(import|export)\s/m);
    expect(code()).not.toMatch(/\brequire\(/);
    expect(code()).not.toMatch(/\bimport\(/);
  });

  it('stays under 400 KB', () => {
    expect(fs.statSync(path.join(dist, 'Code.js')).size).toBeLessThan(400 * 1024);
  });

  it('ships a manifest with exactly the least-privilege scopes and the advanced services', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/London');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/classroom.courses.readonly',
      'https://www.googleapis.com/auth/classroom.coursework.students',
      'https://www.googleapis.com/auth/classroom.rosters.readonly',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/forms',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    for (const scope of manifest.oauthScopes as string[]) {
      expect(scope).not.toMatch(/auth\/drive$|mail\.google\.com|auth\/gmail|auth\/documents$|auth\/spreadsheets$/);
    }
    const services = manifest.dependencies.enabledAdvancedServices.map((s: { userSymbol: string; version: string }) => `${s.userSymbol} ${s.version}`);
    expect(services.sort()).toEqual(['Classroom v1', 'Docs v1', 'Drive v3']);
  });

  it('builds its menu from onOpen, and every menu item names a top-level function', () => {
    (bundle.context.onOpen as () => void)();
    const menu = ws.ui.menus.find((m) => m.addon);
    expect(menu).toBeDefined();
    const items = menu!.entries.flatMap((e) => (e.kind === 'item' ? [e.functionName] : []));
    expect(items).toContain('setUpRegister');
    const declared = declaredFunctions(code());
    for (const name of items) {
      expect(bundle.functions).toContain(name);
      expect(declared).toContain(name);
    }
  });

  it('exposes every server function the sidebar calls as a top-level function', () => {
    const names = serverApiNames();
    expect(names.length).toBeGreaterThan(5);
    const declared = declaredFunctions(code());
    const missing = names.filter((n) => !bundle.functions.includes(n) || !declared.has(n));
    expect(missing).toEqual([]);
  });

  it('sets up the register end to end, and every trigger it installs names a top-level function', () => {
    ws.callFunction('setUpRegister');
    const sheetNames = ws.spreadsheet.getSheets().map((s) => s.getName());
    expect(sheetNames).toEqual(expect.arrayContaining(['Cases', 'Calendar', 'Staff', 'Settings', 'Audit log']));
    expect(ws.ui.alerts.at(-1)?.prompt).toMatch(/The register is ready/);
    const declared = declaredFunctions(code());
    expect(ws.triggers.records.map((t) => t.handler).sort()).toEqual(['onContactFormSubmit', 'runDailyCheck']);
    for (const trigger of ws.triggers.records) expect(declared).toContain(trigger.handler);
    // A second run finds nothing to repair.
    ws.callFunction('setUpRegister');
    expect(ws.ui.alerts.at(-1)?.prompt).toMatch(/already in order/);
  });

  it('shows the sidebar built from the bundled page', () => {
    ws.callFunction('setUpRegister');
    ws.callFunction('showSidebar');
    expect(ws.ui.sidebar?.title).toBe('Health Needs Register');
  });
});
